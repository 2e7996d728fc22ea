package org.borderwatch.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping, which looks for the handler of a path no route names
 * literally among the routes whose literal beginning the path starts with, instead of
 * among all of them.
 * <p>
 * A path with a variable ({@code /api/v1/incidents/{id}}) has no direct match, so Spring
 * MVC walks the registry and tries the conditions of every mapping of the service, about
 * a hundred, on each such request: in CPU profiles of {@code GET /api/v1/incidents/{id}}
 * that search was 14% of the request's samples in the request threads. Setting each
 * mapping aside with a {@code startsWith} inside that walk left the walk itself (a hash
 * map's iterator, a look-up per mapping): as routes were added, the handler lookup was
 * back at 14% of those samples. Here the mappings are listed once, each with its literal
 * beginning (the text before its first {@code {}, {@code *} or {@code ?}) and handler,
 * and a lookup tries the conditions only of those whose beginning the path starts with: a
 * mapping whose beginning it does not start with is one its pattern would refuse. The
 * candidates are then sorted and checked for ambiguity as Spring MVC does.
 * <p>
 * Rule: the shortcut is taken only where it cannot change the verdict: patterns matched
 * case-sensitively, a path without percent-encoding (patterns compare decoded segments,
 * so {@code /api/v1/incident%73} still reaches the incidents) and without semicolons
 * (patterns ignore matrix variables), a path no route names literally (those Spring MVC
 * finds directly), not a CORS pre-flight, and a path some route matches (otherwise Spring
 * MVC's own search works out the 404, 405, 406 or 415). Every other request goes through
 * Spring MVC's lookup unchanged.
 * <p>
 * It is consulted before Spring Boot's actuator mapping ({@link #ORDER}), which otherwise
 * comes first and, finding no endpoint for an API path, tries the conditions of each of
 * its endpoints' mappings on every API request: in CPU profiles of timeline pages that
 * was a third of the request threads' samples in the handler lookup, more than this
 * mapping's own search. No route of the service lies under the actuator's base path, so
 * the order changes no verdict; an actuator request now costs this mapping's search
 * first, which endpoints scraped every few seconds can afford.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

	/**
	 * Ahead of the actuator's endpoints (Spring Boot orders them at -100) and of every
	 * other mapping Spring MVC and Spring Boot register.
	 */
	static final int ORDER = -200;

	/**
	 * The mappings with their literal beginnings and handlers, or null after a change of
	 * the registry (then built again by the next lookup). Replaced whole, so lookups read
	 * it without locking.
	 */
	private volatile Routes routes;

	/**
	 * Counts the registry's changes, so that a lookup which read the registry before a
	 * change does not keep what it built from it.
	 */
	private final AtomicLong changes = new AtomicLong();

	/**
	 * {@link #ORDER}, whatever order Spring MVC's configuration sets (it sets 0 on the
	 * mapping it is given).
	 */
	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		changed();
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		changed();
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		changed();
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Routes routes = routes();
		boolean shortcut = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 && getPatternParser() != null
				&& getPatternParser().isCaseSensitive() && !routes.directPaths().contains(lookupPath)
				&& !CorsUtils.isPreFlightRequest(request);
		if (!shortcut) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		List<Candidate> matches = new ArrayList<>(2);
		for (Route route : routes.all()) {
			if (lookupPath.startsWith(route.prefix())) {
				RequestMappingInfo match = getMatchingMapping(route.mapping(), request);
				if (match != null) {
					matches.add(new Candidate(match, route.handler()));
				}
			}
		}
		if (matches.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Candidate best = matches.get(0);
		if (matches.size() > 1) {
			Comparator<RequestMappingInfo> order = getMappingComparator(request);
			matches.sort((a, b) -> order.compare(a.mapping(), b.mapping()));
			best = matches.get(0);
			if (order.compare(best.mapping(), matches.get(1).mapping()) == 0) {
				throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
						+ "': {" + best.handler().getMethod() + ", " + matches.get(1).handler().getMethod() + "}");
			}
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
		handleMatch(best.mapping(), lookupPath, request);
		return best.handler();
	}

	private void changed() {
		this.changes.incrementAndGet();
		this.routes = null;
	}

	private Routes routes() {
		Routes current = this.routes;
		if (current == null) {
			long seen = this.changes.get();
			List<Route> all = new ArrayList<>();
			Set<String> directPaths = new HashSet<>();
			getHandlerMethods().forEach((mapping, handler) -> {
				all.add(new Route(prefix(mapping), mapping, handler));
				directPaths.addAll(getDirectPaths(mapping));
			});
			current = new Routes(List.copyOf(all), Set.copyOf(directPaths));
			if (this.changes.get() == seen) {
				this.routes = current;
			}
		}
		return current;
	}

	/** The literal beginning kept for {@code info}, null when none is. */
	String keptPrefix(RequestMappingInfo info) {
		return routes().all()
			.stream()
			.filter((route) -> route.mapping() == info)
			.map(Route::prefix)
			.findFirst()
			.orElse(null);
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

	/** A mapping, the literal beginning of its patterns, and its handler. */
	private record Route(String prefix, RequestMappingInfo mapping, HandlerMethod handler) {
	}

	/** Every mapping of the registry, and the paths some mapping names literally. */
	private record Routes(List<Route> all, Set<String> directPaths) {
	}

	/** A mapping's conditions narrowed to the request, and its handler. */
	private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
	}

}
