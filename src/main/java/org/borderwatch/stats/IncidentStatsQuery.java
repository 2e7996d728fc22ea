package org.borderwatch.stats;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.borderwatch.common.InvalidInputException;
import org.borderwatch.incident.IncidentFilter;
import org.borderwatch.incident.IncidentQuery;

/**
 * A statistics request after parsing: the bucket width, the grouping, the inclusive range
 * of the days incidents began (the earliest day each can have begun; defaults applied)
 * and the incident filters, read by the incident list's own {@link IncidentFilter} so
 * that the same parameters select the same incidents (its {@code from} and {@code to} are
 * taken out: here they select the days incidents began, see {@link #parse}).
 */
record IncidentStatsQuery(StatsInterval interval, StatsGroupBy groupBy, LocalDate from, LocalDate to,
		IncidentFilter filter) {

	/**
	 * Parses the query parameters. An incident counts in the bucket of the earliest day
	 * it can have begun (and as ongoing in the later buckets it overlaps), so
	 * {@code from}/{@code to} bound start dates (the incident list matches incidents
	 * overlapping them: the two differ only for incidents spanning {@code from}). Without
	 * {@code to} the range ends today (UTC); without {@code from} it covers a fixed
	 * number of whole buckets ending with the one holding {@code to}: 30 days, 26 weeks,
	 * 12 months or 10 years.
	 */
	static IncidentStatsQuery parse(String interval, String groupBy, IncidentQuery query) {
		StatsInterval width = StatsInterval.parse(interval, StatsInterval.MONTH);
		StatsGroupBy grouping = StatsGroupBy.parse(groupBy);
		IncidentFilter filter = query.toFilter();
		LocalDate end = (filter.to() != null) ? filter.to() : LocalDate.now(ZoneOffset.UTC);
		LocalDate start = (filter.from() != null) ? filter.from() : width.defaultFrom(end);
		if (start.isAfter(end)) {
			throw InvalidInputException.forField("from", "must not be after to (" + end + ")");
		}
		IncidentFilter withoutRange = new IncidentFilter(null, null, filter.countries(), filter.admin1(),
				filter.types(), filter.subTypes(), filter.actors(), filter.actorRoles(), filter.claimedBy(),
				filter.minFatalities(), filter.verification(), filter.tags(), filter.bbox(), filter.q(), filter.near());
		return new IncidentStatsQuery(width, grouping, start, end, withoutRange);
	}

	/**
	 * Whether the rollups can answer: they know country, admin1, types and actors,
	 * nothing else.
	 */
	boolean onlyRollupFilters() {
		return this.filter.actorRoles().isEmpty() && this.filter.claimedBy().isEmpty()
				&& this.filter.minFatalities() == null && this.filter.verification().isEmpty()
				&& this.filter.tags().isEmpty() && this.filter.bbox() == null && this.filter.q() == null
				&& this.filter.near() == null;
	}

}
