package org.borderwatch.source;

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
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/sources")
@Tag(name = "Sources", description = "Provenance: the reports, broadcasts, statements and datasets facts come from")
class SourceController {

	private final SourceService service;

	SourceController(SourceService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Create a source",
			description = "201 with Location and ETag. 409 when another source has the same url.")
	ResponseEntity<SourceResponse> create(@Valid @RequestBody SourceRequest request) {
		SourceResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a source", description = "Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<SourceResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		SourceResponse source = this.service.get(id);
		return ETags.okOrNotModified(source, source.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List sources", description = "Newest publication first, undated last. "
			+ "Repeat a filter (or comma-separate values) for OR; different filters AND.")
	ResponseEntity<PageResponse<SourceResponse>> list(
			@Parameter(description = "Publisher names (exact, case-insensitive)",
					example = "Associated Press") @RequestParam(required = false) List<String> publisher,
			@Parameter(description = "Source kinds",
					example = "STATE_MEDIA") @RequestParam(required = false) List<SourceKind> kind,
			@Parameter(description = "Published on or after (inclusive)",
					example = "2025-10-01") @RequestParam(required = false) LocalDate from,
			@Parameter(description = "Published on or before (inclusive)",
					example = "2025-11-10") @RequestParam(required = false) LocalDate to,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidInputException.forField("to", "must not be before from");
		}
		SourceFilter filter = new SourceFilter((publisher != null) ? publisher : List.of(),
				(kind != null) ? kind : List.of(), from, to);
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a source",
			description = "Fields left out become empty. With If-Match, a stale ETag answers 412.")
	ResponseEntity<SourceResponse> replace(@PathVariable UUID id, @Valid @RequestBody SourceRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		SourceResponse source = this.service.replace(id, request, ifMatch);
		return ETags.ok(source, source.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update a source partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field. With If-Match, a stale ETag answers 412.")
	ResponseEntity<SourceResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		SourceResponse source = this.service.patch(id, patch, ifMatch);
		return ETags.ok(source, source.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a source", description = "409 while any record cites it, naming what does.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
