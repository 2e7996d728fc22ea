package org.borderwatch.actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An actor as the API returns it; referenced actors come with their names. */
@Schema(name = "Actor")
public record ActorResponse(UUID id, @Schema(example = "Tehrik-e-Taliban Pakistan") String name, List<String> aliases,
		ActorKind kind, @Schema(example = "PAK") String country, ActorRef parent, String title, String description,
		List<DesignationView> designations, List<RelationView> relations, Set<UUID> sourceIds,
		@Schema(description = "The actor's ids in datasets; empty when it has none") List<ExternalId> externalIds,
		@Schema(description = "Optimistic-locking version; the ETag carries it too") long version, Instant createdAt,
		Instant updatedAt) {

	@Schema(name = "DesignationView")
	public record DesignationView(ActorRef designatedBy, String designation, LocalDate since, LocalDate until,
			UUID sourceId) {
	}

	@Schema(name = "RelationView")
	public record RelationView(RelationKind kind, ActorRef actor, LocalDate since, LocalDate until) {
	}

	static ActorResponse of(Actor actor, Map<UUID, ActorRef> refs) {
		return of(actor, refs, actor.getVersion(), actor.getCreatedAt(), actor.getUpdatedAt());
	}

	/**
	 * The response for {@code actor} as stored with this version and these times, for an
	 * actor written without JPA ({@link ActorInserts}), whose entity does not carry them.
	 */
	static ActorResponse of(Actor actor, Map<UUID, ActorRef> refs, long version, Instant createdAt, Instant updatedAt) {
		return new ActorResponse(actor.getId(), actor.getName(), actor.getAliases(), actor.getKind(),
				actor.getCountry(), ActorDirectory.ref(refs, actor.getParentId()), actor.getTitle(),
				actor.getDescription(),
				actor.getDesignations()
					.stream()
					.map((d) -> new DesignationView(ActorDirectory.ref(refs, d.designatedById()), d.designation(),
							d.since(), d.until(), d.sourceId()))
					.toList(),
				actor.getRelations()
					.stream()
					.map((r) -> new RelationView(r.kind(), ActorDirectory.ref(refs, r.relatedActorId()), r.since(),
							r.until()))
					.toList(),
				actor.getSourceIds(),
				actor.getExternalIds()
					.stream()
					.sorted(java.util.Comparator.comparing(ExternalId::dataset).thenComparing(ExternalId::id))
					.toList(),
				version, createdAt, updatedAt);
	}

	/** Every actor id this actor names, for one batched name lookup. */
	static Set<UUID> referencedIds(Actor actor) {
		Set<UUID> ids = new java.util.HashSet<>();
		ids.add(actor.getParentId());
		actor.getDesignations().forEach((d) -> ids.add(d.designatedById()));
		actor.getRelations().forEach((r) -> ids.add(r.relatedActorId()));
		ids.remove(null);
		return ids;
	}

}
