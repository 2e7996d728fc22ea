package org.borderwatch.timeline;

import java.util.Locale;

import org.borderwatch.common.InvalidInputException;

/** Oldest first (the default) or newest first. */
enum SortOrder {

	ASC, DESC;

	static SortOrder parse(String param, String value) {
		if (value == null || value.isBlank()) {
			return ASC;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField(param, "'" + value + "' is not a valid order; expected asc or desc");
		}
	}

}
