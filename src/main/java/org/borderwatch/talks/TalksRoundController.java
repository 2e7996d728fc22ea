package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.Countries;
import org.borderwatch.common.ETags;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/talks-rounds")
@Tag(name = "Talks rounds", description = "Meetings of a negotiation: venue, dates, agenda, delegations and mediators")
class TalksRoundController {

	private final TalksRoundService service;

	TalksRoundController(TalksRoundService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Create a round of talks",
			description = "201 with Location and ETag. The round may be recorded in any status (one that met or ended already included). 409 when the round number is taken in the negotiation; 422 when a referenced negotiation, actor or source does not exist; 400 naming the field when a rule is broken (end before start, two delegations of one party, a head also listed as member, a mediator who is a party, an outcome for a round that is SCHEDULED, ONGOING or CANCELLED).")
	ResponseEntity<TalksRoundResponse> create(@Valid @RequestBody TalksRoundRequest request) {
		TalksRoundResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a round of talks",
			description = "Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<TalksRoundResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		TalksRoundResponse round = this.service.get(id);
		return ETags.okOrNotModified(round, round.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List rounds of talks",
			description = "Latest first (start date descending, then id). Repeat a filter (or comma-separate values) for OR; different filters AND.")
	ResponseEntity<PageResponse<TalksRoundResponse>> list(
			@Parameter(description = "Ids of negotiations") @RequestParam(required = false) List<UUID> negotiation,
			@Parameter(description = "Ids of actors with a delegation in the round") @RequestParam(
					required = false) List<UUID> party,
			@Parameter(description = "Ids of actors mediating the round, in any role") @RequestParam(
					required = false) List<UUID> mediator,
			@Parameter(description = "Rounds still going on this day or later (inclusive)",
					example = "2025-11-01") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Rounds starting on this day or earlier (inclusive)",
					example = "2025-11-30") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "Round statuses",
					example = "ONGOING") @RequestParam(required = false) List<TalksRoundStatus> status,
			@Parameter(description = "ISO 3166-1 alpha-3 codes of the venue country",
					example = "TUR") @RequestParam(required = false) List<String> venueCountry,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		TalksRoundFilter filter = filter(negotiation, party, mediator, from, to, status, venueCountry);
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	static TalksRoundFilter filter(List<UUID> negotiation, List<UUID> party, List<UUID> mediator, LocalDate from,
			LocalDate to, List<TalksRoundStatus> status, List<String> venueCountry) {
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidInputException.forField("to", "must not be before from");
		}
		return new TalksRoundFilter(orEmpty(negotiation), orEmpty(party), orEmpty(mediator), from, to, orEmpty(status),
				Countries.parseFilter("venueCountry", venueCountry));
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return (values != null) ? values : List.of();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a round of talks",
			description = "Fields left out become empty; the delegations sent replace the stored ones. A new status must follow the round's lifecycle (see TalksRoundStatus): 409 naming status for a move it forbids (a CONCLUDED round held again, a round that met cancelled); 400 naming outcome for an outcome the new status does not take. With If-Match, a stale ETag answers 412.")
	ResponseEntity<TalksRoundResponse> replace(@PathVariable UUID id, @Valid @RequestBody TalksRoundRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		TalksRoundResponse round = this.service.replace(id, request, ifMatch);
		return ETags.ok(round, round.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a round of talks partially (JSON merge patch)", description = """
			Fields present replace the stored ones (a list replaces the whole list), null removes a field. \
			The status moves along the round's lifecycle (see TalksRoundStatus): {"status": "ONGOING"} when it \
			meets or resumes, {"status": "SUSPENDED"}, {"status": "CONCLUDED", "outcome": "..."}, \
			{"status": "COLLAPSED", "outcome": "..."}, {"status": "CANCELLED"} before it met. 409 naming status \
			for a move the lifecycle forbids; 400 naming outcome when the new status takes none (send \
			"outcome": null when a suspended round resumes). With If-Match, a stale ETag answers 412.""")
	ResponseEntity<TalksRoundResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		TalksRoundResponse round = this.service.patch(id, patch, ifMatch);
		return ETags.ok(round, round.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a round of talks",
			description = "409 while other records (a ceasefire it produced) refer to it.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
