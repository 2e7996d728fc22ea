package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/crossings")
@Tag(name = "Crossings", description = "Border crossings, each with the status its history gives it")
class CrossingController {

	private static final String INSTANT_OR_DATE = "An instant (2025-10-15T12:00:00Z) or a date (2025-10-15), which means the end of that day in UTC (23:59:59.999999Z), so every change made that day counts";

	private final CrossingService service;

	CrossingController(CrossingService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Create a border crossing",
			description = "201 with Location and ETag. 409 when the name (case-insensitive) is taken; 400 naming countryB when both countries are the same; 422 when a source does not exist. Its status is written as status changes.")
	ResponseEntity<CrossingResponse> create(@Valid @RequestBody CrossingRequest request) {
		CrossingResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a border crossing with its current status",
			description = "currentStatus is derived from the status history (null before the first change). Answers 304 when If-None-Match carries the current ETag, except while a change dated after now is recorded: the status then changes with time alone.")
	CrossingResponse get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletResponse response) {
		CrossingService.Found found = this.service.get(id);
		CrossingResponse crossing = found.crossing();
		response.setHeader(HttpHeaders.ETAG, ETags.of(crossing.version()));
		// Decided here rather than by Spring's ResponseEntity handling, which would
		// answer 304 to a
		// matching tag even when a dated change has since taken effect without a new
		// version.
		if (!found.statusChangesWithTime() && ETags.okOrNotModified(crossing, crossing.version(), ifNoneMatch)
			.getStatusCode()
			.isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return null;
		}
		return crossing;
	}

	@GetMapping("/{id}/status")
	@Operation(summary = "The status of a border crossing at an instant",
			description = "The latest status change at or before 'at'. Before the first change the status is UNKNOWN (200, not 404); 404 only for an unknown crossing.")
	StatusAtResponse status(@PathVariable UUID id, @Parameter(description = INSTANT_OR_DATE + "; now when absent",
			example = "2025-10-15") @RequestParam(required = false) String at) {
		return this.service.statusAt(id, InstantOrDate.parse("at", at, Instant.now()));
	}

	@GetMapping
	@Operation(summary = "List border crossings",
			description = "In name order. Each crossing's currentStatus is its status at asOf (now when absent). Repeat a filter (or comma-separate values) for OR; different filters AND.")
	ResponseEntity<PageResponse<CrossingResponse>> list(
			@Parameter(description = INSTANT_OR_DATE + ". currentStatus, status and allows then describe that moment",
					example = "2025-10-15") @RequestParam(required = false) String asOf,
			@Parameter(description = "ISO 3166-1 alpha-3 codes; matches either side",
					example = "AFG") @RequestParam(required = false) List<String> country,
			@Parameter(description = "Crossing kinds",
					example = "ROAD") @RequestParam(required = false) List<CrossingKind> kind,
			@Parameter(
					description = "Status at asOf: OPEN, PARTIALLY_OPEN, CLOSED, or UNKNOWN for crossings with no change at or before it",
					example = "CLOSED") @RequestParam(required = false) List<String> status,
			@Parameter(description = "Traffic kinds allowed at asOf (any of them)",
					example = "REFUGEES_RETURNING") @RequestParam(required = false) List<TrafficKind> allows,
			@Parameter(description = "Case-insensitive match on name and alternate names",
					example = "torkham") @RequestParam(required = false) String q,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		CrossingFilter filter = new CrossingFilter(Countries.parseFilter("country", country), kind,
				CrossingFilter.parseStatuses(status), allows, q, InstantOrDate.parse("asOf", asOf, null));
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a border crossing",
			description = "Fields left out become empty. With If-Match, a stale ETag answers 412 (a write to the status history also makes it stale).")
	ResponseEntity<CrossingResponse> replace(@PathVariable UUID id, @Valid @RequestBody CrossingRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CrossingResponse crossing = this.service.replace(id, request, ifMatch);
		return ETags.ok(crossing, crossing.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a border crossing partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field. With If-Match, a stale ETag answers 412.")
	ResponseEntity<CrossingResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CrossingResponse crossing = this.service.patch(id, patch, ifMatch);
		return ETags.ok(crossing, crossing.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a border crossing and its status history",
			description = "The history goes with it. 409 while other records refer to the crossing, naming them.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
