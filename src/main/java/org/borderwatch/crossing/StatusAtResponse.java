package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.common.DatePrecision;

/**
 * The status of one crossing at one instant. Before the first change of its history a
 * crossing's status is UNKNOWN (with no traffic, no since and no change id): the service
 * does not guess.
 */
@Schema(name = "CrossingStatusAt")
public record StatusAtResponse(UUID crossingId,
		@Schema(example = "2025-10-15T23:59:59.999999Z",
				description = "The instant asked for (a date means the end of that day, UTC)") Instant at,
		@Schema(example = "CLOSED", allowableValues = {
				"OPEN", "PARTIALLY_OPEN", "CLOSED", "UNKNOWN" },
				description = "UNKNOWN before the first change of the history") String status,
		List<TrafficKind> allowedTraffic, @Schema(example = "2025-10-12T00:00:00Z", nullable = true) Instant since,
		@Schema(nullable = true) DatePrecision datePrecision, @Schema(nullable = true) UUID statusChangeId){

	/**
	 * The word {@code status} takes, here and in the list filter, when no change precedes
	 * the instant.
	 */
	static final String UNKNOWN = "UNKNOWN";

	static StatusAtResponse of(UUID crossingId, Instant at, CurrentStatus status) {
		if (status == null) {
			return new StatusAtResponse(crossingId, at, UNKNOWN, List.of(), null, null, null);
		}
		return new StatusAtResponse(crossingId, at, status.status().name(), status.allowedTraffic(), status.since(),
				status.datePrecision(), status.statusChangeId());
	}

}
