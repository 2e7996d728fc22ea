package org.borderwatch.actor;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.CountryCode;

/**
 * The writable state of an actor: the body of POST and PUT, and what a merge patch
 * applies to.
 */
@Schema(name = "ActorRequest", description = "An actor as written by clients")
public record ActorRequest(@Schema(example = "Tehrik-e-Taliban Pakistan") @NotBlank @Size(max = 200) String name,
		@Schema(example = "[\"TTP\", \"Pakistani Taliban\"]") List<@NotBlank @Size(max = 200) String> aliases,
		@Schema(example = "NON_STATE_ARMED_GROUP") @NotNull ActorKind kind,
		@Schema(example = "PAK", description = "ISO 3166-1 alpha-3") @CountryCode String country,
		@Schema(description = "Id of the actor this one belongs to (a ministry in a government)") UUID parentId,
		@Schema(example = "Defense Minister", description = "For persons: their office") @Size(max = 200) String title,
		@Size(max = 10000) String description, List<@Valid @NotNull DesignationRequest> designations,
		List<@Valid @NotNull RelationRequest> relations, Set<@NotNull UUID> sourceIds,
		@Schema(description = "The actor's ids in datasets (its UCDP actor id, its ACLED name), each naming this "
				+ "actor only. Omitted or null: left as they are; an empty list removes them.",
				nullable = true) Set<@Valid @NotNull ExternalId> externalIds) {

	public ActorRequest {
		aliases = (aliases != null) ? aliases : List.of();
		designations = (designations != null) ? designations : List.of();
		relations = (relations != null) ? relations : List.of();
		sourceIds = (sourceIds != null) ? new LinkedHashSet<>(sourceIds) : Set.of();
		externalIds = (externalIds != null) ? new LinkedHashSet<>(externalIds) : null;
	}

	/** A listing of the actor by another actor. */
	@Schema(name = "Designation")
	public record DesignationRequest(
			@Schema(description = "Id of the actor that made the listing (the UN, a state)") UUID designatedBy,
			@Schema(example = "Terrorist organization") @NotBlank @Size(max = 200) String designation,
			@Schema(example = "2011-07-29") LocalDate since, LocalDate until,
			@Schema(description = "Id of the source that reports it") UUID sourceId) {
	}

	/** A relation from this actor to another one. */
	@Schema(name = "Relation")
	public record RelationRequest(@Schema(example = "ALLIED_WITH") @NotNull RelationKind kind,
			@Schema(description = "Id of the related actor") @NotNull UUID actorId, LocalDate since, LocalDate until) {
	}

	static ActorRequest from(Actor actor) {
		return new ActorRequest(actor.getName(), actor.getAliases(), actor.getKind(), actor.getCountry(),
				actor.getParentId(), actor.getTitle(), actor.getDescription(),
				actor.getDesignations()
					.stream()
					.map((d) -> new DesignationRequest(d.designatedById(), d.designation(), d.since(), d.until(),
							d.sourceId()))
					.toList(),
				actor.getRelations()
					.stream()
					.map((r) -> new RelationRequest(r.kind(), r.relatedActorId(), r.since(), r.until()))
					.toList(),
				actor.getSourceIds(), actor.getExternalIds());
	}

}
