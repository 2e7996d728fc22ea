package org.borderwatch.actor;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A listing of the actor by someone ("terrorist organization" by the UN Security
 * Council), with the period it applies to. Rule: it cannot end before it starts.
 */
@Embeddable
record Designation(@Column(name = "designated_by_id") UUID designatedById,
		@Column(name = "designation") String designation, @Column(name = "since") LocalDate since,
		@Column(name = "until") LocalDate until, @Column(name = "source_id") UUID sourceId) {
}
