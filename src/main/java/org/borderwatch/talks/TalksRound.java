package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.DomainRuleException;

/**
 * One meeting of a {@link Negotiation}: the third round of the Pakistan–Afghanistan
 * talks, in Istanbul on 2025-11-06, with each side's delegation and the mediators. The
 * round owns its delegations; other records refer to it by id.
 * <p>
 * Its status changes only by the transitions {@link TalksRoundStatus} allows, each an
 * intention-revealing method ({@link #hold}, {@link #suspend}, {@link #conclude},
 * {@link #collapse}, {@link #cancel}) that refuses a forbidden move naming the field.
 */
@Entity
@Table(name = "talks_round")
class TalksRound extends AbstractAggregate {

	@Column(name = "negotiation_id", nullable = false)
	private UUID negotiationId;

	@Column(name = "round_number", nullable = false)
	private int roundNumber;

	@Embedded
	private Venue venue;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "date_precision", nullable = false)
	private DatePrecision datePrecision;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TalksRoundStatus status;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "agenda_items", nullable = false)
	private List<String> agendaItems = new ArrayList<>();

	private String outcome;

	/*
	 * The join column is not nullable, so Hibernate writes the round id and the position
	 * in the delegation's own insert. Replacing the list inserts the new delegations
	 * before the replaced ones are deleted (Hibernate's flush order), so the unique
	 * (talks_round_id, position) key is checked at commit (V30), when only the new rows
	 * remain.
	 */
	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "talks_round_id", nullable = false)
	@OrderColumn(name = "position", nullable = false)
	private List<TalksDelegation> delegations = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "talks_round_mediator", joinColumns = @JoinColumn(name = "talks_round_id"))
	@OrderColumn(name = "position")
	private List<Mediator> mediators = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "talks_round_source", joinColumns = @JoinColumn(name = "talks_round_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected TalksRound() {
	}

	/**
	 * A round as first recorded: in any status, since a round may be recorded after it
	 * met or ended, with an outcome only where the status takes one (field
	 * {@code outcome}). Later changes of status go through the transitions.
	 */
	TalksRound(UUID negotiationId, int roundNumber, LocalDate startDate, LocalDate endDate, DatePrecision datePrecision,
			TalksRoundStatus status, String outcome) {
		number(negotiationId, roundNumber);
		schedule(startDate, endDate, datePrecision);
		Objects.requireNonNull(status, "status");
		requireOutcomeFits(status, outcome);
		this.status = status;
		this.outcome = outcome;
	}

	/**
	 * Places the round in its negotiation. Rule: rounds are counted from 1 (field
	 * {@code roundNumber}). That the number is free within the negotiation is checked by
	 * the service, which can see the other rounds.
	 */
	void number(UUID negotiationId, int roundNumber) {
		if (roundNumber < 1) {
			throw new DomainRuleException("roundNumber", "must be 1 or more; rounds are counted from 1");
		}
		this.negotiationId = Objects.requireNonNull(negotiationId, "negotiationId");
		this.roundNumber = roundNumber;
	}

	/**
	 * Sets the dates. Rule: a round cannot end before it starts (field {@code endDate}).
	 */
	void schedule(LocalDate startDate, LocalDate endDate, DatePrecision datePrecision) {
		Objects.requireNonNull(startDate, "startDate");
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new DomainRuleException("endDate", "must not be before startDate");
		}
		this.startDate = startDate;
		this.endDate = endDate;
		this.datePrecision = Objects.requireNonNull(datePrecision, "datePrecision");
	}

	/**
	 * The round meets: SCHEDULED -> ONGOING, or SUSPENDED -> ONGOING when it resumes. A
	 * resumed round is being held again, so the outcome of its suspension is cleared.
	 */
	void hold() {
		moveAlong(TalksRoundStatus.ONGOING, null);
	}

	/**
	 * The round is adjourned while held: ONGOING -> SUSPENDED, with what was reached so
	 * far, if anything.
	 */
	void suspend(String outcome) {
		moveAlong(TalksRoundStatus.SUSPENDED, outcome);
	}

	/**
	 * The round ended as planned, with or without an agreement: from SCHEDULED (it met in
	 * between), ONGOING or SUSPENDED to CONCLUDED, which is final.
	 */
	void conclude(String outcome) {
		moveAlong(TalksRoundStatus.CONCLUDED, outcome);
	}

	/**
	 * The round broke down without an agreement: from SCHEDULED (it met in between),
	 * ONGOING or SUSPENDED to COLLAPSED, which is final.
	 */
	void collapse(String outcome) {
		moveAlong(TalksRoundStatus.COLLAPSED, outcome);
	}

	/**
	 * The round was called off before it met: SCHEDULED -> CANCELLED, which is final. A
	 * round that met is suspended or collapses; it is not cancelled.
	 */
	void cancel() {
		moveAlong(TalksRoundStatus.CANCELLED, null);
	}

	/**
	 * Rewords the outcome without changing the status. Rule: only a SUSPENDED, CONCLUDED
	 * or COLLAPSED round has an outcome (field {@code outcome}).
	 */
	void recordOutcome(String outcome) {
		requireOutcomeFits(this.status, outcome);
		this.outcome = outcome;
	}

	/**
	 * Brings the round to {@code status} with {@code outcome}, as a replace or a merge
	 * patch asks: the same status only rewords the outcome; another one takes the
	 * transition that leads there. Rules, each naming its field: the outcome must suit
	 * the new status (400, {@code outcome}); the move must be one the lifecycle allows
	 * (409, {@code status}; see {@link TalksRoundStatus}).
	 */
	void moveTo(TalksRoundStatus status, String outcome) {
		Objects.requireNonNull(status, "status");
		if (status == this.status) {
			recordOutcome(outcome);
			return;
		}
		requireOutcomeFits(status, outcome);
		switch (status) {
			case ONGOING -> hold();
			case SUSPENDED -> suspend(outcome);
			case CONCLUDED -> conclude(outcome);
			case COLLAPSED -> collapse(outcome);
			case CANCELLED -> cancel();
			case SCHEDULED -> throw new TalksRoundTransitionException(this.status, status);
		}
	}

	private void moveAlong(TalksRoundStatus target, String outcome) {
		if (!this.status.next().contains(target)) {
			throw new TalksRoundTransitionException(this.status, target);
		}
		requireOutcomeFits(target, outcome);
		this.status = target;
		this.outcome = outcome;
	}

	private static void requireOutcomeFits(TalksRoundStatus status, String outcome) {
		if (outcome != null && !status.takesOutcome()) {
			throw new DomainRuleException("outcome", "a " + status
					+ " round has no outcome; only a SUSPENDED, CONCLUDED or COLLAPSED round does (send null)");
		}
	}

	void meetAt(Venue venue) {
		this.venue = venue;
	}

	void planAgenda(List<String> agendaItems) {
		this.agendaItems = new ArrayList<>(agendaItems.stream().map(String::strip).toList());
	}

	/**
	 * Seats the delegations and the mediators, together, because the rules relate the two
	 * lists:
	 * <ul>
	 * <li>one delegation per party (field {@code delegations[i].partyId});</li>
	 * <li>a delegation's head is not also listed among its members, and no member is
	 * listed twice (field {@code delegations[i].memberIds[j]});</li>
	 * <li>a mediator cannot be a party, and an actor plays each mediating role once
	 * (fields {@code mediators[i].actorId}, {@code mediators[i].role}).</li>
	 * </ul>
	 * Delegations that say the same as the stored ones are kept; otherwise the whole list
	 * is replaced, which also bumps the round's version, as a change in a delegation
	 * must.
	 */
	void seat(List<TalksDelegation> delegations, List<Mediator> mediators) {
		Set<UUID> parties = new HashSet<>();
		for (int i = 0; i < delegations.size(); i++) {
			TalksDelegation delegation = delegations.get(i);
			if (!parties.add(delegation.getPartyId())) {
				throw new DomainRuleException("delegations[" + i + "].partyId",
						"already has a delegation in this round; one delegation per party");
			}
			checkMembers(i, delegation);
		}
		Negotiation.Mediators.check(mediators, parties);
		if (!sameDelegations(delegations)) {
			this.delegations.clear();
			this.delegations.addAll(delegations);
		}
		this.mediators.clear();
		this.mediators.addAll(mediators);
	}

	private static void checkMembers(int index, TalksDelegation delegation) {
		List<UUID> members = delegation.getMemberIds();
		Set<UUID> seen = new HashSet<>();
		for (int j = 0; j < members.size(); j++) {
			String field = "delegations[" + index + "].memberIds[" + j + "]";
			if (members.get(j).equals(delegation.getHeadId())) {
				throw new DomainRuleException(field, "heads the delegation; list the head only as headId");
			}
			if (!seen.add(members.get(j))) {
				throw new DomainRuleException(field, "is listed twice");
			}
		}
	}

	private boolean sameDelegations(List<TalksDelegation> candidates) {
		if (candidates.size() != this.delegations.size()) {
			return false;
		}
		for (int i = 0; i < candidates.size(); i++) {
			if (!this.delegations.get(i).sameAs(candidates.get(i))) {
				return false;
			}
		}
		return true;
	}

	void cite(Collection<UUID> sourceIds) {
		Set<UUID> wanted = new HashSet<>(sourceIds);
		this.sourceIds.retainAll(wanted);
		this.sourceIds.addAll(wanted);
	}

	UUID getNegotiationId() {
		return this.negotiationId;
	}

	int getRoundNumber() {
		return this.roundNumber;
	}

	Venue getVenue() {
		return this.venue;
	}

	LocalDate getStartDate() {
		return this.startDate;
	}

	LocalDate getEndDate() {
		return this.endDate;
	}

	DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	TalksRoundStatus getStatus() {
		return this.status;
	}

	List<String> getAgendaItems() {
		return List.copyOf(this.agendaItems);
	}

	String getOutcome() {
		return this.outcome;
	}

	List<TalksDelegation> getDelegations() {
		return List.copyOf(this.delegations);
	}

	List<Mediator> getMediators() {
		return List.copyOf(this.mediators);
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

}
