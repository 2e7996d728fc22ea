package org.borderwatch.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which role each request needs, in one place: the authorization decision, the 403
 * message and the OpenAPI document all ask here.
 * <ul>
 * <li>health and info: nobody; the rest of {@code /actuator}: ADMIN;</li>
 * <li>API keys and webhooks: ADMIN;</li>
 * <li>reads (GET, HEAD) and CORS preflights: nobody while reads are public, else
 * READER;</li>
 * <li>the API document and Swagger UI: nobody;</li>
 * <li>every other request (create, change, delete): EDITOR.</li>
 * </ul>
 */
final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

	private final boolean publicRead;

	AccessRules(boolean publicRead) {
		this.publicRead = publicRead;
	}

	/** The role {@code method} on {@code path} needs, or null when anyone may. */
	Role required(String method, String path) {
		if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info")) {
			return null;
		}
		if (path.equals("/actuator") || path.startsWith("/actuator/") || path.startsWith("/api/v1/api-keys")
				|| path.startsWith("/api/v1/webhooks")) {
			return Role.ADMIN;
		}
		if ("OPTIONS".equals(method) || path.equals("/error") || path.startsWith("/v3/api-docs")
				|| path.startsWith("/swagger-ui")) {
			return null;
		}
		if ("GET".equals(method) || "HEAD".equals(method)) {
			return this.publicRead ? null : Role.READER;
		}
		return Role.EDITOR;
	}

	Role required(HttpServletRequest request) {
		return required(request.getMethod(), pathOf(request));
	}

	/**
	 * A read anyone may make, asked without credentials: one that needs neither
	 * authentication nor authorization.
	 */
	boolean isAnonymousPublicRead(HttpServletRequest request) {
		String method = request.getMethod();
		return this.publicRead && ("GET".equals(method) || "HEAD".equals(method))
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null && required(request) == null;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Role needed = required(context.getRequest());
		if (needed == null) {
			return new AuthorizationDecision(true);
		}
		Role held = roleOf(authentication.get());
		return new AuthorizationDecision(held != null && held.includes(needed));
	}

	/** The highest role the caller holds, or null for anonymous callers. */
	static Role roleOf(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		Role highest = null;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				Role role = Role.parse(name.substring(5)).orElse(null);
				if (role != null && (highest == null || role.includes(highest))) {
					highest = role;
				}
			}
		}
		return highest;
	}

	static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length())
				: uri;
	}

}
