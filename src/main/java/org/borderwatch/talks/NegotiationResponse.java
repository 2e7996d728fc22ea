package org.borderwatch.talks;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;

/** A negotiation as the API returns it; parties and mediators come with their names. */
@Schema(name = "Negotiation")
public record NegotiationResponse(UUID id, @Schema(example = "Pakistan-Afghanistan talks 2025") String name,
		String description, @Schema(description = "The negotiating actors, in name order") List<ActorRef> parties,
		List<MediatorView> mediators, Set<UUID> sourceIds,
		@Schema(description = "How many rounds of talks the negotiation has") long roundCount,
		@Schema(description = "Optimistic-locking version; the ETag carries it too") long version, Instant createdAt,
		Instant updatedAt) {

	/**
	 * Parties are a set: name order (then id) keeps every response of the same data
	 * identical.
	 */
	private static final Comparator<ActorRef> BY_NAME = Comparator
		.comparing((ActorRef ref) -> (ref.name() != null) ? ref.name().toLowerCase(Locale.ROOT) : "")
		.thenComparing(ActorRef::id);

	static NegotiationResponse of(Negotiation negotiation, long roundCount, Map<UUID, ActorRef> refs) {
		return new NegotiationResponse(negotiation.getId(), negotiation.getName(), negotiation.getDescription(),
				negotiation.getPartyIds().stream().map((id) -> ActorDirectory.ref(refs, id)).sorted(BY_NAME).toList(),
				negotiation.getMediators().stream().map((m) -> MediatorView.of(m, refs)).toList(),
				negotiation.getSourceIds(), roundCount, negotiation.getVersion(), negotiation.getCreatedAt(),
				negotiation.getUpdatedAt());
	}

	/** Every actor id this negotiation names, for one batched name lookup. */
	static Set<UUID> referencedIds(Negotiation negotiation) {
		Set<UUID> ids = new HashSet<>(negotiation.getPartyIds());
		negotiation.getMediators().forEach((m) -> ids.add(m.actorId()));
		return ids;
	}

}
