package org.borderwatch.config;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping, which first sets aside the mappings whose patterns cannot
 * match the request's path because it does not start with their literal beginning.
 * <p>
 * A path with a variable ({@code /api/v1/incidents/{id}}) has no direct match, so Spring
 * MVC tries the conditions of every mapping of the service, about 150, on each such
 * request: in CPU profiles of {@code GET /api/v1/incidents/{id}} that search was 14% of
 * the request. Here a mapping whose every pattern begins with a literal (the text before
 * its first {@code {}, {@code *} or {@code ?}) that the path does not begin with is
 * answered "no match" by a {@code startsWith}, which is what its pattern would answer.
 * <p>
 * Rule: the shortcut is taken only where it cannot change the verdict: patterns matched
 * case-sensitively, and a path without percent-encoding (patterns compare decoded
 * segments, so {@code /api/v1/incident%73} still reaches the incidents). Any other
 * request, and any mapping without path patterns, goes through the full match.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

	/** The lookup path of the request being mapped on this thread, while it is mapped. */
	private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

	/**
	 * The literal beginning of each mapping registered with a handler method, by
	 * identity: {@code RequestMappingInfo.hashCode} is computed anew on each call, and
	 * was itself a visible share of the lookup. Replaced whole on each registration (at
	 * start), so lookups read it without locking.
	 */
	private volatile Map<RequestMappingInfo, String> prefixes = new IdentityHashMap<>();

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		synchronized (this) {
			Map<RequestMappingInfo, String> prefixes = new IdentityHashMap<>(this.prefixes);
			prefixes.put(mapping, prefix(mapping));
			this.prefixes = prefixes;
		}
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		boolean literal = lookupPath.indexOf('%') < 0 && getPatternParser() != null
				&& getPatternParser().isCaseSensitive();
		if (!literal) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		LOOKUP_PATH.set(lookupPath);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP_PATH.remove();
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		if (path != null) {
			// a mapping registered otherwise (at run time) has none: the full match
			// decides
			String prefix = this.prefixes.get(info);
			if (prefix != null && !path.startsWith(prefix)) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	/** The literal beginning kept for {@code info}, null when none is. */
	String keptPrefix(RequestMappingInfo info) {
		return this.prefixes.get(info);
	}

	/**
	 * The literal beginning every pattern of {@code info} shares, or "" when it has none
	 * (no path patterns, or one that starts with a variable or wildcard).
	 */
	static String prefix(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null) {
			return "";
		}
		Set<PathPattern> patterns = condition.getPatterns();
		String shared = null;
		for (PathPattern pattern : patterns) {
			String literal = literalPrefix(pattern.getPatternString());
			shared = (shared == null) ? literal : commonPrefix(shared, literal);
		}
		return (shared != null) ? shared : "";
	}

	static String literalPrefix(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

	private static String commonPrefix(String a, String b) {
		int n = 0;
		while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
			n++;
		}
		return a.substring(0, n);
	}

}
