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
	@Operation(summary = "The timeline", description = """
			Entries in (date, kind, instant, record id) order, oldest first unless order=desc; kinds on the same date \
			come as INCIDENT, CEASEFIRE_AGREED, CEASEFIRE_ENDED, TALKS_ROUND, CROSSING_STATUS_CHANGED. An entry is \
			within from/to when its date is. Keyset pages: a walk over all pages returns each entry exactly once, \
			even while records are added. Unknown records in from/to answer 422, malformed values 400.

			Imprecise dates keep cause before effect as far as their bounds allow: an incident's date is the \
			earliest day it can have begun (its start date, raised by startedOnOrAfter when a report bounds it: \
			"began after the explosions of 9 October" sorts on 9 October, not on the 1st of a MONTH-precision \
			October). Among incidents of one date, those whose start is known to the day come first, and those \
			whose date is only the earliest they can have begun (a coarser precision or a bound) after them: what \
			is known to have happened that day precedes what followed from it. endDate is the latest day it can \
			have ended (narrowed by endedOnOrBefore). An incident's summary says "casualties not reported" \
			(fatalities null) when no curated figure exists: unknown is not 0.

			Accept text/csv, application/geo+json or application/x-ndjson for a streamed export of every matching \
			entry (same filters; limit and cursor do not apply). GeoJSON leaves out entries without coordinates and \
			counts them in the X-Features-Without-Coordinates header.""")
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
