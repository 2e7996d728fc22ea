package org.borderwatch.common;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).eTag(of(version)).body(body);
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
