package org.borderwatch.talks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.borderwatch.common.InvalidInputException;

/**
 * Reads the sort-key values of a decoded cursor. A signed cursor can still come from
 * another list (an actor page's cursor pasted into the rounds list); its values then do
 * not parse, and that is the client's mistake: 400 on {@code cursor}, not 500.
 */
final class TalksCursors {

	private TalksCursors() {
	}

	static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw foreign();
		}
	}

	static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw foreign();
		}
	}

	static int integer(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw foreign();
		}
	}

	static void requireTag(String actual, String expected) {
		if (!expected.equals(actual)) {
			throw foreign();
		}
	}

	private static InvalidInputException foreign() {
		return InvalidInputException.forField("cursor", "was issued by another list; use the nextCursor of this list");
	}

}
