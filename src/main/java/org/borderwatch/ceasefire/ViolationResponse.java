package org.borderwatch.ceasefire;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorRef;

/** A violation as the API returns it: the incident with its title, and who alleged it. */
@Schema(name = "CeasefireViolation")
public record ViolationResponse(UUID id, UUID incidentId,
		@Schema(example = "Cross-border clashes in Kurram") String incidentTitle, ActorRef allegedBy, String note,
		Instant createdAt) {
}
