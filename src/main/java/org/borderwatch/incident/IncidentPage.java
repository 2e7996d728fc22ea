package org.borderwatch.incident;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of a JSON incident page (what
 * {@code PageResponse<IncidentResponse>} serialises to).
 */
@Schema(name = "IncidentPage")
record IncidentPage(List<IncidentResponse> items,
		@Schema(description = "Cursor of the next page; null on the last page") String nextCursor) {
}
