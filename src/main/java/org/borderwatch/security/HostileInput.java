package org.borderwatch.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.borderwatch.common.ReadAheadRequest;

/**
 * Refuses, with a 400 naming the parameter or field, input that would otherwise fail deep
 * inside the service: a query string with a broken percent-encoding, percent-encoded
 * bytes that are not UTF-8 (Tomcat refuses those when the parameters are first read, with
 * a bare 400 that names nothing) or a parameter without a name, and the NUL character in
 * any query parameter or JSON string (PostgreSQL refuses NUL in text, which surfaced as a
 * 500). Runs before anything else reads the request.
 * <p>
 * Only the query string is parsed here, never a form or multipart body, so that large
 * uploads stream on untouched; JSON bodies of writes are scanned for the escaped NUL
 * ({@code \u005cu0000}; a raw one is malformed JSON already) and parsed only when it
 * occurs, to name the field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HostileInput extends OncePerRequestFilter {

	private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(StandardCharsets.US_ASCII);

	private final ProblemResponses problems;

	private final JsonMapper mapper;

	HostileInput(JsonMapper mapper, AccessRules rules) {
		this.mapper = mapper;
		this.problems = new ProblemResponses(mapper, rules);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null) {
			String problem = checkQuery(query);
			if (problem != null) {
				refuse(request, response, problem);
				return;
			}
		}
		if (hasJsonBody(request)) {
			byte[] body = request.getInputStream().readAllBytes();
			if (indexOf(body, ESCAPED_NUL) >= 0) {
				String field = fieldWithNul(body);
				if (field != null) {
					refuse(request, response, field + ": must not contain the NUL character");
					return;
				}
			}
			chain.doFilter(new ReadAheadRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		int colon = detail.indexOf(": ");
		String field = detail.substring(0, colon);
		String message = detail.substring(colon + 2);
		this.problems.writeFieldError(request, response, field, message);
	}

	/** The problem with the query string ("field: message"), or null when it is sound. */
	static String checkQuery(String query) {
		// Without a percent sign nothing decodes to a NUL or to bytes that are not UTF-8,
		// so only a raw NUL or a nameless parameter can be wrong: the common query is
		// cleared by three scans instead of a split and a decode of each parameter.
		if (query.indexOf('%') < 0 && query.indexOf('\0') < 0 && !query.startsWith("=") && !query.contains("&=")) {
			return null;
		}
		return checkEachParameter(query);
	}

	/** {@link #checkQuery}'s verdict, reached by decoding each parameter. */
	static String checkEachParameter(String query) {
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name = decode(rawName);
			if (name == null) {
				return "query: has a parameter name that is not percent-encoded UTF-8";
			}
			if (name.isEmpty()) {
				return "query: has a parameter without a name ('" + pair + "')";
			}
			if (name.indexOf('\0') >= 0) {
				return "query: has a parameter name containing the NUL character";
			}
			String value = decode(rawValue);
			if (value == null) {
				return name + ": is not percent-encoded UTF-8";
			}
			if (value.indexOf('\0') >= 0) {
				return name + ": must not contain the NUL character";
			}
		}
		return null;
	}

	/**
	 * Strict application/x-www-form-urlencoded decoding; null when malformed or when the
	 * decoded bytes are not UTF-8.
	 */
	static String decode(String raw) {
		if (raw.indexOf('%') < 0) {
			return raw.replace('+', ' ');
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean hasJsonBody(HttpServletRequest request) {
		String method = request.getMethod();
		if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
			return false;
		}
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
	}

	/** The JSON path of the first string (or member name) holding a NUL, or null. */
	private String fieldWithNul(byte[] body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
						&& parser.getString().indexOf('\0') >= 0) {
					String path = parser.streamReadContext().pathAsPointer().toString();
					String field = path.replaceFirst("^/", "").replace('/', '.');
					return field.isEmpty() ? "body" : field;
				}
			}
			return null;
		}
		catch (JacksonException ex) {
			// Malformed JSON: the converter answers that with its own 400.
			return null;
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
