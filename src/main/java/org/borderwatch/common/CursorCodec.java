package org.borderwatch.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs cursors into the tokens clients send back, and checks them on the way in. A token
 * carries the sort keys of a {@link Cursor}, a fingerprint of the filters of the request
 * that issued it, and an HMAC-SHA256 signature (truncated) over both: a cursor that was
 * hand-edited or cut short is refused with a 400, and so is a cursor sent with other
 * filters than those it was issued for, since that walk would silently skip or repeat
 * rows.
 * <p>
 * The filters are the request's query parameters other than {@code cursor}, {@code limit}
 * (a client may change the page size mid-walk) and {@code format}, read
 * case-insensitively, with repeated and comma-separated values as one set: the order in
 * which a client spells them does not matter.
 */
@Component
public class CursorCodec {

	private static final char SEPARATOR = '\u001f';

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int SIGNATURE_BYTES = 12;

	private static final int FINGERPRINT_CHARS = 8;

	private static final Set<String> NOT_FILTERS = Set.of("cursor", "limit", "format");

	private static final String FINGERPRINT_ATTRIBUTE = CursorCodec.class.getName() + ".fingerprint";

	/**
	 * One HMAC per thread, keyed once: looking the algorithm up and keying it again for
	 * every cursor was a visible share of a page request. {@code doFinal} leaves a Mac
	 * ready for reuse.
	 */
	private final ThreadLocal<Mac> macs;

	public CursorCodec(@Value("${borderwatch.cursor-secret:borderwatch-cursor}") String secret) {
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

	/** The token of {@code cursor}, bound to the filters of the current request. */
	public String encode(Cursor cursor) {
		return encodeWith(cursor, currentFingerprint());
	}

	/**
	 * Decodes a cursor a client sent back; fails with a 400 on the {@code cursor}
	 * parameter when it is not one this service issued with {@code expectedValues} sort
	 * keys, or when it was issued for other filters than the current request's.
	 */
	public Cursor decode(String token, int expectedValues) {
		return decodeWith(token, expectedValues, currentFingerprint());
	}

	String encode(Cursor cursor, Map<String, Set<String>> filters) {
		return encodeWith(cursor, fingerprint(filters));
	}

	Cursor decode(String token, int expectedValues, Map<String, Set<String>> filters) {
		return decodeWith(token, expectedValues, fingerprint(filters));
	}

	private String encodeWith(Cursor cursor, String fingerprint) {
		List<String> values = new ArrayList<>();
		values.add(fingerprint);
		values.addAll(cursor.values());
		byte[] payload = String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
	}

	private Cursor decodeWith(String token, int expectedValues, String fingerprint) {
		List<String> values;
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
			values = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (values.size() != expectedValues + 1) {
			throw invalid();
		}
		if (!values.get(0).equals(fingerprint)) {
			throw InvalidInputException.forField("cursor",
					"was issued for other filters; send the filters of the walk it came from unchanged, "
							+ "or start again without a cursor");
		}
		return Cursor.ofValues(values.subList(1, values.size()));
	}

	/**
	 * The fingerprint of the current request's filters, worked out once per request: a
	 * page request checks the cursor it was sent and signs the next one, and each would
	 * otherwise read the query again and compute one more HMAC.
	 */
	private String currentFingerprint() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return fingerprint(Map.of());
		}
		if (attributes.getAttribute(FINGERPRINT_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof String fingerprint) {
			return fingerprint;
		}
		String fingerprint = fingerprint(currentFilters());
		attributes.setAttribute(FINGERPRINT_ATTRIBUTE, fingerprint, RequestAttributes.SCOPE_REQUEST);
		return fingerprint;
	}

	/** The current request's filters: parameter name to its values, normalised. */
	static Map<String, Set<String>> currentFilters() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return Map.of();
		}
		HttpServletRequest request = servlet.getRequest();
		Map<String, Set<String>> filters = new TreeMap<>();
		request.getParameterMap().forEach((name, given) -> {
			if (NOT_FILTERS.contains(name)) {
				return;
			}
			Set<String> values = new TreeSet<>();
			for (String value : given) {
				for (String item : value.split(",")) {
					if (!item.isBlank()) {
						values.add(item.strip().toLowerCase(Locale.ROOT));
					}
				}
			}
			if (!values.isEmpty()) {
				filters.put(name, values);
			}
		});
		return filters;
	}

	/**
	 * A 64-bit FNV-1a hash of the normalised filters, 48 bits of it kept. It needs no
	 * key: it travels inside the signed payload, so a client cannot alter it, and it only
	 * has to tell one walk's filters from another's. (It was an HMAC, the third of every
	 * page request, and a visible share of the request's CPU.)
	 */
	static String fingerprint(Map<String, Set<String>> filters) {
		if (filters.isEmpty()) {
			return "";
		}
		String text = filters.toString();
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
		}
		byte[] bytes = new byte[8];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (hash >>> (56 - 8 * i));
		}
		return ENCODER.encodeToString(bytes).substring(0, FINGERPRINT_CHARS);
	}

	private static InvalidInputException invalid() {
		return InvalidInputException.forField("cursor",
				"is not a cursor this list issued; use the nextCursor value of a previous page unchanged");
	}

	private byte[] sign(byte[] payload) {
		return Arrays.copyOf(this.macs.get().doFinal(payload), SIGNATURE_BYTES);
	}

}
