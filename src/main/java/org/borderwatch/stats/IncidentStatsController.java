package org.borderwatch.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.incident.IncidentQuery;

@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Incident counts and casualties per calendar period")
class IncidentStatsController {

	private final IncidentStatsService service;

	IncidentStatsController(IncidentStatsService service) {
		this.service = service;
	}

	@GetMapping("/incidents")
	@Operation(summary = "Incident statistics per day, week, month or year")
	IncidentStatsResponse incidents(@ParameterObject IncidentQuery query,
			@Parameter(description = "Bucket width: day, week, month (default) or year",
					example = "week") @RequestParam(required = false) String interval,
			@Parameter(
					description = "Series within each bucket: none (default), type, subType, country, admin1 or actor. With actor an incident counts under each actor involved.",
					example = "type") @RequestParam(required = false) String groupBy) {
		return this.service.stats(IncidentStatsQuery.parse(interval, groupBy, query));
	}

}
