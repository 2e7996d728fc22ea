package org.borderwatch.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A JSON value as PostgreSQL rendered it, kept as the UTF-8 bytes that came over the wire
 * and written into responses as they are ({@code JsonGenerator.writeRawValue}). Decoding
 * it into a String only for Jackson to encode it back cost a twentieth of a timeline
 * page's CPU time. The text is decoded only when asked for ({@link #toString()}, the
 * quoted forms).
 */
final class RawJson implements SerializableString {

	private final byte[] utf8;

	private String text;

	RawJson(byte[] utf8) {
		this.utf8 = utf8;
	}

	static RawJson of(String json) {
		return new RawJson(json.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String getValue() {
		String decoded = this.text;
		if (decoded == null) {
			decoded = new String(this.utf8, StandardCharsets.UTF_8);
			this.text = decoded;
		}
		return decoded;
	}

	@Override
	public String toString() {
		return getValue();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RawJson raw) && Arrays.equals(this.utf8, raw.utf8);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.utf8);
	}

	// The generator writes raw values through the unquoted forms; the quoted ones (the
	// value as a
	// JSON string) are there for the interface's other users.

	@Override
	public byte[] asUnquotedUTF8() {
		return this.utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		return copy(this.utf8, buffer, offset);
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		return put(this.utf8, buffer);
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		String value = getValue();
		if (offset + value.length() > buffer.length) {
			return -1;
		}
		value.getChars(0, value.length(), buffer, offset);
		return value.length();
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public char[] asQuotedChars() {
		return JsonStringEncoder.getInstance().quoteAsCharArray(getValue());
	}

	@Override
	public byte[] asQuotedUTF8() {
		return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return copy(asQuotedUTF8(), buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		char[] quoted = asQuotedChars();
		if (offset + quoted.length > buffer.length) {
			return -1;
		}
		System.arraycopy(quoted, 0, buffer, offset, quoted.length);
		return quoted.length;
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		byte[] quoted = asQuotedUTF8();
		out.write(quoted);
		return quoted.length;
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) {
		return put(asQuotedUTF8(), buffer);
	}

	/**
	 * Copies {@code bytes} into {@code buffer} at {@code offset}: their length, or -1
	 * when they do not fit.
	 */
	private static int copy(byte[] bytes, byte[] buffer, int offset) {
		if (offset + bytes.length > buffer.length) {
			return -1;
		}
		System.arraycopy(bytes, 0, buffer, offset, bytes.length);
		return bytes.length;
	}

	private static int put(byte[] bytes, ByteBuffer buffer) {
		if (bytes.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(bytes);
		return bytes.length;
	}

}
