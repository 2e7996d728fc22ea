package org.borderwatch.timeline;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.export.ExportFormat;

/**
 * The timelines of single records. They live here rather than in the actor, crossing and
 * ceasefire features because they read the timeline's model; those features map no
 * {@code /{id}/timeline} themselves.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Timeline")
class RecordTimelineController {

	private final TimelineService service;

	private final TimelineResponder responder;

	RecordTimelineController(TimelineService service, TimelineResponder responder) {
		this.service = service;
		this.responder = responder;
	}

	@GetMapping(path = "/actors/{id}/timeline",
			produces = { MediaType.APPLICATION_JSON_VALUE, ExportFormat.CSV_VALUE, ExportFormat.GEOJSON_VALUE,
					ExportFormat.NDJSON_VALUE })
	@Operation(summary = "An actor's timeline",
			description = "Entries in which the actor takes any part (incident roles, claims, ceasefire and talks parties and mediators, ending a ceasefire, heading a delegation, deciding a crossing change). Same filters, paging, order and exports as /api/v1/timeline; 404 for an unknown actor.")
	Object actor(@PathVariable UUID id, @ParameterObject TimelineParams params,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) {
		TimelineScope scope = this.service.actorScope(id);
		return this.responder.respond(params, scope, ExportFormat.negotiate(accept), "actor-timeline", response);
	}

	@GetMapping(path = "/crossings/{id}/timeline",
			produces = { MediaType.APPLICATION_JSON_VALUE, ExportFormat.CSV_VALUE, ExportFormat.GEOJSON_VALUE,
					ExportFormat.NDJSON_VALUE })
	@Operation(summary = "A border crossing's timeline",
			description = "Its status changes, and the incidents within 25 km of it (great-circle distance) dated on or after its first recorded status change. Same filters, paging, order and exports as /api/v1/timeline; 404 for an unknown crossing.")
	Object crossing(@PathVariable UUID id, @ParameterObject TimelineParams params,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) {
		TimelineScope scope = this.service.crossingScope(id);
		return this.responder.respond(params, scope, ExportFormat.negotiate(accept), "crossing-timeline", response);
	}

	@GetMapping(path = "/ceasefires/{id}/timeline",
			produces = { MediaType.APPLICATION_JSON_VALUE, ExportFormat.CSV_VALUE, ExportFormat.GEOJSON_VALUE,
					ExportFormat.NDJSON_VALUE })
	@Operation(summary = "A ceasefire's timeline",
			description = "Its agreement, the incidents alleged to violate it, and its end. Same filters, paging, order and exports as /api/v1/timeline; 404 for an unknown ceasefire.")
	Object ceasefire(@PathVariable UUID id, @ParameterObject TimelineParams params,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) {
		TimelineScope scope = this.service.ceasefireScope(id);
		return this.responder.respond(params, scope, ExportFormat.negotiate(accept), "ceasefire-timeline", response);
	}

}
