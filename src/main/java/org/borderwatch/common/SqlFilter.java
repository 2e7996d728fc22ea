package org.borderwatch.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the optional conditions of a list query as SQL fragments with named
 * parameters. Absent filters add nothing, so one statement text serves every combination.
 * Fragments are written by the code, never by the client: only values travel as
 * parameters.
 */
public final class SqlFilter {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Adds {@code condition} with one parameter when {@code value} is present. */
	public SqlFilter when(Object value, String condition, String param) {
		if (value != null && !(value instanceof Collection<?> collection && collection.isEmpty())
				&& !(value instanceof String text && text.isBlank())) {
			this.conditions.add(condition);
			this.params.put(param, value);
		}
		return this;
	}

	/** Adds a condition whose parameters the caller binds itself. */
	public SqlFilter and(String condition, Map<String, ?> values) {
		this.conditions.add(condition);
		this.params.putAll(values);
		return this;
	}

	public SqlFilter param(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/** {@code where a and b ...}, or the empty string when nothing was added. */
	public String where() {
		return this.conditions.isEmpty() ? "" : "where " + String.join("\n  and ", this.conditions);
	}

	/**
	 * {@code and a and b ...} to append to a statement that already has a where clause.
	 */
	public String andClauses() {
		return this.conditions.isEmpty() ? "" : "and " + String.join("\n  and ", this.conditions);
	}

	public Map<String, Object> params() {
		return this.params;
	}

	/**
	 * Escapes {@code %}, {@code _} and {@code \} so user text matches literally in LIKE.
	 */
	public static String likePattern(String text) {
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%";
	}

}
