package org.borderwatch.talks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DomainRuleException;

/**
 * A negotiation process between parties, such as the 2025 Pakistan–Afghanistan talks,
 * with the third parties that mediate it. Its meetings are {@link TalksRound}s, which
 * refer to it by id.
 */
@Entity
@Table(name = "negotiation")
class Negotiation extends AbstractAggregate {

	@Column(nullable = false)
	private String name;

	private String description;

	@ElementCollection
	@CollectionTable(name = "negotiation_party", joinColumns = @JoinColumn(name = "negotiation_id"))
	@Column(name = "actor_id")
	private Set<UUID> partyIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "negotiation_mediator", joinColumns = @JoinColumn(name = "negotiation_id"))
	@OrderColumn(name = "position")
	private List<Mediator> mediators = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "negotiation_source", joinColumns = @JoinColumn(name = "negotiation_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	protected Negotiation() {
	}

	Negotiation(String name) {
		rename(name);
	}

	void rename(String name) {
		this.name = Objects.requireNonNull(name, "name").strip();
	}

	void describe(String description) {
		this.description = description;
	}

	/**
	 * Sets who negotiates and who mediates, together, because the rules relate the two
	 * lists: a mediator stands between the parties and cannot be one of them, and an
	 * actor plays each mediating role at most once.
	 */
	void involve(Collection<UUID> partyIds, List<Mediator> mediators) {
		Set<UUID> parties = new HashSet<>(partyIds);
		Mediators.check(mediators, parties);
		this.partyIds.retainAll(parties);
		this.partyIds.addAll(parties);
		this.mediators.clear();
		this.mediators.addAll(mediators);
	}

	void cite(Collection<UUID> sourceIds) {
		Set<UUID> wanted = new HashSet<>(sourceIds);
		this.sourceIds.retainAll(wanted);
		this.sourceIds.addAll(wanted);
	}

	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

	Set<UUID> getPartyIds() {
		return Set.copyOf(this.partyIds);
	}

	List<Mediator> getMediators() {
		return List.copyOf(this.mediators);
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

	/** The mediator rules negotiations and rounds share. */
	static final class Mediators {

		private Mediators() {
		}

		/**
		 * A mediator cannot also be a party (field {@code mediators[i].actorId}); the
		 * same actor cannot be listed twice in the same role (field
		 * {@code mediators[i].role}). One actor may play several roles: Turkey both
		 * mediates and hosts the Istanbul talks.
		 */
		static void check(List<Mediator> mediators, Set<UUID> parties) {
			Set<Mediator> seen = new HashSet<>();
			for (int i = 0; i < mediators.size(); i++) {
				Mediator mediator = mediators.get(i);
				if (parties.contains(mediator.actorId())) {
					throw new DomainRuleException("mediators[" + i + "].actorId",
							"is a party; a mediator stands between the parties and cannot be one of them");
				}
				if (!seen.add(mediator)) {
					throw new DomainRuleException("mediators[" + i + "].role",
							"this actor is already listed in this role");
				}
			}
		}

	}

}
