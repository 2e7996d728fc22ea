package org.borderwatch.crossing;

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
@RequestMapping("/api/v1/crossings/{crossingId}/status-changes")
@Tag(name = "Crossing status history",
		description = "When a crossing opened, closed or partially reopened, for what traffic, decided by whom and why")
class StatusChangeController {

	private final StatusChangeService service;

	StatusChangeController(StatusChangeService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Record a status change",
			description = "201 with Location and ETag. 400 naming allowedTraffic when CLOSED allows traffic or OPEN/PARTIALLY_OPEN allows none; 409 naming effectiveFrom when the crossing already has a change at that instant; 422 naming decidedById, causeIncidentId or sourceIds[i] when they do not exist. Raises the crossing's version.")
	ResponseEntity<StatusChangeResponse> create(@PathVariable UUID crossingId,
			@Valid @RequestBody StatusChangeRequest request) {
		StatusChangeResponse created = this.service.create(crossingId, request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{changeId}")
	@Operation(summary = "Read a status change",
			description = "404 when the change belongs to another crossing. Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<StatusChangeResponse> get(@PathVariable UUID crossingId, @PathVariable UUID changeId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		StatusChangeResponse change = this.service.get(crossingId, changeId);
		return ETags.okOrNotModified(change, change.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List a crossing's status history", description = "Oldest first (effectiveFrom, then id).")
	ResponseEntity<PageResponse<StatusChangeResponse>> list(@PathVariable UUID crossingId,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return this.service.list(crossingId, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{changeId}")
	@Operation(summary = "Replace a status change",
			description = "Fields left out become empty. With If-Match (the change's own ETag), a stale one answers 412.")
	ResponseEntity<StatusChangeResponse> replace(@PathVariable UUID crossingId, @PathVariable UUID changeId,
			@Valid @RequestBody StatusChangeRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		StatusChangeResponse change = this.service.replace(crossingId, changeId, request, ifMatch);
		return ETags.ok(change, change.version());
	}

	@PatchMapping(path = "/{changeId}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a status change partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field. With If-Match, a stale ETag answers 412.")
	ResponseEntity<StatusChangeResponse> patch(@PathVariable UUID crossingId, @PathVariable UUID changeId,
			@RequestBody JsonNode patch, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		StatusChangeResponse change = this.service.patch(crossingId, changeId, patch, ifMatch);
		return ETags.ok(change, change.version());
	}

	@DeleteMapping("/{changeId}")
	@Operation(summary = "Delete a status change", description = "With If-Match, a stale ETag answers 412.")
	ResponseEntity<Void> delete(@PathVariable UUID crossingId, @PathVariable UUID changeId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(crossingId, changeId, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
