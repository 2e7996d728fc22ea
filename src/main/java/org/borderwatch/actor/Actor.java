package org.borderwatch.actor;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.borderwatch.common.AbstractAggregate;
import org.borderwatch.common.DomainRuleException;

/**
 * A party to the conflict or a named person around it: a state, a government, its forces,
 * an armed group, a mediator, an official. Other records refer to actors by id.
 */
@Entity
@Table(name = "actor")
class Actor extends AbstractAggregate {

	@Column(nullable = false)
	private String name;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "aliases", nullable = false)
	private List<String> aliases = new ArrayList<>();

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ActorKind kind;

	private String country;

	@Column(name = "parent_id")
	private UUID parentId;

	private String title;

	private String description;

	@ElementCollection
	@CollectionTable(name = "actor_designation", joinColumns = @JoinColumn(name = "actor_id"))
	@OrderColumn(name = "position")
	private List<Designation> designations = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "actor_relation", joinColumns = @JoinColumn(name = "actor_id"))
	@OrderColumn(name = "position")
	private List<ActorRelation> relations = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "actor_source", joinColumns = @JoinColumn(name = "actor_id"))
	@Column(name = "source_id")
	private Set<UUID> sourceIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "actor_external_id", joinColumns = @JoinColumn(name = "actor_id"))
	private Set<ExternalId> externalIds = new HashSet<>();

	protected Actor() {
	}

	Actor(String name, ActorKind kind) {
		rename(name);
		this.kind = Objects.requireNonNull(kind, "kind");
	}

	void rename(String name) {
		this.name = Objects.requireNonNull(name, "name").strip();
	}

	void describe(ActorKind kind, String country, String title, String description, List<String> aliases) {
		this.kind = Objects.requireNonNull(kind, "kind");
		this.country = country;
		this.title = title;
		this.description = description;
		this.aliases = new ArrayList<>(aliases.stream().map(String::strip).distinct().toList());
	}

	/** An actor cannot be its own parent, nor relate to itself. */
	void placeUnder(UUID parentId) {
		if (getId().equals(parentId)) {
			throw new DomainRuleException("parentId", "an actor cannot be its own parent");
		}
		this.parentId = parentId;
	}

	void designate(List<Designation> designations) {
		for (int i = 0; i < designations.size(); i++) {
			Designation designation = designations.get(i);
			if (designation.since() != null && designation.until() != null
					&& designation.until().isBefore(designation.since())) {
				throw new DomainRuleException("designations[" + i + "].until", "must not be before since");
			}
		}
		this.designations.clear();
		this.designations.addAll(designations);
	}

	void relate(List<ActorRelation> relations) {
		for (int i = 0; i < relations.size(); i++) {
			ActorRelation relation = relations.get(i);
			if (getId().equals(relation.relatedActorId())) {
				throw new DomainRuleException("relations[" + i + "].actorId", "an actor cannot relate to itself");
			}
			if (relation.since() != null && relation.until() != null && relation.until().isBefore(relation.since())) {
				throw new DomainRuleException("relations[" + i + "].until", "must not be before since");
			}
		}
		this.relations.clear();
		this.relations.addAll(relations);
	}

	void cite(Set<UUID> sourceIds) {
		this.sourceIds.retainAll(sourceIds);
		this.sourceIds.addAll(sourceIds);
	}

	/** Replaces the actor's dataset ids; see {@link ExternalId} for their rule. */
	void identifyIn(Set<ExternalId> externalIds) {
		this.externalIds.retainAll(externalIds);
		this.externalIds.addAll(externalIds);
	}

	String getName() {
		return this.name;
	}

	List<String> getAliases() {
		return List.copyOf(this.aliases);
	}

	ActorKind getKind() {
		return this.kind;
	}

	String getCountry() {
		return this.country;
	}

	UUID getParentId() {
		return this.parentId;
	}

	String getTitle() {
		return this.title;
	}

	String getDescription() {
		return this.description;
	}

	List<Designation> getDesignations() {
		return List.copyOf(this.designations);
	}

	List<ActorRelation> getRelations() {
		return List.copyOf(this.relations);
	}

	Set<UUID> getSourceIds() {
		return Set.copyOf(this.sourceIds);
	}

	Set<ExternalId> getExternalIds() {
		return Set.copyOf(this.externalIds);
	}

}
