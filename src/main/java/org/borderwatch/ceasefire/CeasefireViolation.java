package org.borderwatch.ceasefire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import org.borderwatch.common.Uuids;

/**
 * An incident alleged to break a ceasefire, and by whom. A record of its own rather than
 * a collection inside {@link Ceasefire}: a ceasefire may gather many allegations, and
 * recording one must neither load all the others nor rewrite the ceasefire. It is written
 * once and removed as a whole, never edited, so it has no version. The ceasefire's row is
 * still locked while one is added or removed (see {@code CeasefireViolationService}):
 * that serialises writers on the same ceasefire and moves its version, since its
 * representation counts its violations.
 */
@Entity
@Table(name = "ceasefire_violation")
class CeasefireViolation implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "ceasefire_id", nullable = false, updatable = false)
	private UUID ceasefireId;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private UUID incidentId;

	@Column(name = "alleged_by_actor_id", updatable = false)
	private UUID allegedById;

	@Column(updatable = false)
	private String note;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	/**
	 * Tells Spring Data to insert rather than merge: the id is assigned here, not by the
	 * database.
	 */
	@Transient
	private boolean isNew;

	protected CeasefireViolation() {
	}

	CeasefireViolation(UUID ceasefireId, UUID incidentId, UUID allegedById, String note) {
		this.id = Uuids.v7();
		this.ceasefireId = Objects.requireNonNull(ceasefireId, "ceasefireId");
		this.incidentId = Objects.requireNonNull(incidentId, "incidentId");
		this.allegedById = allegedById;
		this.note = note;
		// the column keeps microseconds: the instant returned now must equal the one read
		// later
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.isNew = true;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	UUID getCeasefireId() {
		return this.ceasefireId;
	}

	UUID getIncidentId() {
		return this.incidentId;
	}

	UUID getAllegedById() {
		return this.allegedById;
	}

	String getNote() {
		return this.note;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
