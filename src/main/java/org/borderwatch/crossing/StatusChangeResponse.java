package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.DatePrecision;

/**
 * One entry of a crossing's status history as the API returns it; the deciding actor
 * comes with its name.
 */
@Schema(name = "StatusChange")
public record StatusChangeResponse(UUID id, UUID crossingId,
		@Schema(example = "2025-10-12T00:00:00Z") Instant effectiveFrom,
		@Schema(example = "DAY") DatePrecision datePrecision, @Schema(example = "CLOSED") CrossingStatus status,
		List<TrafficKind> allowedTraffic, ActorRef decidedBy,
		@Schema(example = "Attacks on trade convoys from the Afghan side") String reason, UUID causeIncidentId,
		Set<UUID> sourceIds,
		@Schema(description = "Optimistic-locking version of this change; the ETag carries it too") long version,
		Instant createdAt, Instant updatedAt) {

	static StatusChangeResponse of(CrossingStatusChange change, Map<UUID, ActorRef> refs) {
		return new StatusChangeResponse(change.getId(), change.getCrossingId(), change.getEffectiveFrom(),
				change.getDatePrecision(), change.getStatus(), change.getAllowedTraffic(),
				ActorDirectory.ref(refs, change.getDecidedById()), change.getReason(), change.getCauseIncidentId(),
				change.getSourceIds(), change.getVersion(), change.getCreatedAt(), change.getUpdatedAt());
	}

}
