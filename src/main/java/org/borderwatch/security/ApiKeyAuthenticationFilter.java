package org.borderwatch.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer bwk_...} with an API key. Other bearer
 * tokens are left to the JWT filter when JWTs are configured, and refused otherwise; a
 * request without the header goes on as anonymous. Not a bean, so that the servlet
 * container does not run it a second time outside the security chain.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final ProblemResponses problems;

	private final boolean jwtEnabled;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthenticationFilter(ApiKeys keys, ProblemResponses problems, boolean jwtEnabled) {
		this.keys = keys;
		this.problems = problems;
		this.jwtEnabled = jwtEnabled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuse(request, response);
			return;
		}
		String token = header.substring(BEARER.length()).strip();
		if (!token.startsWith(ApiKeys.PREFIX)) {
			if (this.jwtEnabled) {
				chain.doFilter(request, response);
			}
			else {
				refuse(request, response);
			}
			return;
		}
		Optional<ApiKeys.ApiKey> key;
		try {
			key = this.keys.authenticate(token);
		}
		catch (DataAccessException ex) {
			// The key cannot be checked while the database is away: the same 503 as any
			// request that needs the database, rather than a refusal.
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			this.problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
					"The database is not reachable right now; retry shortly");
			return;
		}
		if (key.isEmpty()) {
			refuse(request, response);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(key.get()));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.contexts.clearContext();
		this.problems.unauthorized(request, response, new BadCredentialsException("invalid credential"));
	}

}
