package org.borderwatch.common;

import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The JSON text of the records a write request's transaction rendered for their history
 * entries, kept for the request's answer: the HTTP converter sends that text instead of
 * serialising the same record a second time. The entry and the answer are then the same
 * text by construction, which is what the history promises ("the record as it was
 * served").
 * <p>
 * Kept as a request attribute, keyed by the identity of the record object the service
 * returned, so that only that very object is answered with it; outside a request
 * (imports, background work) nothing is kept.
 */
public final class ServedJson {

	private static final String ATTRIBUTE = ServedJson.class.getName();

	private ServedJson() {
	}

	/** Keeps {@code json} as the rendering of {@code record} for the current request. */
	public static void remember(Object record, String json) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<Object, String> rendered = (Map<Object, String>) attributes.getAttribute(ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (rendered == null) {
			rendered = new IdentityHashMap<>(4);
			attributes.setAttribute(ATTRIBUTE, rendered, RequestAttributes.SCOPE_REQUEST);
		}
		rendered.put(record, json);
	}

	/**
	 * The JSON already rendered in this request for exactly this object, or null when it
	 * was not rendered (the caller then serialises it itself).
	 */
	public static String of(Object value) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null || value == null) {
			return null;
		}
		Object rendered = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		return (rendered instanceof Map<?, ?> map) ? (String) map.get(value) : null;
	}

}
