package org.borderwatch.common;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Request-Id} when it is
 * sane), puts it in the logging context and echoes it in the response, so a problem
 * report from a client can be matched with the server log line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationId extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "correlationId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/** The current request's correlation id, or "none" outside a request. */
	public static String current() {
		String id = MDC.get(MDC_KEY);
		return (id != null) ? id : "none";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String id = (incoming != null && SANE.matcher(incoming).matches()) ? incoming : newId();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * A random version-4 UUID from the thread's generator: a request id names a request
	 * in logs and needs no secrecy, and drawing it from {@code SecureRandom} on every
	 * request was a visible share of a page request's CPU.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb).toString();
	}

}
