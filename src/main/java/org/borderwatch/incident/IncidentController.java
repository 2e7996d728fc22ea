package org.borderwatch.incident;

import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.borderwatch.export.ExportFormat;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Clashes, strikes and attacks in ACLED's taxonomy, with casualty estimates "
		+ "and who claimed, blamed or denied them")
class IncidentController {

	private final IncidentService service;

	private final IncidentExport export;

	IncidentController(IncidentService service, IncidentExport export) {
		this.service = service;
		this.export = export;
	}

	@PostMapping
	@Operation(summary = "Create an incident",
			description = "201 with Location and ETag. 400 naming the field for bad input (a sub-type outside "
					+ "its type, low > best, an end before the start); 409 when externalRef was already imported; "
					+ "422 when a referenced actor or source does not exist.")
	ResponseEntity<IncidentResponse> create(@Valid @RequestBody IncidentRequest request) {
		IncidentResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an incident", description = "Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<IncidentResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		IncidentResponse incident = this.service.get(id);
		return ETags.okOrNotModified(incident, incident.version(), ifNoneMatch);
	}

	@GetMapping("/by-external-ref")
	@Operation(summary = "Find the incident imported from a dataset record",
			description = "For idempotent imports: 404 when nothing was imported from that record yet.")
	ResponseEntity<IncidentResponse> getByExternalRef(
			@Parameter(description = "Dataset name", example = "ACLED") @RequestParam String dataset,
			@Parameter(description = "The record's id in the dataset", example = "AFG12345") @RequestParam String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		IncidentResponse incident = this.service.getByExternalRef(dataset, id);
		return ETags.okOrNotModified(incident, incident.version(), ifNoneMatch);
	}

	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, ExportFormat.CSV_VALUE, ExportFormat.GEOJSON_VALUE,
			ExportFormat.NDJSON_VALUE })
	@Operation(summary = "List or export incidents")
	@ApiResponse(responseCode = "200", description = "A page, or an export",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = IncidentPage.class)),
					@Content(mediaType = ExportFormat.NDJSON_VALUE,
							schema = @Schema(implementation = IncidentExport.Row.class)) })
	Object list(@ParameterObject IncidentQuery query,
			@Parameter(description = "Page size, 1 to 500; exports ignore it") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page; exports ignore it") @RequestParam(
					required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			HttpServletResponse response) {
		// Parsed before anything is streamed, so that a bad filter still gets its 400.
		IncidentFilter filter = query.toFilter();
		Optional<ExportFormat> export = ExportFormat.negotiate(accept);
		if (export.isPresent()) {
			return this.export.stream(export.get(), filter, response);
		}
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an incident",
			description = "Fields left out become empty. With If-Match, a stale ETag answers 412. "
					+ "A refused replacement changes nothing.")
	ResponseEntity<IncidentResponse> replace(@PathVariable UUID id, @Valid @RequestBody IncidentRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		IncidentResponse incident = this.service.replace(id, request, ifMatch);
		return ETags.ok(incident, incident.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update an incident partially (JSON merge patch)",
			description = "Fields present replace the stored ones (lists as a whole), null removes a field. "
					+ "With If-Match, a stale ETag answers 412.")
	ResponseEntity<IncidentResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		IncidentResponse incident = this.service.patch(id, patch, ifMatch);
		return ETags.ok(incident, incident.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an incident",
			description = "409 while a ceasefire violation or a crossing status change refers to it, naming them.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
