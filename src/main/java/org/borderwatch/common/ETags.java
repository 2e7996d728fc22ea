package org.borderwatch.common;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Entity tags derived from an aggregate's optimistic-locking version, and the
 * conditional-request rules built on them: {@code If-None-Match} on reads (304) and
 * {@code If-Match} on writes (412).
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Fails with 412 when the client sent {@code If-Match} and none of its tags is the
	 * current version. No header means the client accepts whatever is current.
	 */
	public static void requireMatch(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		if (!anyMatches(ifMatch, currentVersion)) {
			throw PreconditionFailedException.staleVersion(ifMatch, currentVersion);
		}
	}

	/**
	 * The version a client's {@code If-Match} pins, or null when it sent none (or "*").
	 */
	public static Long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String first = ifMatch.split(",")[0].trim();
		try {
			return Long.parseLong(strip(first));
		}
		catch (NumberFormatException ex) {
			// A tag we never issued can never match: make it fail the precondition.
			return -1L;
		}
	}

	/**
	 * A 200 with the body and its ETag, or a bodiless 304 when the client already has
	 * this version.
	 */
	public static <T> ResponseEntity<T> okOrNotModified(T body, long version, String ifNoneMatch) {
		if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || anyMatches(ifNoneMatch, version))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(of(version)).build();
		}
		return ResponseEntity.ok().eTag(of(version)).body(body);
	}

	/**
	 * A 201 with the body, its ETag, and its {@code Location}: the request's URL plus the
	 * new id.
	 */
	public static <T> ResponseEntity<T> created(T body, UUID id, long version) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, location(id))
			.eTag(of(version))
			.body(body);
	}

	/**
	 * The current request's URL plus {@code /id}, as {@link ServletUriComponentsBuilder}
	 * makes it. A plain URL (http or https, a host name or IPv4 address, a path of
	 * unreserved characters, no query) is written directly, which gives the same text:
	 * parsing it into components, expanding a template and quoting it again was 5% of an
	 * actor create's CPU time in profiles. Any other URL takes the builder.
	 */
	static String location(UUID id) {
		HttpServletRequest request = currentRequest();
		if (request != null && request.getQueryString() == null) {
			String scheme = request.getScheme();
			String host = request.getServerName();
			String path = request.getRequestURI();
			int port = request.getServerPort();
			boolean http = "http".equals(scheme);
			if ((http || "https".equals(scheme)) && plain(host, false) && plain(path, true)) {
				StringBuilder location = new StringBuilder(scheme.length() + host.length() + path.length() + 50);
				location.append(scheme).append("://").append(host);
				if (port != -1 && port != (http ? 80 : 443)) {
					location.append(':').append(port);
				}
				return location.append(path).append('/').append(id).toString();
			}
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
		return location.toASCIIString();
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	/**
	 * Whether {@code text} is non-empty and only letters, digits, '-', '.' (and '_', '~'
	 * and '/' in a path, which must start with '/'): text that quoting leaves alone.
	 */
	private static boolean plain(String text, boolean path) {
		if (text == null || text.isEmpty() || (path && text.charAt(0) != '/')) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || (path && (c == '_' || c == '~' || c == '/'));
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/** A 200 carrying the body and its ETag (after PUT or PATCH). */
	public static <T> ResponseEntity<T> ok(T body, long version) {
		return ResponseEntity.ok().header(HttpHeaders.ETAG, of(version)).body(body);
	}

	private static boolean anyMatches(String header, long version) {
		String current = String.valueOf(version);
		return Arrays.stream(header.split(","))
			.map(String::trim)
			.anyMatch((tag) -> tag.equals("*") || strip(tag).equals(current));
	}

	private static String strip(String tag) {
		String value = tag.startsWith("W/") ? tag.substring(2) : tag;
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return value;
	}

}
