package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.ArrayList;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.DomainRuleException;

/**
 * A ceasefire between parties to the conflict, possibly brokered by mediators, with its
 * lifecycle: proposed, in effect from a date, then collapsed, expired or terminated on a
 * date, possibly by one of the actors and for a stated reason.
 * <p>
 * The aggregate keeps its status and dates consistent whatever writes it: a replace that
 * records history and the {@link #end} transition obey the same rules, each refusal
 * naming the field. Violations are separate records ({@link CeasefireViolation}) that
 * point at the ceasefire.
 */
@Entity
@Table(name = "ceasefire")
class Ceasefire extends AbstractAggregate {

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CeasefireArrangement arrangement;

	/** Null when the sources do not say whether the ceasefire was written down. */
	@Enumerated(EnumType.STRING)
	private CeasefireForm form;

	@ElementCollection
	@CollectionTable(name = "ceasefire_party", joinColumns = @JoinColumn(name = "ceasefire_id"))
	@Column(name = "actor_id")
	private Set<UUID> partyIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "ceasefire_mediator", joinColumns = @JoinColumn(name = "ceasefire_id"))
	@OrderColumn(name = "position")
	private List<CeasefireMediator> mediators = new ArrayList<>();

	@Column(name = "agreed_on")
	private LocalDate agreedOn;

	@Column(name = "effective_from")
	private LocalDate effectiveFrom;

	@Column(name = "ended_on")
	private LocalDate endedOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "date_precision", nullable = false)
	private DatePrecision datePrecision;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CeasefireStatus status;

	@Column(name = "ended_by_actor_id")
	private UUID endedById;

	@Column(name = "end_reason")
	private String endReason;

	private String terms;

	private String scope;

	@Column(name = "talks_round_id")
	private UUID talksRoundId;

	@ElementCollection
	@CollectionTable(name = "ceasefire_source", joinColumns = @JoinColumn(name = "ceasefire_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected Ceasefire() {
	}

	/**
	 * A new ceasefire starts as a day-precise proposal; {@link #recordLifecycle} says
	 * otherwise.
	 */
	Ceasefire(String name, CeasefireArrangement arrangement, List<UUID> partyIds, CeasefireForm form) {
		rename(name);
		this.form = form;
		this.status = CeasefireStatus.PROPOSED;
		this.datePrecision = DatePrecision.DAY;
		engage(arrangement, partyIds, List.of());
	}

	void rename(String name) {
		this.name = Objects.requireNonNull(name, "name").strip();
	}

	void describe(CeasefireForm form, String terms, String scope, UUID talksRoundId) {
		this.form = form;
		this.terms = terms;
		this.scope = scope;
		this.talksRoundId = talksRoundId;
	}

	/**
	 * Sets who is bound by the ceasefire and who brokers it. Rules: the arrangement fixes
	 * the number of parties (UNILATERAL exactly one, BILATERAL exactly two, MULTILATERAL
	 * two or more: a multilateral framework may bind two belligerent sides, with the
	 * others as mediators or guarantors); no party is listed twice; a party cannot also
	 * be one of its mediators, since a mediator stands between the parties; a mediator is
	 * listed at most once per role.
	 */
	void engage(CeasefireArrangement arrangement, List<UUID> partyIds, List<CeasefireMediator> mediators) {
		Objects.requireNonNull(arrangement, "arrangement");
		Set<UUID> parties = new HashSet<>();
		for (int i = 0; i < partyIds.size(); i++) {
			if (!parties.add(partyIds.get(i))) {
				throw new DomainRuleException("partyIds[" + i + "]", "lists the same party twice");
			}
		}
		int count = parties.size();
		if (arrangement == CeasefireArrangement.UNILATERAL && count != 1) {
			throw new DomainRuleException("partyIds",
					"a UNILATERAL ceasefire has exactly one party, the one that declared it; got " + count);
		}
		if (arrangement == CeasefireArrangement.BILATERAL && count != 2) {
			throw new DomainRuleException("partyIds", "a BILATERAL ceasefire has exactly two parties; got " + count);
		}
		if (arrangement == CeasefireArrangement.MULTILATERAL && count < 2) {
			throw new DomainRuleException("partyIds",
					"a MULTILATERAL ceasefire has at least two parties; got " + count);
		}
		Set<CeasefireMediator> seen = new HashSet<>();
		for (int i = 0; i < mediators.size(); i++) {
			CeasefireMediator mediator = mediators.get(i);
			if (parties.contains(mediator.actorId())) {
				throw new DomainRuleException("mediators[" + i + "].actorId",
						"is a party to this ceasefire; a party cannot also mediate it");
			}
			if (!seen.add(mediator)) {
				throw new DomainRuleException("mediators[" + i + "]", "lists the same mediator in the same role twice");
			}
		}
		this.arrangement = arrangement;
		this.partyIds.retainAll(parties);
		this.partyIds.addAll(parties);
		this.mediators.clear();
		this.mediators.addAll(mediators);
	}

	/**
	 * Records the dates and status as they are known, for a new ceasefire or a correction
	 * of history (a ceasefire that already ended can be recorded as such). Rules, each
	 * naming its field:
	 * <ul>
	 * <li>a ceasefire cannot take effect before it was agreed
	 * ({@code effectiveFrom});</li>
	 * <li>a PROPOSED or IN_EFFECT ceasefire has not ended: no {@code endedOn},
	 * {@code endedById} or {@code endReason};</li>
	 * <li>an IN_EFFECT ceasefire has the date it took effect
	 * ({@code effectiveFrom});</li>
	 * <li>a COLLAPSED, EXPIRED or TERMINATED ceasefire has the date it ended
	 * ({@code endedOn});</li>
	 * <li>a ceasefire cannot end before it took effect, nor before it was agreed
	 * ({@code endedOn}).</li>
	 * </ul>
	 * {@code datePrecision} says how precisely the agreed and effective dates are known;
	 * a coarse date is written as the first day of its week, month or year. The rules
	 * compare dates as given; the list's {@code inEffectOn} widens a coarse start to its
	 * whole period.
	 */
	void recordLifecycle(LocalDate agreedOn, LocalDate effectiveFrom, DatePrecision datePrecision,
			CeasefireStatus status, LocalDate endedOn, UUID endedById, String endReason) {
		Objects.requireNonNull(datePrecision, "datePrecision");
		Objects.requireNonNull(status, "status");
		requireNotBefore("effectiveFrom", effectiveFrom, "agreedOn", agreedOn,
				"a ceasefire cannot take effect before it is agreed");
		if (!status.hasEnded()) {
			String notEnded = "a " + status + " ceasefire has not ended; leave it empty, or end the ceasefire";
			if (endedOn != null) {
				throw new DomainRuleException("endedOn", notEnded);
			}
			if (endedById != null) {
				throw new DomainRuleException("endedById", notEnded);
			}
			if (endReason != null) {
				throw new DomainRuleException("endReason", notEnded);
			}
		}
		if (status == CeasefireStatus.IN_EFFECT && effectiveFrom == null) {
			throw new DomainRuleException("effectiveFrom", "an IN_EFFECT ceasefire needs the date it took effect");
		}
		if (status.hasEnded() && endedOn == null) {
			throw new DomainRuleException("endedOn", "a " + status + " ceasefire needs the date it ended");
		}
		requireNotBefore("endedOn", endedOn, "effectiveFrom", effectiveFrom,
				"a ceasefire cannot end before it takes effect");
		requireNotBefore("endedOn", endedOn, "agreedOn", agreedOn, "a ceasefire cannot end before it is agreed");
		this.agreedOn = agreedOn;
		this.effectiveFrom = effectiveFrom;
		this.datePrecision = datePrecision;
		this.status = status;
		this.endedOn = endedOn;
		this.endedById = endedById;
		this.endReason = endReason;
	}

	/**
	 * Ends a ceasefire in effect: it collapsed, expired or was terminated on
	 * {@code date}, possibly by an actor and for a reason. Rules: only a ceasefire
	 * IN_EFFECT can end (409 otherwise: a proposal never took effect, an ended ceasefire
	 * cannot end twice); the new status must be one that ends it ({@code status}); it
	 * cannot end before it took effect or was agreed ({@code date}).
	 */
	void end(LocalDate date, CeasefireStatus status, UUID endedById, String reason) {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(status, "status");
		if (!status.hasEnded()) {
			throw new DomainRuleException("status",
					"must be COLLAPSED, EXPIRED or TERMINATED to end a ceasefire, not " + status);
		}
		if (this.status != CeasefireStatus.IN_EFFECT) {
			throw new CeasefireNotInEffectException(this.status);
		}
		requireNotBefore("date", date, "effectiveFrom", this.effectiveFrom,
				"a ceasefire cannot end before it takes effect");
		requireNotBefore("date", date, "agreedOn", this.agreedOn, "a ceasefire cannot end before it is agreed");
		this.status = status;
		this.endedOn = date;
		this.endedById = endedById;
		this.endReason = reason;
	}

	void cite(Set<UUID> sourceIds) {
		this.sourceIds.retainAll(sourceIds);
		this.sourceIds.addAll(sourceIds);
	}

	private static void requireNotBefore(String field, LocalDate date, String otherField, LocalDate other, String why) {
		if (date != null && other != null && date.isBefore(other)) {
			throw new DomainRuleException(field, "must not be before " + otherField + " (" + other + "): " + why);
		}
	}

	String getName() {
		return this.name;
	}

	CeasefireArrangement getArrangement() {
		return this.arrangement;
	}

	CeasefireForm getForm() {
		return this.form;
	}

	Set<UUID> getPartyIds() {
		return Set.copyOf(this.partyIds);
	}

	List<CeasefireMediator> getMediators() {
		return List.copyOf(this.mediators);
	}

	LocalDate getAgreedOn() {
		return this.agreedOn;
	}

	LocalDate getEffectiveFrom() {
		return this.effectiveFrom;
	}

	LocalDate getEndedOn() {
		return this.endedOn;
	}

	DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	CeasefireStatus getStatus() {
		return this.status;
	}

	UUID getEndedById() {
		return this.endedById;
	}

	String getEndReason() {
		return this.endReason;
	}

	String getTerms() {
		return this.terms;
	}

	String getScope() {
		return this.scope;
	}

	UUID getTalksRoundId() {
		return this.talksRoundId;
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

}
