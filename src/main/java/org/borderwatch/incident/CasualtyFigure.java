package org.borderwatch.incident;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One count of dead or wounded in one category, with UCDP-style uncertainty: a best
 * estimate between an optional low and high. Without a claimant it is BorderWatch's
 * curated assessment; with one, it is what that actor claims, kept beside the competing
 * claims. The side is whose casualties they are (Pakistan's soldiers), when known.
 */
@Embeddable
record CasualtyFigure(@Enumerated(EnumType.STRING) @Column(name = "category") CasualtyCategory category,
		@Enumerated(EnumType.STRING) @Column(name = "outcome") CasualtyOutcome outcome,
		@Column(name = "low") Integer low, @Column(name = "best") Integer best, @Column(name = "high") Integer high,
		@Column(name = "side_actor_id") UUID sideActorId, @Column(name = "claimant_actor_id") UUID claimantActorId,
		@Column(name = "source_id") UUID sourceId, @Column(name = "note") String note) {

	boolean isCurated() {
		return this.claimantActorId == null;
	}

}
