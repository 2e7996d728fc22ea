package org.borderwatch.importing;

import java.util.List;

/**
 * Builds rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null,
 * backslash escapes) and the small JSON documents some staging columns hold. Written by
 * hand rather than through a JSON mapper: it runs once per field of every imported row.
 */
final class CopyText {

	private final StringBuilder line = new StringBuilder(1024);

	private boolean first = true;

	CopyText value(Object value) {
		if (!this.first) {
			this.line.append('\t');
		}
		this.first = false;
		if (value == null) {
			this.line.append("\\N");
			return this;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				default -> this.line.append(c);
			}
		}
		return this;
	}

	/** The fields so far, without the row's end. */
	String fields() {
		return this.line.toString();
	}

	/** The row, ended by a newline. */
	String row() {
		return this.line.toString() + "\n";
	}

	/** A JSON string literal, or {@code null}. */
	static String json(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static String json(Integer number) {
		return (number != null) ? number.toString() : "null";
	}

	static String jsonArray(List<String> texts) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < texts.size(); i++) {
			out.append((i > 0) ? "," : "").append(json(texts.get(i)));
		}
		return out.append(']').toString();
	}

}
