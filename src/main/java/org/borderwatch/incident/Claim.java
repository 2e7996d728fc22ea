package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What one actor said about the incident, when, where it was reported: a claim of
 * responsibility, an accusation of another actor, a denial or a confirmation.
 */
@Embeddable
record Claim(@Column(name = "actor_id") UUID actorId,
		@Enumerated(EnumType.STRING) @Column(name = "stance") ClaimStance stance,
		@Column(name = "accused_actor_id") UUID accusedActorId, @Column(name = "claimed_on") LocalDate date,
		@Column(name = "statement") String statement, @Column(name = "source_id") UUID sourceId) {
}
