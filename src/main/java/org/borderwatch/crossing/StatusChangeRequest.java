package org.borderwatch.crossing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.DatePrecision;

/**
 * The writable state of one entry of a crossing's status history: the body of POST and
 * PUT, and what a merge patch applies to.
 */
@Schema(name = "StatusChangeRequest", description = "A change of a crossing's status as written by clients")
public record StatusChangeRequest(@Schema(example = "2025-10-12T00:00:00Z",
		description = "When the status took effect (UTC). With a coarser datePrecision, the start of the period it is known to fall in; two changes of one crossing cannot share an instant") @NotNull Instant effectiveFrom,
		@Schema(example = "DAY",
				description = "How precisely effectiveFrom is known: a reopening whose day was not reported is MONTH") @NotNull DatePrecision datePrecision,
		@Schema(example = "CLOSED") @NotNull CrossingStatus status,
		@Schema(example = "[]",
				description = "Empty when CLOSED; at least one kind when OPEN or PARTIALLY_OPEN") List<@NotNull TrafficKind> allowedTraffic,
		@Schema(description = "Id of the actor that decided the change") UUID decidedById,
		@Schema(example = "Attacks on trade convoys from the Afghan side") @Size(max = 2000) String reason,
		@Schema(description = "Id of the incident that set the change off") UUID causeIncidentId,
		@Schema(description = "Ids of the sources this record rests on") Set<@NotNull UUID> sourceIds) {

	public StatusChangeRequest {
		allowedTraffic = (allowedTraffic != null) ? allowedTraffic : List.of();
		sourceIds = (sourceIds != null) ? new LinkedHashSet<>(sourceIds) : Set.of();
	}

	static StatusChangeRequest from(CrossingStatusChange change) {
		return new StatusChangeRequest(change.getEffectiveFrom(), change.getDatePrecision(), change.getStatus(),
				change.getAllowedTraffic(), change.getDecidedById(), change.getReason(), change.getCauseIncidentId(),
				change.getSourceIds());
	}

}
