package org.borderwatch.talks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.borderwatch.common.Uuids;

/**
 * One party's delegation to a round: who heads it, who else sits in it, and what is
 * doubtful about it ("head reported by the Afghan side; not publicly confirmed by
 * Islamabad"). It is an entity only because its member list needs a key to hang from; it
 * belongs to its {@link TalksRound}, which alone creates, replaces and checks it. Its
 * round and position are written by the round's list mapping.
 */
@Entity
@Table(name = "talks_delegation")
class TalksDelegation {

	@Id
	private UUID id;

	@Column(name = "party_actor_id", nullable = false)
	private UUID partyId;

	@Column(name = "head_actor_id")
	private UUID headId;

	@ElementCollection
	@CollectionTable(name = "talks_delegation_member", joinColumns = @JoinColumn(name = "delegation_id"))
	@OrderColumn(name = "position")
	@Column(name = "actor_id")
	private List<UUID> memberIds = new ArrayList<>();

	private String note;

	protected TalksDelegation() {
	}

	TalksDelegation(UUID partyId, UUID headId, List<UUID> memberIds, String note) {
		this.id = Uuids.v7();
		this.partyId = Objects.requireNonNull(partyId, "partyId");
		this.headId = headId;
		this.memberIds.addAll(memberIds);
		this.note = note;
	}

	/** Whether this delegation says the same as {@code other}; ids do not count. */
	boolean sameAs(TalksDelegation other) {
		return this.partyId.equals(other.partyId) && Objects.equals(this.headId, other.headId)
				&& this.memberIds.equals(other.memberIds) && Objects.equals(this.note, other.note);
	}

	UUID getPartyId() {
		return this.partyId;
	}

	UUID getHeadId() {
		return this.headId;
	}

	List<UUID> getMemberIds() {
		return List.copyOf(this.memberIds);
	}

	String getNote() {
		return this.note;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof TalksDelegation delegation && this.id.equals(delegation.id));
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

}
