package org.borderwatch.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.borderwatch.common.IsoDates;

/**
 * Reads the typed values of dataset fields, rejecting the row (naming the column) when a
 * value does not parse.
 */
final class Fields {

	/**
	 * The date formats the files use: ISO ({@code 2020-03-21}), UCDP GED's HDX timestamps
	 * ({@code 1990-10-04 00:00:00.000}), UCDP's web export ({@code 03/27/1990 00:00:00}),
	 * ACLED's 2020 exports ({@code 21 March 2020}) and its spreadsheet re-saves
	 * ({@code 5-Aug-24}).
	 */
	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT),
			DateTimeFormatter.ofPattern("MM/dd/yyyy[ HH:mm:ss]", Locale.ROOT),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("d MMMM yyyy")
				.toFormatter(Locale.ENGLISH),
			// two-digit years: 2000-2099, which holds for every ACLED file (ACLED starts
			// in 1997
			// and its d-MMM-yy re-saves are of recent exports)
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("d-MMM-")
				.appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
				.toFormatter(Locale.ENGLISH));

	private static final String DATE_FORMAT_NAMES = "yyyy-MM-dd, yyyy-MM-dd HH:mm:ss.SSS, MM/dd/yyyy HH:mm:ss, "
			+ "d MMMM yyyy, d-MMM-yy";

	/** The values that stand for a missing value in PA-X and UCDP files. */
	private static final Set<String> MISSING = Set.of("NA", ".");

	private static final Map<String, String> COUNTRY_CODES = countryCodes();

	private Fields() {
	}

	static String required(CsvInput.Row row, String column) {
		String value = row.text(column);
		if (value == null) {
			throw new RowRejectedException(column, "is required but empty or absent");
		}
		return value;
	}

	/** The field, with {@code NA} and {@code .} read as missing. */
	static String optional(CsvInput.Row row, String column) {
		String value = row.text(column);
		return (value == null || MISSING.contains(value)) ? null : value;
	}

	static Integer integer(CsvInput.Row row, String column) {
		String value = optional(row, column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			// 12.0 from spreadsheet re-saves
			try {
				double number = Double.parseDouble(value);
				if (number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE) {
					return (int) number;
				}
			}
			catch (NumberFormatException ignored) {
				// rejected below
			}
			throw new RowRejectedException(column, "'" + abbreviate(value) + "' is not a whole number");
		}
	}

	/** A count that may not be negative: UCDP's -1 ("unknown") reads as null. */
	static Integer count(CsvInput.Row row, String column) {
		Integer value = integer(row, column);
		if (value != null && value < 0) {
			if (value == -1) {
				return null;
			}
			throw new RowRejectedException(column, value + " is not a count");
		}
		return value;
	}

	static Double decimal(CsvInput.Row row, String column, double min, double max) {
		String value = optional(row, column);
		if (value == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(value);
			if (number < min || number > max || Double.isNaN(number)) {
				throw new RowRejectedException(column, value + " is outside " + min + " to " + max);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new RowRejectedException(column, "'" + abbreviate(value) + "' is not a number");
		}
	}

	static LocalDate date(CsvInput.Row row, String column) {
		String value = optional(row, column);
		if (value == null) {
			return null;
		}
		LocalDate iso = isoDate(value);
		if (iso != null) {
			return iso;
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.from(format.parse(value));
			}
			catch (DateTimeParseException ex) {
				// next format
			}
		}
		throw new RowRejectedException(column,
				"'" + abbreviate(value) + "' is not a date in any of the formats " + DATE_FORMAT_NAMES);
	}

	/**
	 * The common shapes ({@code 2020-03-21}, {@code 1990-10-04 00:00:00.000}) read
	 * without a formatter: a formatter that does not match throws, and a million rows of
	 * GED would throw two million exceptions before the right format is found. Null for
	 * any other shape (or an impossible date), left to the formatters and their message.
	 */
	private static LocalDate isoDate(String value) {
		int length = value.length();
		if (!(length == 10 || ((length == 19 || length == 23) && value.charAt(10) == ' ' && value.charAt(13) == ':'
				&& value.charAt(16) == ':' && (length == 19 || value.charAt(19) == '.')))) {
			return null;
		}
		LocalDate date = IsoDates.canonicalDate(value);
		if (date == null) {
			return null;
		}
		for (int i = 11; i < length; i++) {
			char c = value.charAt(i);
			if (!(Character.isDigit(c) || c == ':' || c == '.')) {
				return null;
			}
		}
		return date;
	}

	/**
	 * The value a dataset's numeric code stands for ({@code where_prec = 2}): empty reads
	 * as {@code absent}; a code not in {@code codes} rejects the row, naming the codes.
	 */
	static <T> T code(CsvInput.Row row, String column, Map<Integer, T> codes, T absent, String codeNames) {
		Integer code = integer(row, column);
		if (code == null) {
			return absent;
		}
		T value = codes.get(code);
		if (value == null) {
			throw new RowRejectedException(column, code + " is not one of " + codeNames);
		}
		return value;
	}

	/**
	 * The country of a row: {@code iso3} when it is a code, else the English
	 * {@code country} name; a name not known here rejects the row.
	 */
	static String country(CsvInput.Row row) {
		String iso3 = row.text("iso3");
		if (iso3 != null && iso3.length() == 3) {
			return iso3.toUpperCase(Locale.ROOT);
		}
		String name = row.text("country");
		String code = countryCode(name);
		if (name != null && code == null) {
			throw new RowRejectedException("country", "'" + name + "' is not a country name known here");
		}
		return code;
	}

	static LocalDate requiredDate(CsvInput.Row row, String column) {
		LocalDate date = date(row, column);
		if (date == null) {
			throw new RowRejectedException(column, "is required but empty or absent");
		}
		return date;
	}

	/**
	 * Splits a multi-value field: ACLED joins with {@code ;}, UCDP id lists with commas.
	 */
	static List<String> split(String value, String separator) {
		if (value == null) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
			String stripped = part.strip();
			if (!stripped.isEmpty()) {
				parts.add(stripped);
			}
		}
		return parts;
	}

	/**
	 * The ISO 3166-1 alpha-3 code of a country named in English ({@code Pakistan}), or
	 * null. Names with a parenthesis ({@code Myanmar (Burma)}) are tried without it.
	 */
	static String countryCode(String name) {
		if (name == null) {
			return null;
		}
		String key = name.strip().toLowerCase(Locale.ROOT);
		String code = COUNTRY_CODES.get(key);
		if (code == null && key.contains("(")) {
			code = COUNTRY_CODES.get(key.substring(0, key.indexOf('(')).strip());
		}
		return code;
	}

	static String abbreviate(String value) {
		return (value.length() > 60) ? value.substring(0, 57) + "..." : value;
	}

	private static Map<String, String> countryCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String alpha2 : Locale.getISOCountries()) {
			Locale locale = new Locale.Builder().setRegion(alpha2).build();
			codes.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), locale.getISO3Country());
		}
		// names the datasets use that the JDK spells otherwise
		Arrays
			.asList(new String[][] { { "ivory coast", "CIV" }, { "bosnia-herzegovina", "BIH" }, { "dr congo", "COD" },
					{ "democratic republic of congo", "COD" }, { "republic of congo", "COG" }, { "russia", "RUS" },
					{ "syria", "SYR" }, { "iran", "IRN" }, { "laos", "LAO" }, { "north korea", "PRK" },
					{ "south korea", "KOR" }, { "vietnam", "VNM" }, { "east timor", "TLS" }, { "united states", "USA" },
					{ "united kingdom", "GBR" }, { "macedonia", "MKD" }, { "cape verde", "CPV" }, { "eswatini", "SWZ" },
					{ "swaziland", "SWZ" }, { "kingdom of eswatini", "SWZ" }, { "palestine", "PSE" },
					{ "turkey", "TUR" }, { "czech republic", "CZE" }, { "tanzania", "TZA" }, { "bolivia", "BOL" },
					{ "venezuela", "VEN" }, { "moldova", "MDA" }, { "brunei", "BRN" } })
			.forEach((pair) -> codes.put(pair[0], pair[1]));
		return codes;
	}

}
