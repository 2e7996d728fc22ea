package org.borderwatch.live;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.borderwatch.history.Change;

@RestController
@Tag(name = "Changes")
class ChangeStreamController {

	private final ChangeStreamHub hub;

	private final LiveProperties properties;

	ChangeStreamController(ChangeStreamHub hub, LiveProperties properties) {
		this.hub = hub;
		this.properties = properties;
	}

	@GetMapping(path = "/api/v1/changes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow the change feed as Server-Sent Events", description = """
			Every committed change of the change feed, as it is committed, on any instance of the service: \
			`id:` the feed cursor after the change, `event:` `<collection>.<action>` (e.g. \
			`crossing-status-changes.created`, actions `created`, `updated`, `deleted`), `data:` the feed item \
			as GET /api/v1/changes answers it. A comment line (`: heartbeat`) comes when nothing else has for a \
			while. Without `Last-Event-ID` or `after` the stream starts with the next change; with one it \
			resumes exactly after that change, with no gap and no duplicate, also after a restart of the \
			service, since the stream is read from the feed. A client that falls too far behind is \
			disconnected and resumes the same way (browsers' EventSource does so by itself); so is every \
			client when the service stops, and when the stream has lasted `borderwatch.live.stream-timeout`. \
			Filters combine with AND, repeated or comma-separated values with OR; `kind`, `country` and \
			`actor` match the changed record's timeline entries (a record with none, such as an actor or a \
			deleted record, matches none of them).""")
	@ApiResponse(responseCode = "200", description = "The stream; each event's data is a feed item",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(implementation = Change.class)))
	@ApiResponse(responseCode = "400", description = "A malformed cursor or filter, naming the parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "503",
			description = "The cap on open streams (borderwatch.live.max-streams) is reached, or the service is stopping",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	SseEmitter stream(
			@Parameter(description = "The id of the last event received; sent by EventSource when it reconnects",
					example = "1042-77") @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@Parameter(description = "A feed cursor to resume after (Last-Event-ID wins when both are sent)",
					example = "1042-77") @RequestParam(required = false) String after,
			@Parameter(
					description = "Only these collections (actors, sources, incidents, ceasefires, "
							+ "ceasefire-violations, negotiations, talks-rounds, crossings, crossing-status-changes)",
					example = "crossing-status-changes") @RequestParam(required = false) List<String> collection,
			@Parameter(
					description = "Only records with a timeline entry of these kinds (INCIDENT, CEASEFIRE_AGREED, "
							+ "CEASEFIRE_ENDED, TALKS_ROUND, CROSSING_STATUS_CHANGED)",
					example = "CROSSING_STATUS_CHANGED") @RequestParam(required = false) List<String> kind,
			@Parameter(description = "Only records whose timeline entry involves these countries (ISO alpha-3)",
					example = "PAK") @RequestParam(required = false) List<String> country,
			@Parameter(description = "Only records whose timeline entry involves these actors (ids)") @RequestParam(
					required = false) List<String> actor,
			HttpServletResponse response) {
		FeedPosition from = (lastEventId != null && !lastEventId.isBlank())
				? FeedPosition.parse(lastEventId, "Last-Event-ID")
				: ((after != null) ? FeedPosition.parse(after, "after") : null);
		StreamFilter filter = StreamFilter.parse(collection, kind, country, actor);
		// proxies must pass events on as they come
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-cache");
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		ChangeStream stream = this.hub.open(filter, from, new SseEventSink(emitter));
		emitter.onCompletion(() -> this.hub.closed(stream));
		emitter.onTimeout(() -> {
			this.hub.closed(stream);
			emitter.complete();
		});
		emitter.onError((ex) -> this.hub.closed(stream));
		return emitter;
	}

}
