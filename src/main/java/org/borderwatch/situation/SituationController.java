package org.borderwatch.situation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.Countries;

@RestController
@RequestMapping("/api/v1/situation")
@Tag(name = "Situation", description = "The state of things on a date, for a dashboard's front page")
class SituationController {

	private final SituationService service;

	SituationController(SituationService service) {
		this.service = service;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The situation on a date", description = """
			Ceasefires in effect (with parties and mediators), every crossing's status at the end of the day \
			(UNKNOWN without history), the latest and the next talks round, and incident totals for the 7 and 30 days \
			ending with the date, with the five most involved actors. A country filter applies to all of it.""")
	Situation situation(
			@Parameter(description = "The date; today (UTC) when absent",
					example = "2025-11-06") @RequestParam(required = false) LocalDate asOf,
			@Parameter(description = "ISO 3166-1 alpha-3 codes",
					example = "PAK") @RequestParam(required = false) List<String> country) {
		LocalDate date = (asOf != null) ? asOf : LocalDate.now(ZoneOffset.UTC);
		return this.service.situation(date, Countries.parseFilter("country", country));
	}

}
