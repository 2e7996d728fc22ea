package org.borderwatch.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.borderwatch.common.InvalidInputException;

/**
 * Reads the instant of an as-of question given as a query parameter: either an instant
 * ({@code 2025-10-15T12:00:00Z}, or with an offset) or a date ({@code 2025-10-15}). A
 * date means the end of that day in UTC, {@code 23:59:59.999999Z} (PostgreSQL's finest
 * step), so "on 2025-10-12" includes every change made during that day.
 */
final class InstantOrDate {

	private InstantOrDate() {
	}

	/**
	 * The instant {@code value} names, {@code whenAbsent} without a value, or a 400
	 * naming {@code param}.
	 */
	static Instant parse(String param, String value, Instant whenAbsent) {
		if (value == null || value.isBlank()) {
			return whenAbsent;
		}
		// A '+' of an offset arrives as a space when the client did not encode it.
		String text = value.strip().replace(' ', '+');
		try {
			if (text.length() == 10) {
				return endOfDay(LocalDate.parse(text));
			}
			return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.forField(param,
					"'" + value + "' is neither an instant (2025-10-15T12:00:00Z) nor a date (2025-10-15)");
		}
	}

	/**
	 * The last instant of {@code date} in UTC that PostgreSQL can tell apart from the
	 * next day.
	 */
	static Instant endOfDay(LocalDate date) {
		return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
	}

}
