package org.borderwatch.timeline;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of a JSON timeline page (what {@code PageResponse<TimelineEntry>}
 * serialises to).
 */
@Schema(name = "TimelinePage")
record TimelinePage(List<TimelineEntry> items,
		@Schema(description = "Cursor of the next page; null on the last page") String nextCursor) {
}
