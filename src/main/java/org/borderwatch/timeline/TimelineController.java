package org.borderwatch.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.export.ExportFormat;

@RestController
@RequestMapping("/api/v1/timeline")
@Tag(name = "Timeline",
		description = "One chronological feed of incidents, ceasefire milestones, talks rounds and crossing status changes")
class TimelineController {

	private final TimelineResponder responder;

	TimelineController(TimelineResponder responder) {
		this.responder = responder;
	}

	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, ExportFormat.CSV_VALUE, ExportFormat.GEOJSON_VALUE,
			ExportFormat.NDJSON_VALUE })
	@Operation(summary = "The timeline")
	@ApiResponse(responseCode = "200", description = "A page, or an export", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = TimelinePage.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string",
					example = "kind,record_id,date,end_date,date_precision,title,summary,countries,actors,latitude,longitude,fatalities,link")),
			@Content(mediaType = "application/geo+json", schema = @Schema(type = "object")),
			@Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = TimelineEntry.class)) })
	Object timeline(@ParameterObject TimelineParams params,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) {
		return this.responder.respond(params, TimelineScope.all(), ExportFormat.negotiate(accept), "timeline",
				response);
	}

}
