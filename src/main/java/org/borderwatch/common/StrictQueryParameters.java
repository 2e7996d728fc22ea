package org.borderwatch.common;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters a handler does not declare, as unknown JSON fields are
 * refused: they are usually typos ({@code contry=PAK}) that would otherwise silently
 * widen the answer. The known parameters are read from the handler itself, once per
 * handler: its {@code @RequestParam}s, the components of its {@code @ParameterObject}
 * records, its simple arguments without annotation (which Spring binds from the query),
 * the {@code @Parameter(in = QUERY)} it documents, and {@code format} where it offers
 * exports. A handler that takes every parameter as a map and documents none is left
 * alone.
 * <p>
 * The 400 names each unknown parameter with the closest known one; {@code page} and
 * {@code offset} are told to use {@code cursor}, {@code size} and its kin {@code limit}.
 */
public class StrictQueryParameters implements HandlerInterceptor {

	/** The values {@code format} takes, each equal to an {@code Accept} media type. */
	public static final List<String> FORMATS = List.of("json", "csv", "geojson", "ndjson");

	private static final Set<String> PAGE_WORDS = Set.of("page", "offset", "skip", "start", "pagenumber", "pageno",
			"after", "next", "from_id", "pagetoken", "page_token");

	private static final Set<String> SIZE_WORDS = Set.of("size", "pagesize", "page_size", "per_page", "perpage",
			"count", "max", "top", "take", "maxresults");

	private final Map<Method, Known> known = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Known known = this.known.computeIfAbsent(method.getMethod(), (key) -> Known.of(method));
		if (known.open()) {
			return true;
		}
		List<FieldError> errors = new ArrayList<>();
		for (String name : request.getParameterMap().keySet()) {
			if (!known.lookup().contains(name)) {
				errors.add(new FieldError(name, advice(name, known.names())));
			}
		}
		// on an export, format names the media type; elsewhere (an import) it is the
		// handler's own
		if (known.exports()) {
			String format = request.getParameter("format");
			if (format != null && !FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
				errors
					.add(new FieldError("format", "'" + format + "' is not a valid value; expected one of " + FORMATS));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldError::field));
			throw InvalidInputException.forFields(errors);
		}
		return true;
	}

	/** The message for an unknown parameter: what to use instead. */
	static String advice(String name, Set<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (PAGE_WORDS.contains(lower) && known.contains("cursor")) {
			return "is not a parameter of this endpoint; pages are walked with cursor: "
					+ "pass the nextCursor of the previous page (or follow the Link header)";
		}
		if (SIZE_WORDS.contains(lower) && known.contains("limit")) {
			return "is not a parameter of this endpoint; the page size is limit (1 to 500)";
		}
		String closest = null;
		int best = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < best) {
				best = distance;
				closest = candidate;
			}
		}
		if (closest != null && best <= Math.max(2, name.length() / 3)) {
			return "is not a parameter of this endpoint; did you mean '" + closest + "'?";
		}
		return known.isEmpty() ? "is not a parameter of this endpoint, which takes none"
				: "is not a parameter of this endpoint; known parameters: " + known;
	}

	/**
	 * Levenshtein distance: the fewest one-letter edits that turn one word into the
	 * other.
	 */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The query parameters one handler declares, sorted for the messages and hashed for
	 * the look-up every request makes; {@code open} when it takes any.
	 */
	record Known(Set<String> names, Set<String> lookup, boolean open, boolean exports) {

		static Known of(HandlerMethod handler) {
			Set<String> names = new TreeSet<>();
			boolean takesAnyMap = false;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				Class<?> type = parameter.getParameterType();
				if (parameter.hasParameterAnnotation(PathVariable.class)
						|| parameter.hasParameterAnnotation(RequestHeader.class)
						|| parameter.hasParameterAnnotation(RequestBody.class)
						|| parameter.hasParameterAnnotation(CookieValue.class)) {
					continue;
				}
				RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
				if (requestParam != null) {
					if (Map.class.isAssignableFrom(type)) {
						takesAnyMap = true;
					}
					else {
						names.add(!requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName());
					}
				}
				else if (parameter.hasParameterAnnotation(ParameterObject.class) || type.isRecord()) {
					names.addAll(propertiesOf(type));
				}
				else if (BeanUtils.isSimpleProperty(type) && parameter.getParameterName() != null) {
					names.add(parameter.getParameterName());
				}
			}
			Parameters documented = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Parameters.class);
			if (documented != null) {
				Arrays.stream(documented.value())
					.filter((parameter) -> parameter.in() == ParameterIn.QUERY || parameter.in() == ParameterIn.DEFAULT)
					.forEach((parameter) -> names.add(parameter.name()));
			}
			boolean exports = offersExports(handler);
			if (exports) {
				names.add("format");
			}
			boolean open = takesAnyMap && documented == null;
			return new Known(names, Set.copyOf(names), open, exports);
		}

		private static List<String> propertiesOf(Class<?> type) {
			if (type.isRecord()) {
				return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
			}
			return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
				.filter((property) -> property.getWriteMethod() != null)
				.map(PropertyDescriptor::getName)
				.toList();
		}

		private static boolean offersExports(HandlerMethod handler) {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			return mapping != null && Arrays.stream(mapping.produces()).anyMatch((type) -> type.startsWith("text/csv"));
		}

	}

}
