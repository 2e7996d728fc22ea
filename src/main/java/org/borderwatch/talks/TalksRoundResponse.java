package org.borderwatch.talks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.DatePrecision;

/**
 * A round of talks as the API returns it; the negotiation and every actor come with their
 * names.
 */
@Schema(name = "TalksRound")
public record TalksRoundResponse(UUID id, NegotiationRef negotiation, @Schema(example = "3") int roundNumber,
		VenueView venue, @Schema(example = "2025-11-06") LocalDate startDate, LocalDate endDate,
		DatePrecision datePrecision, TalksRoundStatus status, List<String> agendaItems, String outcome,
		List<DelegationView> delegations, List<MediatorView> mediators, Set<UUID> sourceIds,
		@Schema(description = "Optimistic-locking version; the ETag carries it too") long version, Instant createdAt,
		Instant updatedAt) {

	/** Where the round met. */
	@Schema(name = "TalksVenueView")
	public record VenueView(@Schema(example = "Istanbul") String city, @Schema(example = "TUR") String country) {
	}

	/** One party's delegation, every actor with its name. */
	@Schema(name = "TalksDelegationView")
	public record DelegationView(ActorRef party, ActorRef head, List<ActorRef> members, String note) {
	}

	static TalksRoundResponse of(TalksRound round, NegotiationRef negotiation, Map<UUID, ActorRef> refs) {
		Venue venue = round.getVenue();
		return new TalksRoundResponse(round.getId(), negotiation, round.getRoundNumber(),
				(venue != null) ? new VenueView(venue.city(), venue.country()) : null, round.getStartDate(),
				round.getEndDate(), round.getDatePrecision(), round.getStatus(), round.getAgendaItems(),
				round.getOutcome(),
				round.getDelegations()
					.stream()
					.map((d) -> new DelegationView(ActorDirectory.ref(refs, d.getPartyId()),
							ActorDirectory.ref(refs, d.getHeadId()),
							d.getMemberIds().stream().map((id) -> ActorDirectory.ref(refs, id)).toList(), d.getNote()))
					.toList(),
				round.getMediators().stream().map((m) -> MediatorView.of(m, refs)).toList(), round.getSourceIds(),
				round.getVersion(), round.getCreatedAt(), round.getUpdatedAt());
	}

	/** Every actor id this round names, for one batched name lookup. */
	static Set<UUID> referencedIds(TalksRound round) {
		Set<UUID> ids = new HashSet<>();
		round.getDelegations().forEach((d) -> {
			ids.add(d.getPartyId());
			ids.add(d.getHeadId());
			ids.addAll(d.getMemberIds());
		});
		round.getMediators().forEach((m) -> ids.add(m.actorId()));
		ids.remove(null);
		return ids;
	}

}
