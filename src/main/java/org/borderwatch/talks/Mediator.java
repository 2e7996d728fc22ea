package org.borderwatch.talks;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.borderwatch.common.MediatorRole;

/**
 * A third party in a negotiation or a round, and the part it plays (Qatar as MEDIATOR,
 * Turkey as HOST).
 */
@Embeddable
record Mediator(@Column(name = "actor_id") UUID actorId,
		@Enumerated(EnumType.STRING) @Column(name = "role") MediatorRole role) {
}
