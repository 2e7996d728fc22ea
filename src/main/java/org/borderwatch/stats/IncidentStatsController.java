package org.borderwatch.stats;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Incident counts and casualties per calendar period")
class IncidentStatsController {

	private final IncidentStatsService service;

	IncidentStatsController(IncidentStatsService service) {
		this.service = service;
	}

	@GetMapping("/incidents")
	@Operation(summary = "Incident statistics per day, week, month or year", description = """
			Counts incidents by the bucket of the earliest day they can have begun (the start date, raised by \
			startedOnOrAfter where a report bounds it), with the curated casualty figures (the best estimates \
			of figures without a claimant) summed by category. A multi-day incident counts, with all its \
			figures, in the bucket where it began: figures are not split by day, so buckets add up to the \
			totals. Incidents without a curated killed (wounded) figure add nothing to fatalities (wounded): \
			their figures are unknown, not 0, and fatalitiesNotReported (woundedNotReported) counts them. \
			country matches any country of an incident: with groupBy=country an incident of two countries \
			(a clash across a border) counts under each of them, and once in every other grouping, even when \
			both countries are asked for. Buckets are calendar \
			periods (ISO weeks start on Monday); the first and last are clipped to from/to. Every group \
			that has an incident in the range gets every bucket, zero-filled. At most 1,000 buckets \
			(400 naming interval) and 10,000 bucket-group entries (400 naming groupBy). \
			Every filter of the incident list works the same way here (country, admin1, type, subType, \
			actor, actorRole, claimedBy, verification, tag, minFatalities, bbox, q): repeat a parameter \
			(or comma-separate values) for OR; different parameters AND, near=LAT,LON,KM included. Only \
			from/to differ: they bound the days incidents began, where the list takes incidents overlapping \
			them.""")
	IncidentStatsResponse incidents(
			// The filter parameters are declared for the API description; IncidentFilter
			// reads them
			// (and the list's other filters) from the map, so that they mean what they
			// mean there.
			@Parameter(description = "Bucket width: day, week, month (default) or year",
					example = "week") @RequestParam(required = false) String interval,
			@Parameter(
					description = "Series within each bucket: none (default), type, subType, country, admin1 or actor. With actor an incident counts under each actor involved.",
					example = "type") @RequestParam(required = false) String groupBy,
			@Parameter(
					description = "First start date counted, inclusive. Default: as many whole buckets before `to` as give 30 days, 26 weeks, 12 months or 10 years",
					example = "2025-01-01") @RequestParam(name = "from", required = false) String fromDate,
			@Parameter(description = "Last start date counted, inclusive. Default: today (UTC)",
					example = "2025-12-31") @RequestParam(name = "to", required = false) String toDate,
			@Parameter(
					description = "ISO 3166-1 alpha-3 codes: incidents that took place in any of them. With groupBy=country an incident of several countries counts under each.",
					example = "PAK") @RequestParam(name = "country", required = false) List<String> countries,
			@Parameter(description = "ACLED event types", example = "BATTLES") @RequestParam(name = "type",
					required = false) List<String> types,
			@Parameter(description = "ACLED sub-event types", example = "ARMED_CLASH") @RequestParam(name = "subType",
					required = false) List<String> subTypes,
			@Parameter(description = "Ids of actors taking part in the incident") @RequestParam(name = "actor",
					required = false) List<String> actors,
			@Parameter(description = "First-level administrative divisions, ignoring case",
					example = "Khyber Pakhtunkhwa") @RequestParam(name = "admin1",
							required = false) List<String> admin1,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		return this.service.stats(IncidentStatsQuery.parse(interval, groupBy, params));
	}

}
