package org.borderwatch.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes RFC 4180 CSV to a stream, one record at a time: UTF-8, CRLF line ends, a field
 * quoted when it holds a comma, a double quote, CR or LF (inner quotes doubled). Nulls
 * are empty fields. Buffers a little and never holds more than one record, so an export
 * of any size runs in constant memory.
 */
public final class CsvWriter {

	private static final String LINE_END = "\r\n";

	private final Writer out;

	public CsvWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
	}

	/**
	 * Writes one record; a collection value becomes one field of its elements joined with
	 * "; ".
	 */
	public void row(Object... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(field(values[i]));
		}
		this.out.write(LINE_END);
	}

	public void flush() throws IOException {
		this.out.flush();
	}

	/** One field, quoted when RFC 4180 requires it. */
	public static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof Collection<?> collection) ? join(collection) : value.toString();
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	private static String join(Collection<?> values) {
		StringBuilder joined = new StringBuilder();
		for (Object value : values) {
			if (!joined.isEmpty()) {
				joined.append("; ");
			}
			joined.append(value);
		}
		return joined.toString();
	}

}
