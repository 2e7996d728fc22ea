package org.borderwatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.borderwatch.common.ReadAheadRequest;

/**
 * {@code Idempotency-Key} on POST, as the IETF draft and Stripe define it: the first
 * answer to a key (status, the headers that matter, body) is kept for 24 hours per caller
 * ({@code borderwatch.idempotency.retention}; {@link IdempotencyKeySweeper} deletes older
 * ones); a retry of the same request gets it again with {@code Idempotent-Replayed:
 * true} and creates nothing; the same key with another request is a 422; the same key
 * while the first request still runs is a 409.
 * <p>
 * The key is claimed with one insert before the request runs, so two concurrent requests
 * with one key cannot both run. An answer of 5xx is not kept (the claim is released: a
 * retry may run again). A claim whose request died with the process stays "running" until
 * it expires, answering 409 meanwhile: never a second execution.
 */
@Component
@Order(10)
class IdempotencyKeys extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 255;

	/** The response headers a replay repeats. */
	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.LINK);

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	private final ProblemResponses problems;

	private final Duration retention;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper mapper, AccessRules rules,
			@Value("${borderwatch.idempotency.retention:24h}") Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
		this.mapper = mapper;
		this.problems = new ProblemResponses(mapper, rules);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch((c) -> c < 0x21 || c > 0x7e)) {
			this.problems.write(request, response, 400, "Invalid request",
					HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String principal = principal(request);
		byte[] fingerprint = fingerprint(request, body);
		// Expired keys are forgotten first, so that the claim below can take them again.
		this.jdbc.sql("""
				delete from idempotency_key
				where principal = :principal and key = :key
				  and created_at < now() - make_interval(secs => :seconds)""")
			.param("principal", principal)
			.param("seconds", this.retention.toSeconds())
			.param("key", key)
			.update();
		int claimed = this.jdbc.sql("""
				insert into idempotency_key (principal, key, fingerprint) values (:principal, :key, :fingerprint)
				on conflict do nothing""")
			.param("principal", principal)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.update();
		if (claimed == 0) {
			answerFromClaim(request, response, principal, key, fingerprint);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new ReadAheadRequest(request, body), captured);
			if (captured.getStatus() < 500) {
				keep(principal, key, captured);
				kept = true;
			}
		}
		finally {
			if (!kept) {
				release(principal, key);
			}
		}
		captured.copyBodyToResponse();
	}

	private void answerFromClaim(HttpServletRequest request, HttpServletResponse response, String principal, String key,
			byte[] fingerprint) throws IOException {
		Optional<Stored> stored = this.jdbc.sql("""
				select fingerprint, completed_at is not null as completed, status, headers::text, body
				from idempotency_key where principal = :principal and key = :key""")
			.param("principal", principal)
			.param("key", key)
			.query((rs, row) -> new Stored(rs.getBytes(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
					rs.getBytes(5)))
			.optional();
		if (stored.isEmpty()) {
			// Released between our claim and this read: the first request failed.
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			this.problems.write(request, response, 409, "Conflict",
					HEADER + ": a request with this key just failed; retry");
			return;
		}
		Stored first = stored.get();
		if (!MessageDigest.isEqual(first.fingerprint(), fingerprint)) {
			this.problems.write(request, response, 422, "Idempotency key reused",
					HEADER + ": this key was used for a different request (method, path or body); "
							+ "use a new key for a new request");
			return;
		}
		if (!first.completed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			this.problems.write(request, response, 409, "Conflict",
					HEADER + ": the first request with this key is still running; retry when it has answered");
			return;
		}
		response.setStatus(first.status());
		Map<String, String> headers = this.mapper.readValue(first.headers(), new TypeReference<>() {
		});
		headers.forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		byte[] body = (first.body() != null) ? first.body() : new byte[0];
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private void keep(String principal, String key, ContentCachingResponseWrapper captured) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = captured.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		if (captured.getContentType() != null) {
			headers.put(HttpHeaders.CONTENT_TYPE, captured.getContentType());
		}
		this.jdbc.sql("""
				update idempotency_key
				set completed_at = now(), status = :status, headers = cast(:headers as jsonb), body = :body
				where principal = :principal and key = :key""")
			.param("status", captured.getStatus())
			.param("headers", this.mapper.writeValueAsString(headers))
			.param("body", captured.getContentAsByteArray())
			.param("principal", principal)
			.param("key", key)
			.update();
	}

	private void release(String principal, String key) {
		this.jdbc.sql("delete from idempotency_key where principal = :principal and key = :key")
			.param("principal", principal)
			.param("key", key)
			.update();
	}

	/** Keys are per caller: the API key or token subject, else the client address. */
	private static String principal(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiKeyAuthentication key) {
			return "key:" + key.key().id();
		}
		Role role = AccessRules.roleOf(authentication);
		if (role != null) {
			return "sub:" + authentication.getName();
		}
		return "addr:" + request.getRemoteAddr();
	}

	private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String head = request.getMethod() + "\n" + request.getRequestURI() + "?"
					+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n"
					+ request.getContentType() + "\n";
			digest.update(head.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(byte[] fingerprint, boolean completed, int status, String headers, byte[] body) {
	}

}
