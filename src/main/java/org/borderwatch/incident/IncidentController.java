package org.borderwatch.incident;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents",
		description = "Clashes, strikes and attacks in ACLED's taxonomy, with casualty estimates "
				+ "and who claimed, blamed or denied them")
class IncidentController {

	private final IncidentService service;

	IncidentController(IncidentService service) {
		this.service = service;
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

	@GetMapping
	@Operation(summary = "List incidents",
			description = "Newest first (startDate, then id, descending). Repeat a filter (or comma-separate values) for OR; "
					+ "different filters AND. Exports and statistics accept exactly the same filters.")
	@Parameters({
			@Parameter(name = "from", in = ParameterIn.QUERY, example = "2025-10-01",
					description = "Incidents ending on or after this date (inclusive; date ranges overlap)",
					schema = @Schema(type = "string", format = "date")),
			@Parameter(name = "to", in = ParameterIn.QUERY, example = "2025-11-10",
					description = "Incidents starting on or before this date (inclusive)",
					schema = @Schema(type = "string", format = "date")),
			@Parameter(name = "country", in = ParameterIn.QUERY, example = "AFG",
					description = "ISO 3166-1 alpha-3 codes", array = @ArraySchema(schema = @Schema(type = "string"))),
			@Parameter(name = "admin1", in = ParameterIn.QUERY, example = "Khyber Pakhtunkhwa",
					description = "Provinces, ignoring case", array = @ArraySchema(schema = @Schema(type = "string"))),
			@Parameter(name = "type", in = ParameterIn.QUERY, example = "BATTLES", description = "Event types",
					array = @ArraySchema(schema = @Schema(implementation = EventType.class))),
			@Parameter(name = "subType", in = ParameterIn.QUERY, example = "AIR_DRONE_STRIKE",
					description = "Sub-event types",
					array = @ArraySchema(schema = @Schema(implementation = SubEventType.class))),
			@Parameter(name = "actor", in = ParameterIn.QUERY, description = "Ids of actors taking part",
					array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"))),
			@Parameter(name = "actorRole", in = ParameterIn.QUERY, example = "INITIATOR",
					description = "With actor: only in these roles",
					array = @ArraySchema(schema = @Schema(implementation = ActorRole.class))),
			@Parameter(name = "claimedBy", in = ParameterIn.QUERY,
					description = "Ids of actors that claimed responsibility",
					array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"))),
			@Parameter(name = "minFatalities", in = ParameterIn.QUERY, example = "10",
					description = "At least this many killed (curated best estimates)",
					schema = @Schema(type = "integer", minimum = "0")),
			@Parameter(name = "verification", in = ParameterIn.QUERY, example = "VERIFIED",
					array = @ArraySchema(schema = @Schema(implementation = VerificationStatus.class))),
			@Parameter(name = "tag", in = ParameterIn.QUERY, example = "cross-border", description = "Tags, exact",
					array = @ArraySchema(schema = @Schema(type = "string"))),
			@Parameter(name = "bbox", in = ParameterIn.QUERY, example = "60.5,29.3,75.0,38.5",
					description = "minLon,minLat,maxLon,maxLat", schema = @Schema(type = "string")),
			@Parameter(name = "q", in = ParameterIn.QUERY, example = "kabul explosions",
					description = "Full text over title and description (web search syntax: \"phrase\", or, -word)",
					schema = @Schema(type = "string")) })
	ResponseEntity<PageResponse<IncidentResponse>> list(
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return this.service.list(IncidentFilter.parse(params), PageLimit.check(limit), cursor).toResponse();
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
