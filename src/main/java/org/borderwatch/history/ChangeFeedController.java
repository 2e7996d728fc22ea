package org.borderwatch.history;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.PageLimit;

@RestController
@Tag(name = "Changes", description = "Every committed change of every record, in the order it became visible")
class ChangeFeedController {

	private final ChangeFeed feed;

	ChangeFeedController(ChangeFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/v1/changes")
	@Operation(summary = "Read the change feed", description = """
			The changes committed after the cursor `after`, oldest first in the order they became visible, \
			each with the record as the API served it after the change (null for DELETED: a tombstone). Keep \
			nextCursor and poll with it: every committed change is answered exactly once, including one whose \
			transaction began before others and committed after them (the feed holds back the changes of \
			transactions still running, so it lags by the longest running write). No retention limit: without \
			`after` the feed starts at the first change ever recorded.""")
	@ApiResponse(responseCode = "200", description = "A page; items may be empty, nextCursor never null",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ChangePage.class)))
	@ApiResponse(responseCode = "400", description = "A malformed after, collection or limit, naming the parameter",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ChangePage read(
			@Parameter(description = "A cursor or nextCursor this feed answered; absent: from the beginning",
					example = "1042-77") @RequestParam(required = false) String after,
			@Parameter(
					description = "Only these collections (repeat or comma-separate): actors, sources, "
							+ "incidents, ceasefires, ceasefire-violations, negotiations, talks-rounds, crossings, "
							+ "crossing-status-changes",
					example = "incidents") @RequestParam(required = false) List<String> collection,
			@Parameter(description = "Page size, 1 to 500 (default 50)") @RequestParam(
					required = false) Integer limit) {
		List<String> collections = new ArrayList<>();
		if (collection != null) {
			for (String value : collection) {
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						collections.add(part.strip());
					}
				}
			}
		}
		return this.feed.read(after, collections, PageLimit.check(limit));
	}

}
