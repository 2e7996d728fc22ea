package org.borderwatch.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing of country filters given as query parameters. */
public final class Countries {

	private Countries() {
	}

	/**
	 * Upper-cases and checks each code of a {@code country} filter; a 400 on
	 * {@code param} names the first unknown code.
	 */
	public static List<String> parseFilter(String param, List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> codes = new ArrayList<>();
		for (String value : values) {
			String code = value.trim().toUpperCase(Locale.ROOT);
			if (!CountryCode.Validator.isValid(code)) {
				throw InvalidInputException.forField(param,
						"'" + value + "' is not an ISO 3166-1 alpha-3 country code");
			}
			codes.add(code);
		}
		return codes;
	}

}
