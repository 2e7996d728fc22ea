package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.common.DatePrecision;

/**
 * The status a crossing had at one instant, as derived from its history: the latest
 * change at or before that instant.
 */
@Schema(name = "CurrentStatus",
		description = "The status in force at the instant asked for (now unless asOf says otherwise), derived from the status history")
public record CurrentStatus(@Schema(example = "PARTIALLY_OPEN") CrossingStatus status,
		@Schema(example = "[\"REFUGEES_RETURNING\"]") List<TrafficKind> allowedTraffic,
		@Schema(example = "2025-11-01T00:00:00Z",
				description = "effectiveFrom of the change that set this status") Instant since,
		@Schema(example = "MONTH", description = "How precisely 'since' is known") DatePrecision datePrecision,
		@Schema(description = "Id of the status change that set this status") UUID statusChangeId) {
}
