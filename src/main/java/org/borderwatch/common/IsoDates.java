package org.borderwatch.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses ISO-8601 dates and instants as {@link LocalDate#parse} and {@link Instant#parse}
 * do, with a fast path for their canonical spellings ({@code 2025-10-12},
 * {@code 2025-10-12T06:30:00Z}, {@code 2025-10-12T06:30:00.123456Z}): these are what
 * clients send as filters and what cursors carry, and {@code java.time}'s general parser
 * was a measurable share of a timeline page's CPU time. Anything else, malformed input
 * included, goes to {@code java.time}, so results and exceptions are exactly theirs.
 */
public final class IsoDates {

	private IsoDates() {
	}

	/** As {@link LocalDate#parse(CharSequence)}. */
	public static LocalDate parseDate(String text) {
		if (text.length() == 10) {
			LocalDate date = canonicalDate(text);
			if (date != null) {
				return date;
			}
		}
		return LocalDate.parse(text);
	}

	/** As {@link Instant#parse(CharSequence)}. */
	public static Instant parseInstant(String text) {
		int length = text.length();
		if (length >= 20 && length <= 30 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
				&& text.charAt(length - 1) == 'Z') {
			LocalDate date = canonicalDate(text);
			int hour = digits(text, 11, 13);
			int minute = digits(text, 14, 16);
			int second = digits(text, 17, 19);
			int nanos = fraction(text, 19, length - 1);
			if (date != null && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
					&& nanos >= 0) {
				return Instant.ofEpochSecond(date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second,
						nanos);
			}
		}
		return Instant.parse(text);
	}

	/**
	 * The date in {@code text}'s first ten characters (of at least ten) if they are
	 * {@code YYYY-MM-DD} and a real date, else null: for callers that look at the rest
	 * themselves (the importers' {@code 1990-10-04 00:00:00.000}).
	 */
	public static LocalDate canonicalDate(String text) {
		if (text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		if (year < 0 || month < 0 || day < 0) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			// 2025-02-30 and the like: java.time reports it in its own words.
			return null;
		}
	}

	/** The nanoseconds of an optional {@code .fffffffff} in [from, to), or -1. */
	private static int fraction(String text, int from, int to) {
		if (from == to) {
			return 0;
		}
		int count = to - from - 1;
		if (text.charAt(from) != '.' || count < 1 || count > 9) {
			return -1;
		}
		int value = digits(text, from + 1, to);
		if (value < 0) {
			return -1;
		}
		for (int i = count; i < 9; i++) {
			value *= 10;
		}
		return value;
	}

	/**
	 * The decimal number in [from, to), or -1 unless every character is an ASCII digit.
	 */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
