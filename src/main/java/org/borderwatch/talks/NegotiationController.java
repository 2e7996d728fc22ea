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

import org.borderwatch.common.ETags;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/negotiations")
@Tag(name = "Negotiations", description = "Negotiation processes between parties, with their mediators and rounds")
class NegotiationController {

	private final NegotiationService service;

	private final TalksRoundService rounds;

	NegotiationController(NegotiationService service, TalksRoundService rounds) {
		this.service = service;
		this.rounds = rounds;
	}

	@PostMapping
	@Operation(summary = "Create a negotiation",
			description = "201 with Location and ETag. 409 when the name (case-insensitive) is taken; 422 when a referenced actor or source does not exist; 400 when a mediator is also a party.")
	ResponseEntity<NegotiationResponse> create(@Valid @RequestBody NegotiationRequest request) {
		NegotiationResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a negotiation",
			description = "Answers 304 when If-None-Match carries the current ETag. Adding or removing a round changes the ETag (roundCount changes).")
	ResponseEntity<NegotiationResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		NegotiationResponse negotiation = this.service.get(id);
		return ETags.okOrNotModified(negotiation, negotiation.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List negotiations",
			description = "In name order. Repeat a filter (or comma-separate values) for OR; different filters AND.")
	ResponseEntity<PageResponse<NegotiationResponse>> list(
			@Parameter(description = "Ids of actors taking part as a party") @RequestParam(
					required = false) List<UUID> party,
			@Parameter(description = "Ids of actors mediating, in any role") @RequestParam(
					required = false) List<UUID> mediator,
			@Parameter(description = "Case-insensitive match on the name",
					example = "afghanistan") @RequestParam(required = false) String q,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		NegotiationFilter filter = new NegotiationFilter((party != null) ? party : List.of(),
				(mediator != null) ? mediator : List.of(), q);
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@GetMapping("/{id}/rounds")
	@Operation(summary = "List the rounds of a negotiation",
			description = "In round-number order; takes the filters of GET /api/v1/talks-rounds. 404 for an unknown negotiation.")
	ResponseEntity<PageResponse<TalksRoundResponse>> rounds(@PathVariable UUID id,
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
		TalksRoundFilter filter = TalksRoundController.filter(null, party, mediator, from, to, status, venueCountry);
		return this.rounds.listOfNegotiation(id, filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a negotiation",
			description = "Fields left out become empty. With If-Match, a stale ETag answers 412.")
	ResponseEntity<NegotiationResponse> replace(@PathVariable UUID id, @Valid @RequestBody NegotiationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		NegotiationResponse negotiation = this.service.replace(id, request, ifMatch);
		return ETags.ok(negotiation, negotiation.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a negotiation partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field. With If-Match, a stale ETag answers 412.")
	ResponseEntity<NegotiationResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		NegotiationResponse negotiation = this.service.patch(id, patch, ifMatch);
		return ETags.ok(negotiation, negotiation.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a negotiation",
			description = "409 while it still has rounds, or other records refer to it.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
