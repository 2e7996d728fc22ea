package org.borderwatch.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin requests, as Spring's CORS processing answers them with two differences.
 * <ul>
 * <li>A request (not a pre-flight) from an origin not allowed is answered as any other,
 * without CORS headers, so the browser keeps the answer from the page; Spring would
 * refuse it with a 403, a status no operation of the API document lists and one that
 * stops no one but browsers, which refuse to read the answer anyway.</li>
 * <li>A pre-flight refused (an origin, method or header not allowed) is a 403 problem
 * details like every other error, not Spring's plain-text "Invalid CORS request".</li>
 * </ul>
 */
final class CorsRequests extends DefaultCorsProcessor {

	private final ProblemResponses problems;

	private CorsRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	/**
	 * The CORS filter of a security chain: {@code source}'s configuration, these answers.
	 */
	static CorsFilter filter(CorsConfigurationSource source, ProblemResponses problems) {
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new CorsRequests(problems));
		return filter;
	}

	@Override
	public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (config != null && CorsUtils.isCorsRequest(request) && !CorsUtils.isPreFlightRequest(request)
				&& config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
			return true;
		}
		if (super.processRequest(config, request, response)) {
			return true;
		}
		this.problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"This origin may not call the API from a browser with this method and these headers "
						+ "(see borderwatch.cors.allowed-origins)");
		return false;
	}

	/** Only the status: {@link #processRequest} writes the problem. */
	@Override
	protected void rejectRequest(ServerHttpResponse response) {
		response.setStatusCode(HttpStatus.FORBIDDEN);
	}

}
