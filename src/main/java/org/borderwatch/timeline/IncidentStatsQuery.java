package org.borderwatch.timeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.borderwatch.common.Countries;
import org.borderwatch.common.InvalidInputException;

/**
 * A statistics request after parsing: the bucket width, the grouping, the inclusive date range
 * (defaults applied) and the incident filters. Empty filter lists mean "any"; values within a
 * filter are ORed, different filters ANDed, as in the incident list.
 */
record IncidentStatsQuery(StatsInterval interval, StatsGroupBy groupBy, LocalDate from, LocalDate to,
		List<String> countries, List<String> types, List<String> subTypes, List<UUID> actors, List<String> admin1s) {

	/** The longest admin1 value accepted, as for the incident's own field. */
	static final int MAX_ADMIN1_LENGTH = 200;

	/**
	 * Parses the query parameters. Without {@code to} the range ends today (UTC); without
	 * {@code from} it starts so as to cover a fixed number of whole buckets ending with the one
	 * holding {@code to} (30 days, 26 weeks, 12 months or 10 years).
	 */
	static IncidentStatsQuery parse(String interval, String groupBy, LocalDate from, LocalDate to,
			List<String> country, List<String> type, List<String> subType, List<String> actor, List<String> admin1) {
		StatsInterval width = StatsInterval.parse(interval, StatsInterval.MONTH);
		LocalDate end = (to != null) ? to : LocalDate.now(ZoneOffset.UTC);
		LocalDate start = (from != null) ? from : width.defaultFrom(end);
		if (start.isAfter(end)) {
			throw InvalidInputException.forField("from", "must not be after to (" + end + ")");
		}
		return new IncidentStatsQuery(width, StatsGroupBy.parse(groupBy), start, end,
				Countries.parseFilter("country", split(country)), IncidentStatsTaxonomy.parseTypes("type", split(type)),
				IncidentStatsTaxonomy.parseSubTypes("subType", split(subType)), parseActors(split(actor)),
				parseAdmin1(split(admin1)));
	}

	/** Repeated parameters and comma-separated values both give several values; blanks are dropped. */
	static List<String> split(List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> parts = new LinkedHashSet<>();
		for (String value : values) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					parts.add(part.strip());
				}
			}
		}
		return new ArrayList<>(parts);
	}

	private static List<UUID> parseActors(List<String> values) {
		List<UUID> ids = new ArrayList<>();
		for (String value : values) {
			try {
				ids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField("actor", "'" + value + "' is not a valid UUID");
			}
		}
		return ids;
	}

	private static List<String> parseAdmin1(List<String> values) {
		for (String value : values) {
			if (value.length() > MAX_ADMIN1_LENGTH) {
				throw InvalidInputException.forField("admin1",
						"a value is longer than " + MAX_ADMIN1_LENGTH + " characters");
			}
		}
		return values;
	}

}
