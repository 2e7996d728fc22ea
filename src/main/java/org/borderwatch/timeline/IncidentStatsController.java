package org.borderwatch.timeline;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

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
	@Operation(summary = "Incident statistics per day, week, month or year",
			description = """
					Counts incidents by the bucket of their start date, with the curated casualty figures \
					(the best estimates of figures without a claimant) summed by category. Buckets are calendar \
					periods (ISO weeks start on Monday); the first and last are clipped to from/to. Every group \
					that has an incident in the range gets every bucket, zero-filled. At most 1,000 buckets \
					(400 naming interval) and 10,000 bucket-group entries (400 naming groupBy). \
					Filters work as in the incident list: repeat a parameter (or comma-separate values) for OR; \
					different parameters AND.""")
	IncidentStatsResponse incidents(
			@Parameter(description = "Bucket width: day, week, month (default) or year", example = "week") @RequestParam(required = false) String interval,
			@Parameter(description = "Series within each bucket: none (default), type, subType, country, admin1 or actor. With actor an incident counts under each actor involved.",
					example = "type") @RequestParam(required = false) String groupBy,
			@Parameter(description = "First start date counted, inclusive. Default: as many whole buckets before `to` as give 30 days, 26 weeks, 12 months or 10 years",
					example = "2025-01-01") @RequestParam(required = false) LocalDate from,
			@Parameter(description = "Last start date counted, inclusive. Default: today (UTC)", example = "2025-12-31") @RequestParam(required = false) LocalDate to,
			@Parameter(description = "ISO 3166-1 alpha-3 codes", example = "PAK") @RequestParam(required = false) List<String> country,
			@Parameter(description = "ACLED event types, as code or label", example = "BATTLES") @RequestParam(required = false) List<String> type,
			@Parameter(description = "ACLED sub-event types, as code or label", example = "ARMED_CLASH") @RequestParam(required = false) List<String> subType,
			@Parameter(description = "Ids of actors taking any part in the incident") @RequestParam(required = false) List<String> actor,
			@Parameter(description = "First-level administrative divisions, exact names", example = "Khyber Pakhtunkhwa") @RequestParam(required = false) List<String> admin1) {
		return this.service.stats(
				IncidentStatsQuery.parse(interval, groupBy, from, to, country, type, subType, actor, admin1));
	}

}
