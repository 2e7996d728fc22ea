package org.borderwatch.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An opaque keyset-pagination position: the sort-key values of the last row a page
 * returned. The values are signed (HMAC-SHA256, truncated) so that a cursor that was
 * hand-edited or cut short is refused with a 400 instead of silently skipping or
 * repeating rows.
 */
public final class Cursor {

	private static final char SEPARATOR = '\u001f';

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int SIGNATURE_BYTES = 12;

	private static volatile Signer signer = new Signer("borderwatch-cursor");

	private final List<String> values;

	private Cursor(List<String> values) {
		this.values = List.copyOf(values);
	}

	/**
	 * Sets the signing key (from configuration); cursors signed with another key stop
	 * validating.
	 */
	public static void useKey(String secret) {
		signer = new Signer(secret);
	}

	public static Cursor of(Object... values) {
		return new Cursor(Arrays.stream(values).map(String::valueOf).toList());
	}

	public List<String> values() {
		return this.values;
	}

	public String value(int index) {
		return this.values.get(index);
	}

	public String encode() {
		byte[] payload = String.join(String.valueOf(SEPARATOR), this.values).getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
	}

	/**
	 * Decodes a cursor a client sent back; fails with a 400 on the {@code cursor}
	 * parameter when it is not one this service issued with {@code expectedValues} sort
	 * keys.
	 */
	public static Cursor decode(String token, int expectedValues) {
		try {
			int dot = token.indexOf('.');
			if (dot < 0) {
				throw invalid();
			}
			byte[] payload = DECODER.decode(token.substring(0, dot));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(signature, sign(payload))) {
				throw invalid();
			}
			List<String> values = Arrays
				.asList(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
			if (values.size() != expectedValues) {
				throw invalid();
			}
			return new Cursor(values);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static InvalidInputException invalid() {
		return InvalidInputException.forField("cursor",
				"is not a cursor this list issued; use the nextCursor value of a previous page unchanged");
	}

	private static byte[] sign(byte[] payload) {
		return Arrays.copyOf(signer.macs.get().doFinal(payload), SIGNATURE_BYTES);
	}

	/**
	 * One HMAC per thread, keyed once: looking the algorithm up and keying it again for
	 * every cursor was a visible share of a page request. {@code doFinal} leaves a Mac
	 * ready for reuse.
	 */
	private static final class Signer {

		private final ThreadLocal<Mac> macs;

		Signer(String secret) {
			SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			this.macs = ThreadLocal.withInitial(() -> {
				try {
					Mac mac = Mac.getInstance("HmacSHA256");
					mac.init(key);
					return mac;
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException("HmacSHA256 is not available", ex);
				}
			});
		}

	}

}
