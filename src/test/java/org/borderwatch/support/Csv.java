package org.borderwatch.support;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for tests: quoted fields with commas, doubled quotes and line
 * breaks, CRLF or LF record ends. Strict: a quote inside an unquoted field, or text after
 * a closing quote, fails the test instead of being guessed at.
 */
public final class Csv {

	private Csv() {
	}

	public static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean afterQuote = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
						continue;
					}
					quoted = false;
					afterQuote = true;
				}
				else {
					field.append(c);
				}
				i++;
				continue;
			}
			if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				afterQuote = false;
			}
			else if (c == '\r' || c == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				afterQuote = false;
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else if (c == '"') {
				if (field.length() > 0 || afterQuote) {
					throw new IllegalArgumentException("Stray quote at " + i);
				}
				quoted = true;
			}
			else {
				if (afterQuote) {
					throw new IllegalArgumentException("Text after a closing quote at " + i);
				}
				field.append(c);
			}
			i++;
		}
		if (quoted) {
			throw new IllegalArgumentException("Unterminated quoted field");
		}
		if (field.length() > 0 || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
