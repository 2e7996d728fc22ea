package org.borderwatch.incident;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An actor's part in an incident. */
@Embeddable
record Involvement(@Column(name = "actor_id") UUID actorId,
		@Enumerated(EnumType.STRING) @Column(name = "role") ActorRole role) {
}
