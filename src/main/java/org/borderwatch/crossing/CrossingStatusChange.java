package org.borderwatch.crossing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.DomainRuleException;

/**
 * One entry of a crossing's history: from {@code effectiveFrom} on, the crossing has this
 * status and lets this traffic through, until the next entry. The status of a crossing at
 * any instant is the latest entry at or before it. Its own aggregate (own id and version)
 * so that entries are edited one by one; it refers to its crossing by id.
 */
@Entity
@Table(name = "crossing_status_change")
class CrossingStatusChange extends AbstractAggregate {

	@Column(name = "crossing_id", nullable = false, updatable = false)
	private UUID crossingId;

	@Column(name = "effective_from", nullable = false)
	private Instant effectiveFrom;

	@Enumerated(EnumType.STRING)
	@Column(name = "date_precision", nullable = false)
	private DatePrecision datePrecision;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CrossingStatus status;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "allowed_traffic", nullable = false)
	private List<String> allowedTraffic = new ArrayList<>();

	@Column(name = "decided_by_actor_id")
	private UUID decidedById;

	private String reason;

	@Column(name = "cause_incident_id")
	private UUID causeIncidentId;

	@ElementCollection
	@CollectionTable(name = "crossing_status_change_source", joinColumns = @JoinColumn(name = "status_change_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected CrossingStatusChange() {
	}

	CrossingStatusChange(UUID crossingId, Instant effectiveFrom, DatePrecision datePrecision, CrossingStatus status,
			Collection<TrafficKind> allowedTraffic) {
		this.crossingId = Objects.requireNonNull(crossingId, "crossingId");
		reschedule(effectiveFrom, datePrecision);
		declare(status, allowedTraffic);
	}

	/** Moves the change to another instant. */
	void reschedule(Instant effectiveFrom, DatePrecision datePrecision) {
		this.effectiveFrom = storedInstant(Objects.requireNonNull(effectiveFrom, "effectiveFrom"));
		this.datePrecision = Objects.requireNonNull(datePrecision, "datePrecision");
	}

	/**
	 * Sets the status and the traffic it lets through. Rules: a CLOSED crossing lets no
	 * traffic through (a partial reopening for refugees is PARTIALLY_OPEN, not CLOSED
	 * with exceptions); an OPEN or PARTIALLY_OPEN one lets at least one kind through, or
	 * it would be closed in all but name.
	 */
	void declare(CrossingStatus status, Collection<TrafficKind> allowedTraffic) {
		Objects.requireNonNull(status, "status");
		Set<TrafficKind> traffic = allowedTraffic.isEmpty() ? EnumSet.noneOf(TrafficKind.class)
				: EnumSet.copyOf(allowedTraffic);
		if (status == CrossingStatus.CLOSED && !traffic.isEmpty()) {
			throw new DomainRuleException("allowedTraffic", "must be empty: a CLOSED crossing lets no traffic through");
		}
		if (status != CrossingStatus.CLOSED && traffic.isEmpty()) {
			throw new DomainRuleException("allowedTraffic",
					"must name at least one kind of traffic: an " + status + " crossing lets something through");
		}
		this.status = status;
		// Enum order, so that equal sets are stored and shown alike.
		this.allowedTraffic = new ArrayList<>(traffic.stream().map(Enum::name).toList());
	}

	/**
	 * The instant as stored. PostgreSQL keeps microseconds, so the instant is cut to
	 * microseconds before anything compares it: the stored value, the duplicate check and
	 * the response agree.
	 */
	static Instant storedInstant(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** Who decided the change, why, and which incident (if any) set it off. */
	void explain(UUID decidedById, String reason, UUID causeIncidentId) {
		this.decidedById = decidedById;
		this.reason = reason;
		this.causeIncidentId = causeIncidentId;
	}

	void cite(Set<UUID> sourceIds) {
		this.sourceIds.retainAll(sourceIds);
		this.sourceIds.addAll(sourceIds);
	}

	UUID getCrossingId() {
		return this.crossingId;
	}

	Instant getEffectiveFrom() {
		return this.effectiveFrom;
	}

	DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	CrossingStatus getStatus() {
		return this.status;
	}

	List<TrafficKind> getAllowedTraffic() {
		return this.allowedTraffic.stream().map(TrafficKind::valueOf).toList();
	}

	UUID getDecidedById() {
		return this.decidedById;
	}

	String getReason() {
		return this.reason;
	}

	UUID getCauseIncidentId() {
		return this.causeIncidentId;
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

}
