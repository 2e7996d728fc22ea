package org.borderwatch.common;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * Identity, optimistic-locking version and audit timestamps shared by every aggregate
 * root. The id is assigned at construction (a time-ordered UUID), so an aggregate is
 * identifiable before it is saved and equality never depends on the database.
 */
@MappedSuperclass
public abstract class AbstractAggregate implements Persistable<UUID> {

	@Id
	private UUID id;

	/**
	 * Null until first persisted, which is how Spring Data tells a new aggregate from a
	 * stored one.
	 */
	@Version
	private Long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AbstractAggregate() {
		this.id = Uuids.v7();
	}

	@PrePersist
	void onCreate() {
		this.createdAt = now();
		this.updatedAt = this.createdAt;
	}

	@PreUpdate
	void onUpdate() {
		this.updatedAt = now();
	}

	/** PostgreSQL keeps microseconds: truncate so a POST shows what a later GET will. */
	private static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	/**
	 * New until first persisted. Spring Data asks this to choose between persist and
	 * merge; the id alone cannot tell, since it is assigned at construction.
	 */
	@Override
	@Transient
	public boolean isNew() {
		return this.version == null;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/** The stored version; 0 for an aggregate that was never saved. */
	public long getVersion() {
		return this.version == null ? 0 : this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other != null && getClass() == other.getClass()
				&& Objects.equals(this.id, ((AbstractAggregate) other).id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.id);
	}

}
