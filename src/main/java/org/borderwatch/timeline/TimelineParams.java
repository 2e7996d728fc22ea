package org.borderwatch.timeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;

import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.PageLimit;

/**
 * The query parameters every timeline endpoint takes, as the client sent them. Kept as
 * text and parsed here so that each malformed value is a 400 naming its parameter with a
 * plain message. Repeat a parameter or comma-separate its values for OR; different
 * parameters AND.
 */
record TimelineParams(@Parameter(
		description = "Entry kinds: INCIDENT, CEASEFIRE_AGREED, CEASEFIRE_ENDED, TALKS_ROUND, CROSSING_STATUS_CHANGED",
		example = "INCIDENT") List<String> kind,
		@Parameter(
				description = "First date included: YYYY-MM-DD, or a record: ceasefire:{id} (its effective date), talks-round:{id}, incident:{id} (start date), crossing-change:{id}",
				example = "2025-10-01") String from,
		@Parameter(description = "Last date included, same forms as from", example = "2025-11-10") String to,
		@Parameter(
				description = "ISO 3166-1 alpha-3 codes: incident country, ceasefire parties' countries, talks venue and parties' countries, crossing countries",
				example = "PAK") List<String> country,
		@Parameter(description = "Actor ids; entries where the actor takes any part") List<String> actor,
		@Parameter(
				description = "Full-text query (web search syntax) over incident text and the names, titles and reasons of the other records",
				example = "ceasefire") String q,
		@Parameter(description = "minLon,minLat,maxLon,maxLat; only entries with coordinates inside",
				example = "60,29,72,37") String bbox,
		@Parameter(description = "Only incidents with at least this many curated fatalities",
				example = "10") String minFatalities,
		@Parameter(description = "asc (oldest first, the default) or desc", example = "asc") String order,
		@Parameter(description = "Page size, 1 to 500 (JSON only; exports return everything)") String limit,
		@Parameter(description = "nextCursor of the previous page (JSON only)") String cursor,
		@Parameter(
				description = "LAT,LON,KM: only entries with coordinates within KM kilometres of the point (great-circle distance; 0 < KM <= 20000)",
				example = "34.19,71.07,50") String near) {

	List<TimelineKind> kinds() {
		Set<TimelineKind> kinds = new LinkedHashSet<>();
		for (String value : values(this.kind)) {
			try {
				kinds.add(TimelineKind.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField("kind",
						"'" + value + "' is not a valid value; expected one of " + List.of(TimelineKind.values()));
			}
		}
		return kinds.isEmpty() ? List.copyOf(EnumSet.allOf(TimelineKind.class)) : List.copyOf(kinds);
	}

	/** The country values, comma-separated ones split (checked by the caller). */
	List<String> countryValues() {
		return values(this.country);
	}

	List<UUID> actors() {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String value : values(this.actor)) {
			try {
				ids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField("actor", "'" + value + "' is not a valid UUID");
			}
		}
		return List.copyOf(ids);
	}

	Integer minFatalitiesValue() {
		Integer value = wholeNumber("minFatalities", this.minFatalities);
		if (value != null && value < 0) {
			throw InvalidInputException.forField("minFatalities", "must be 0 or more");
		}
		return value;
	}

	int limitValue() {
		return PageLimit.check(wholeNumber("limit", this.limit));
	}

	SortOrder orderValue() {
		return SortOrder.parse("order", this.order);
	}

	String cursorValue() {
		return (this.cursor == null || this.cursor.isBlank()) ? null : this.cursor.strip();
	}

	private static Integer wholeNumber(String param, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.forField(param, "'" + value + "' is not a valid whole number");
		}
	}

	/**
	 * The values of a repeatable parameter, comma-separated ones split, blanks dropped.
	 */
	private static List<String> values(List<String> raw) {
		List<String> values = new ArrayList<>();
		if (raw != null) {
			for (String item : raw) {
				for (String value : item.split(",")) {
					if (!value.isBlank()) {
						values.add(value.strip());
					}
				}
			}
		}
		return values;
	}

}
