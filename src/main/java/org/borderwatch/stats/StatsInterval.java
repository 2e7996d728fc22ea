package org.borderwatch.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

import org.borderwatch.common.InvalidInputException;

/**
 * The width of a statistics bucket. Buckets are calendar periods: ISO weeks start on
 * Monday, months and years on their first day, so the same week is the same bucket in
 * every request.
 */
enum StatsInterval {

	DAY("day", 30), WEEK("week", 26), MONTH("month", 12), YEAR("year", 10);

	private final String param;

	/**
	 * How many buckets a request without {@code from} covers, ending with the one holding
	 * {@code to}.
	 */
	private final int defaultSpan;

	StatsInterval(String param, int defaultSpan) {
		this.param = param;
		this.defaultSpan = defaultSpan;
	}

	String param() {
		return this.param;
	}

	/**
	 * The unit for PostgreSQL's {@code date_trunc}; it truncates to ISO weeks (Monday) as
	 * well.
	 */
	String sqlUnit() {
		return this.param;
	}

	/**
	 * The coarsest rollup period whose whole periods make up this interval's buckets:
	 * weeks for weekly buckets, months for monthly and yearly ones, days for daily ones.
	 */
	StatsInterval rollupPeriod() {
		return switch (this) {
			case DAY -> DAY;
			case WEEK -> WEEK;
			case MONTH, YEAR -> MONTH;
		};
	}

	/** The first day of the bucket holding {@code date}. */
	LocalDate align(LocalDate date) {
		return switch (this) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
			case YEAR -> date.withDayOfYear(1);
		};
	}

	/** The first day of the bucket after the one starting on {@code start}. */
	LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case YEAR -> start.plusYears(1);
		};
	}

	/**
	 * The default start of a range ending on {@code to}: whole buckets,
	 * {@link #defaultSpan} of them.
	 */
	LocalDate defaultFrom(LocalDate to) {
		LocalDate start = align(to);
		return switch (this) {
			case DAY -> start.minusDays(this.defaultSpan - 1);
			case WEEK -> start.minusWeeks(this.defaultSpan - 1);
			case MONTH -> start.minusMonths(this.defaultSpan - 1);
			case YEAR -> start.minusYears(this.defaultSpan - 1);
		};
	}

	/**
	 * How the bucket starting on {@code start} is named: 2025-10-12, 2025-W42, 2025-10,
	 * 2025.
	 */
	String period(LocalDate start) {
		return switch (this) {
			case DAY -> start.toString();
			case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
					start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
			case YEAR -> Integer.toString(start.getYear());
		};
	}

	/**
	 * Reads the {@code interval} parameter, case-insensitively; null gives
	 * {@code fallback}.
	 */
	static StatsInterval parse(String value, StatsInterval fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String wanted = value.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((interval) -> interval.param.equals(wanted))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.forField("interval",
					"'" + value + "' is not an interval; expected one of day, week, month, year"));
	}

}
