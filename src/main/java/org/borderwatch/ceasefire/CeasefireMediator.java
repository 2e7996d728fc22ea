package org.borderwatch.ceasefire;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.borderwatch.common.MediatorRole;

/**
 * A third party to a ceasefire and the part it plays (Qatar brokered the Doha ceasefire:
 * MEDIATOR).
 */
@Embeddable
record CeasefireMediator(@Column(name = "actor_id") UUID actorId,
		@Enumerated(EnumType.STRING) @Column(name = "role") MediatorRole role) {
}
