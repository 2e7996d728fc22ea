package org.borderwatch.ceasefire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.MediatorRole;

/** A ceasefire as the API returns it; the actors it names come with their names. */
@Schema(name = "Ceasefire")
public record CeasefireResponse(UUID id, @Schema(example = "Doha ceasefire 2025") String name,
		CeasefireArrangement arrangement, CeasefireForm form,
		@Schema(description = "In name order") List<ActorRef> parties, List<MediatorView> mediators,
		@Schema(example = "2025-10-19") LocalDate agreedOn, @Schema(example = "2025-10-19") LocalDate effectiveFrom,
		LocalDate endedOn, DatePrecision datePrecision, CeasefireStatus status, ActorRef endedBy, String endReason,
		String terms, String scope, UUID talksRoundId, Set<UUID> sourceIds,
		@Schema(description = "How many incidents are alleged to violate it") long violationCount,
		@Schema(description = "Optimistic-locking version; the ETag carries it too") long version, Instant createdAt,
		Instant updatedAt) {

	@Schema(name = "CeasefireMediator")
	public record MediatorView(ActorRef actor, @Schema(example = "MEDIATOR") MediatorRole role) {
	}

	static CeasefireResponse of(Ceasefire ceasefire, Map<UUID, ActorRef> refs, long violationCount) {
		List<ActorRef> parties = ceasefire.getPartyIds()
			.stream()
			.map((id) -> ActorDirectory.ref(refs, id))
			.sorted(Comparator.comparing(ActorRef::name, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ActorRef::id))
			.toList();
		return new CeasefireResponse(ceasefire.getId(), ceasefire.getName(), ceasefire.getArrangement(),
				ceasefire.getForm(), parties,
				ceasefire.getMediators()
					.stream()
					.map((m) -> new MediatorView(ActorDirectory.ref(refs, m.actorId()), m.role()))
					.toList(),
				ceasefire.getAgreedOn(), ceasefire.getEffectiveFrom(), ceasefire.getEndedOn(),
				ceasefire.getDatePrecision(), ceasefire.getStatus(), ActorDirectory.ref(refs, ceasefire.getEndedById()),
				ceasefire.getEndReason(), ceasefire.getTerms(), ceasefire.getScope(), ceasefire.getTalksRoundId(),
				ceasefire.getSourceIds(), violationCount, ceasefire.getVersion(), ceasefire.getCreatedAt(),
				ceasefire.getUpdatedAt());
	}

	/** Every actor id this ceasefire names, for one batched name lookup. */
	static Set<UUID> referencedIds(Ceasefire ceasefire) {
		Set<UUID> ids = new HashSet<>(ceasefire.getPartyIds());
		ceasefire.getMediators().forEach((m) -> ids.add(m.actorId()));
		ids.add(ceasefire.getEndedById());
		ids.removeIf(Objects::isNull);
		return ids;
	}

}
