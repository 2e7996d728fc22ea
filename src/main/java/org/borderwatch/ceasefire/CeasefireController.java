package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

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
@RequestMapping("/api/v1/ceasefires")
@Tag(name = "Ceasefires", description = "Ceasefires with their parties, mediators, lifecycle and alleged violations")
class CeasefireController {

	private final CeasefireService service;

	CeasefireController(CeasefireService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Create a ceasefire",
			description = "201 with Location and ETag. 400 naming the field when the status and dates disagree or the parties do not fit the arrangement; 409 when the name (case-insensitive) is taken; 422 when a referenced actor, talks round or source does not exist.")
	ResponseEntity<CeasefireResponse> create(@Valid @RequestBody CeasefireRequest request) {
		CeasefireResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a ceasefire", description = "Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<CeasefireResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		CeasefireResponse ceasefire = this.service.get(id);
		return ETags.okOrNotModified(ceasefire, ceasefire.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List ceasefires", description = """
			Newest first: by effectiveFrom (agreedOn when it never took effect) descending, then id \
			descending; undated proposals last. Repeat a filter (or comma-separate values) for OR; \
			different filters AND. Dates known to a coarser precision than DAY count from the first day \
			of their week, month or year: a ceasefire known to have started in 2022 is listed as in effect \
			on any 2022 date before its end.""")
	ResponseEntity<PageResponse<CeasefireResponse>> list(@Parameter(
			description = "Only ceasefires in effect on this date: not PROPOSED, effective on or before it, not ended before it",
			example = "2025-11-06") @RequestParam(required = false) LocalDate inEffectOn,
			@Parameter(description = "Ids of actors that are parties") @RequestParam(required = false) List<UUID> party,
			@Parameter(description = "Ids of actors that mediate, in any role") @RequestParam(
					required = false) List<UUID> mediator,
			@Parameter(description = "Statuses",
					example = "IN_EFFECT") @RequestParam(required = false) List<CeasefireStatus> status,
			@Parameter(
					description = "Only ceasefires whose span (effectiveFrom or agreedOn to endedOn, open while not ended) reaches this date or later",
					example = "2025-10-01") @RequestParam(required = false) LocalDate from,
			@Parameter(description = "Only ceasefires whose span starts on or before this date",
					example = "2025-11-10") @RequestParam(required = false) LocalDate to,
			@Parameter(description = "Case-insensitive match on name and terms",
					example = "doha") @RequestParam(required = false) String q,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		CeasefireFilter filter = new CeasefireFilter(inEffectOn, (party != null) ? party : List.of(),
				(mediator != null) ? mediator : List.of(), (status != null) ? status : List.of(), from, to, q);
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a ceasefire",
			description = "Fields left out become empty. May record an ended ceasefire directly (history), under the same rules as ending one. With If-Match, a stale ETag answers 412.")
	ResponseEntity<CeasefireResponse> replace(@PathVariable UUID id, @Valid @RequestBody CeasefireRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CeasefireResponse ceasefire = this.service.replace(id, request, ifMatch);
		return ETags.ok(ceasefire, ceasefire.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a ceasefire partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field; the result must pass the same rules as a PUT. With If-Match, a stale ETag answers 412.")
	ResponseEntity<CeasefireResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CeasefireResponse ceasefire = this.service.patch(id, patch, ifMatch);
		return ETags.ok(ceasefire, ceasefire.version());
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a ceasefire in effect", description = """
			Sets status (COLLAPSED, EXPIRED or TERMINATED), endedOn, endedBy and endReason at once. \
			409 when the ceasefire is not IN_EFFECT (a proposal never took effect; an ended ceasefire \
			cannot end again); 400 naming the field for an end status that does not end it or a date \
			before the ceasefire took effect; 422 for an unknown endedById. With If-Match, a stale ETag \
			answers 412.""")
	ResponseEntity<CeasefireResponse> end(@PathVariable UUID id, @Valid @RequestBody CeasefireEndRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CeasefireResponse ceasefire = this.service.end(id, request, ifMatch);
		return ETags.ok(ceasefire, ceasefire.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a ceasefire",
			description = "Its violations go with it. 409 while other records refer to it, naming them.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
