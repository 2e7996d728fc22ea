package org.borderwatch.stats;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Incident statistics: one entry per bucket and group, zero-filled, in chronological
 * order and, within a bucket, in the order of the groups (most incidents first).
 */
@Schema(name = "IncidentStats")
record IncidentStatsResponse(@Schema(example = "week") String interval, @Schema(example = "type") String groupBy,
		@Schema(description = "First day counted (inclusive)", example = "2025-01-01") LocalDate from,
		@Schema(description = "Last day counted (inclusive)", example = "2025-12-31") LocalDate to,
		List<Bucket> buckets) {

	/**
	 * One bucket of one group. {@code start}/{@code end} are the days it counts
	 * (inclusive): the calendar period, clipped to the requested range for the first and
	 * last bucket.
	 */
	@Schema(name = "IncidentStatsBucket")
	record Bucket(@Schema(example = "2025-10-06") LocalDate start, @Schema(example = "2025-10-12") LocalDate end,
			@Schema(description = "The calendar period: 2025-10-12, 2025-W41, 2025-10 or 2025",
					example = "2025-W41") String period,
			@Schema(description = "The group's value (type or sub-type code, country code, admin1, actor id); null for groupBy=none and for incidents that lack the attribute",
					example = "BATTLES") String key,
			@Schema(description = "The group's readable name; null for groupBy=none", example = "Battles") String label,
			@Schema(description = "Incidents that began in the bucket (on the earliest day they can have begun); their figures count here") long incidents,
			@Schema(description = "Incidents that began before the bucket (in an earlier one, or before from) and still went on in it: their date range overlaps the bucket, but their figures count in the bucket where they began, so that buckets add up to the totals") long ongoing,
			@Schema(description = "Curated killed figures (best estimates), all categories") long fatalities,
			@Schema(description = "Curated wounded figures (best estimates), all categories") long wounded,
			@Schema(description = "Incidents among incidents whose killed were not reported (no curated figure): "
					+ "unknown, not 0, so they add nothing to fatalities") long fatalitiesNotReported,
			@Schema(description = "Incidents among incidents whose wounded were not reported") long woundedNotReported,
			Casualties casualties) {
	}

	/** The curated best estimates by category. */
	@Schema(name = "IncidentStatsCasualties")
	record Casualties(@JsonProperty("SECURITY_FORCES") Outcome securityForces,
			@JsonProperty("CIVILIANS") Outcome civilians, @JsonProperty("MILITANTS") Outcome militants,
			@JsonProperty("UNKNOWN") Outcome unknown) {

		static final Casualties NONE = new Casualties(Outcome.NONE, Outcome.NONE, Outcome.NONE, Outcome.NONE);

	}

	@Schema(name = "IncidentStatsOutcome")
	record Outcome(long killed, long wounded) {

		static final Outcome NONE = new Outcome(0, 0);

	}

}
