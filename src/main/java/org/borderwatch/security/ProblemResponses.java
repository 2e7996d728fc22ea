package org.borderwatch.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import org.borderwatch.common.CorrelationId;

/**
 * The 401 and 403 answers of the security filters, as {@code application/problem+json}
 * like every other error: they are decided before any controller runs, so the
 * problem-details advice never sees them.
 */
final class ProblemResponses {

	private final JsonMapper mapper;

	private final AccessRules rules;

	ProblemResponses(JsonMapper mapper, AccessRules rules) {
		this.mapper = mapper;
		this.rules = rules;
	}

	/**
	 * 401: no credential, or one that is unknown, revoked or expired (the same answer for
	 * all three, so that the answer tells nothing about a key).
	 */
	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> unauthorized(request, response, ex);
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean sent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		Role needed = this.rules.required(request);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				sent ? "Bearer error=\"invalid_token\", error_description=\"The credential is not valid\"" : "Bearer");
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
				sent ? "The credential sent is unknown, revoked or expired"
						: "This needs a credential" + ((needed != null) ? " with the " + needed + " role" : "")
								+ ": send Authorization: Bearer <API key or token>");
	}

	/** 403: a valid credential whose role is too low, naming the role needed. */
	AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> {
			Role needed = this.rules.required(request);
			Role held = AccessRules.roleOf(SecurityContextHolder.getContext().getAuthentication());
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "This needs the " + needed
					+ " role; the credential sent has " + ((held != null) ? "the " + held + " role" : "no role"));
		};
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		write(request, response, status, title, detail, null);
	}

	/** 400 naming one field, shaped like the problem-details advice's. */
	void writeFieldError(HttpServletRequest request, HttpServletResponse response, String field, String message)
			throws IOException {
		write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Invalid request", field + ": " + message,
				List.of(Map.of("field", field, "message", message)));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<Map<String, String>> errors) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", AccessRules.pathOf(request));
		if (errors != null) {
			body.put("errors", errors);
		}
		body.put("correlationId", CorrelationId.current());
		byte[] bytes = this.mapper.writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
