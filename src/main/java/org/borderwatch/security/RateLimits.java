package org.borderwatch.security;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller rate limits on the API: a token bucket per caller (API key, token subject,
 * or the client address for anonymous callers) for reads and another for writes, each
 * refilled evenly over a minute. Every answer carries the IETF {@code RateLimit} and
 * {@code RateLimit-Policy} headers; an exhausted bucket answers 429 with
 * {@code Retry-After}. Buckets live in this instance's memory (several instances each
 * allow the full rate) and are forgotten after ten idle minutes.
 */
@Component
@Order(5)
class RateLimits extends OncePerRequestFilter {

	private final boolean enabled;

	private final long readsPerMinute;

	private final long writesPerMinute;

	private final ProblemResponses problems;

	private final String readPolicy;

	private final String writePolicy;

	private final Cache<String, Bucket> readBuckets = buckets();

	private final Cache<String, Bucket> writeBuckets = buckets();

	RateLimits(@Value("${borderwatch.rate-limit.enabled:true}") boolean enabled,
			@Value("${borderwatch.rate-limit.reads-per-minute:3000000}") long readsPerMinute,
			@Value("${borderwatch.rate-limit.writes-per-minute:60000}") long writesPerMinute, JsonMapper mapper,
			AccessRules rules) {
		this.enabled = enabled;
		this.readsPerMinute = readsPerMinute;
		this.writesPerMinute = writesPerMinute;
		this.problems = new ProblemResponses(mapper, rules);
		this.readPolicy = policyHeader("reads", readsPerMinute);
		this.writePolicy = policyHeader("writes", writesPerMinute);
	}

	private static Cache<String, Bucket> buckets() {
		return Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
	}

	/**
	 * The {@code RateLimit-Policy} value of a policy: the same on every answer, so built
	 * once.
	 */
	private static String policyHeader(String policy, long quota) {
		return "\"" + policy + "\";q=" + quota + ";w=60";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
		String policy = read ? "reads" : "writes";
		long quota = read ? this.readsPerMinute : this.writesPerMinute;
		Bucket bucket = (read ? this.readBuckets : this.writeBuckets).get(caller(request),
				(k) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(quota).refillGreedy(quota, Duration.ofMinutes(1)))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		response.setHeader("RateLimit-Policy", read ? this.readPolicy : this.writePolicy);
		response.setHeader("RateLimit", "\"" + policy + "\";r=" + probe.getRemainingTokens() + ";t="
				+ seconds(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()));
		if (!probe.isConsumed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(probe.getNanosToWaitForRefill())));
			this.problems.write(request, response, 429, "Too many requests", "More than " + quota + " " + policy
					+ " a minute from this caller; retry after the time in " + "Retry-After");
			return;
		}
		chain.doFilter(request, response);
	}

	private static long seconds(long nanos) {
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

	/**
	 * The caller's bucket key: {@code key:} and the key's id, {@code sub:} and the
	 * token's subject, or the bare client address of an anonymous caller (an address
	 * never starts with either prefix). A request without credentials is anonymous (there
	 * are no sessions), so its security context, loaded lazily, is not asked for.
	 */
	private static String caller(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			return request.getRemoteAddr();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiKeyAuthentication key) {
			return "key:" + key.key().id();
		}
		if (AccessRules.roleOf(authentication) != null) {
			return "sub:" + authentication.getName();
		}
		return request.getRemoteAddr();
	}

}
