package org.borderwatch.incident;

import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.borderwatch.export.ExportFormat;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Clashes, strikes and attacks in ACLED's taxonomy, with casualty estimates "
		+ "and who claimed, blamed or denied them")
class IncidentController {

	private static final String CSV_EXAMPLE = """
			event_id_cnty,event_date,end_date,time_precision,event_type,sub_event_type,actor1,actor2,assoc_actors,\
			country,admin1,admin2,location,latitude,longitude,geo_precision,fatalities,wounded,fatalities_low,\
			fatalities_high,verification,claimed_by,tags,source_ids,external_dataset,external_id,notes,title
			0199f3a2-5c1e-7d40-9a3b-6f1e2d3c4b5a,2025-10-09,2025-10-09,DAY,Explosions/Remote violence,\
			Air/drone strike,Pakistan Air Force,Tehrik-i-Taliban Pakistan,,AFG,Kabul,,Kabul,34.53,69.17,NEAR,\
			0,0,0,0,DISPUTED,,cross-border; kabul,0199f3a0-1b2c-7d3e-8f40-5a6b7c8d9e0f,,,\
			"Blasts heard in Kabul, Pakistan neither confirmed nor denied",Explosions in Kabul
			""";

	/**
	 * One incident as NDJSON and GeoJSON show it; an annotation value, hence a constant.
	 */
	private static final String ROW_EXAMPLE = """
			{"eventIdCnty":"0199f3a2-5c1e-7d40-9a3b-6f1e2d3c4b5a","eventDate":"2025-10-09","endDate":"2025-10-09",\
			"timePrecision":"DAY","eventType":"Explosions/Remote violence","subEventType":"Air/drone strike",\
			"actor1":["Pakistan Air Force"],"actor2":["Tehrik-i-Taliban Pakistan"],"assocActors":[],\
			"country":"AFG","admin1":"Kabul","admin2":null,"location":"Kabul","latitude":34.53,"longitude":69.17,\
			"geoPrecision":"NEAR","fatalities":0,"wounded":0,"fatalitiesLow":0,"fatalitiesHigh":0,\
			"verification":"DISPUTED","claimedBy":[],"tags":["cross-border","kabul"],\
			"sourceIds":["0199f3a0-1b2c-7d3e-8f40-5a6b7c8d9e0f"],"externalDataset":null,"externalId":null,\
			"notes":"Blasts heard in Kabul, Pakistan neither confirmed nor denied","title":"Explosions in Kabul"}""";

	private static final String NDJSON_EXAMPLE = ROW_EXAMPLE + "\n";

	private static final String GEOJSON_EXAMPLE = """
			{"type":"FeatureCollection","features":[
			{"type":"Feature","id":"0199f3a2-5c1e-7d40-9a3b-6f1e2d3c4b5a",\
			"geometry":{"type":"Point","coordinates":[69.17,34.53]},"properties":""" + ROW_EXAMPLE + """
			}
			]}
			""";

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
	@Operation(summary = "List or export incidents", description = """
			Newest first (startDate, then id, descending). Repeat a filter (or comma-separate values) for OR; \
			different filters AND. Exports and statistics accept exactly the same filters.

			Accept text/csv, application/geo+json or application/x-ndjson for a streamed export of every matching \
			incident in the same order (same filters; limit and cursor do not apply). JSON stays the answer to \
			*/* and to a request without Accept. Each export has one flat, ACLED-like row per incident, not the \
			nested JSON incident: CSV columns event_id_cnty (the id), event_date (start date), end_date, \
			time_precision (date precision), event_type and sub_event_type (ACLED's labels), actor1 (INITIATOR \
			names), actor2 (TARGET names), assoc_actors (PARTICIPANT names), country, admin1, admin2, location \
			(place name), latitude, longitude, geo_precision, fatalities, wounded, fatalities_low and \
			fatalities_high (the curated figures: fatalitiesRange of the JSON incident), verification, claimed_by \
			(names of the actors claiming responsibility), tags, source_ids, external_dataset, external_id, notes \
			(description), title; lists joined with "; " (RFC 4180: UTF-8, CRLF, quoted where needed). NDJSON \
			lines and GeoJSON feature properties carry the same fields in camelCase (eventIdCnty, eventDate, ..., \
			fatalitiesLow, ...), lists as arrays. GeoJSON leaves out incidents without coordinates and counts them \
			in the X-Features-Without-Coordinates header. A bad filter answers 400 application/problem+json \
			whatever the Accept.""")
	@ApiResponse(responseCode = "200", description = "A page, or an export", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = IncidentPage.class)),
			@Content(mediaType = ExportFormat.CSV_VALUE, schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "csv", summary = "The header and one incident",
							value = CSV_EXAMPLE)),
			@Content(mediaType = ExportFormat.GEOJSON_VALUE, schema = @Schema(type = "object"),
					examples = @ExampleObject(name = "geojson", summary = "One located incident",
							value = GEOJSON_EXAMPLE)),
			@Content(mediaType = ExportFormat.NDJSON_VALUE, schema = @Schema(implementation = IncidentExport.Row.class),
					examples = @ExampleObject(name = "ndjson", summary = "One line: one incident",
							value = NDJSON_EXAMPLE)) })
	@ApiResponse(responseCode = "400", description = "A malformed filter, limit or cursor, naming the parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@Parameters({
			@Parameter(name = "from", in = ParameterIn.QUERY, example = "2025-10-01",
					description = "Incidents ending on or after this date (inclusive; date ranges overlap, "
							+ "narrowed by startedOnOrAfter/endedOnOrBefore where a report bounds them)",
					schema = @Schema(type = "string", format = "date")),
			@Parameter(name = "to", in = ParameterIn.QUERY, example = "2025-11-10",
					description = "Incidents starting on or before this date (inclusive)",
					schema = @Schema(type = "string", format = "date")),
			@Parameter(name = "country", in = ParameterIn.QUERY, example = "AFG",
					description = "ISO 3166-1 alpha-3 codes: incidents that took place in any of them (an incident "
							+ "across a border is found by each of its countries)",
					array = @ArraySchema(schema = @Schema(type = "string"))),
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
			@Parameter(name = "near", in = ParameterIn.QUERY, example = "34.19,71.07,50",
					description = "LAT,LON,KM: incidents with coordinates within KM kilometres of the point "
							+ "(great-circle distance; 0 < KM <= 20000)",
					schema = @Schema(type = "string")),
			@Parameter(name = "q", in = ParameterIn.QUERY, example = "kabul explosions",
					description = "Full text over title and description (web search syntax: \"phrase\", or, -word)",
					schema = @Schema(type = "string")) })
	Object list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@Parameter(description = "Page size, 1 to 500; exports ignore it") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page; exports ignore it") @RequestParam(
					required = false) String cursor,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			HttpServletResponse response) {
		// Parsed before anything is streamed, so that a bad filter still gets its 400.
		IncidentFilter filter = IncidentFilter.parse(params);
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
