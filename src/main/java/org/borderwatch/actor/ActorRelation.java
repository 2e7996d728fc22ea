package org.borderwatch.actor;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A relation from the owning actor to another one, for a period. */
@Embeddable
record ActorRelation(@Enumerated(EnumType.STRING) @Column(name = "kind") RelationKind kind,
		@Column(name = "related_actor_id") UUID relatedActorId, @Column(name = "since") LocalDate since,
		@Column(name = "until") LocalDate until) {
}
