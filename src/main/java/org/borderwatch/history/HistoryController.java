package org.borderwatch.history;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.ETags;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@Tag(name = "History", description = "Who changed which record, when, from what, to what, and why")
class HistoryController {

	private static final String TOP_LEVEL = "actors|sources|incidents|ceasefires|negotiations|talks-rounds|crossings";

	private static final String HISTORY_DESCRIPTION = """
			Every create, update and delete of the record, newest first, each with who made it (the API key's \
			name or the token's subject, and role), the reason given in X-Change-Reason, the change as a JSON \
			merge patch and the record as it became. A crossing's history includes its status changes, a \
			ceasefire's its violations, a negotiation's its talks rounds (by their collection and id). History \
			outlives the record: a deleted record answers 404, its history still answers, ending in DELETED. \
			404 when the record never existed.""";

	private static final String VERSION_DESCRIPTION = """
			The record exactly as the API served it right after the change that made this version (the same \
			bytes). 404 when it never had that version, when that version is its deletion, or when the change \
			was made by bulk SQL outside the service.""";

	private final HistoryService service;

	HistoryController(HistoryService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/{collection:" + TOP_LEVEL + "}/{id}/history")
	@Operation(summary = "The history of a record", description = HISTORY_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "A page of entries, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HistoryPage.class)))
	@ApiResponse(responseCode = "400", description = "A malformed limit or cursor, naming the parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "The record never existed",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<PageResponse<HistoryEntry>> history(
			@Parameter(description = "The collection", example = "incidents") @PathVariable String collection,
			@PathVariable UUID id,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return this.service.history(collection, null, id, PageLimit.check(limit), cursor).toResponse();
	}

	@GetMapping("/api/v1/{collection:" + TOP_LEVEL + "}/{id}/history/{version}")
	@Operation(summary = "A record as it was at a version", description = VERSION_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "The record as served then, with its ETag",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "404", description = "No such version kept",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<String> version(@PathVariable String collection, @PathVariable UUID id, @PathVariable long version) {
		return asServed(this.service.version(collection, null, id, version), version);
	}

	@GetMapping("/api/v1/crossings/{crossingId}/status-changes/{id}/history")
	@Operation(summary = "The history of a crossing's status change", description = HISTORY_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "A page of entries, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HistoryPage.class)))
	@ApiResponse(responseCode = "404", description = "The status change never existed on that crossing",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<PageResponse<HistoryEntry>> statusChangeHistory(@PathVariable UUID crossingId, @PathVariable UUID id,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.service
			.history(HistoryCollections.CROSSING_STATUS_CHANGES, crossingId, id, PageLimit.check(limit), cursor)
			.toResponse();
	}

	@GetMapping("/api/v1/crossings/{crossingId}/status-changes/{id}/history/{version}")
	@Operation(summary = "A crossing's status change as it was at a version", description = VERSION_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "The record as served then, with its ETag",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "404", description = "No such version kept",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<String> statusChangeVersion(@PathVariable UUID crossingId, @PathVariable UUID id,
			@PathVariable long version) {
		return asServed(this.service.version(HistoryCollections.CROSSING_STATUS_CHANGES, crossingId, id, version),
				version);
	}

	@GetMapping("/api/v1/ceasefires/{ceasefireId}/violations/{id}/history")
	@Operation(summary = "The history of a ceasefire violation", description = HISTORY_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "A page of entries, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HistoryPage.class)))
	@ApiResponse(responseCode = "404", description = "The violation never existed on that ceasefire",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<PageResponse<HistoryEntry>> violationHistory(@PathVariable UUID ceasefireId, @PathVariable UUID id,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.service
			.history(HistoryCollections.CEASEFIRE_VIOLATIONS, ceasefireId, id, PageLimit.check(limit), cursor)
			.toResponse();
	}

	private static ResponseEntity<String> asServed(String record, long version) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ETAG, ETags.of(version))
			.body(record);
	}

	/** The page as documented. */
	record HistoryPage(java.util.List<HistoryEntry> items,
			@Schema(description = "Cursor of the next (older) page; null on the last",
					nullable = true) String nextCursor) {
	}

}
