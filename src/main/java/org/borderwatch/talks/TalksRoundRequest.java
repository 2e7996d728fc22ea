package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.CountryCode;
import org.borderwatch.common.DatePrecision;

/**
 * The writable state of a round of talks: the body of POST and PUT, and what a merge
 * patch applies to. Id lists are lists, not sets, so that an error names the element at
 * the index the client sent.
 */
@Schema(name = "TalksRoundRequest", description = "A round of talks as written by clients")
public record TalksRoundRequest(
		@Schema(description = "Id of the negotiation the round belongs to") @NotNull UUID negotiationId,
		@Schema(example = "3",
				description = "Unique within the negotiation, counted from 1") @NotNull Integer roundNumber,
		@Valid VenueRequest venue, @Schema(example = "2025-11-06") @NotNull LocalDate startDate,
		@Schema(description = "Last day; null while the round is open-ended or lasted one day") LocalDate endDate,
		@Schema(example = "DAY") @NotNull DatePrecision datePrecision,
		@Schema(example = "ONGOING") @NotNull TalksRoundStatus status,
		@Schema(example = "[\"Ensuring Afghan territory is not used for attacks inside Pakistan\"]") List<@NotBlank @Size(
				max = 1000) String> agendaItems,
		@Schema(description = "What the round produced; only for a SUSPENDED, CONCLUDED or COLLAPSED round, null otherwise",
				example = "The parties agreed to meet again in Istanbul") @Size(max = 10000) String outcome,
		@Schema(description = "One per party, in the order they should be shown") List<@Valid @NotNull DelegationRequest> delegations,
		List<@Valid @NotNull MediatorRequest> mediators,
		@Schema(description = "Ids of the sources this record rests on") List<@NotNull UUID> sourceIds) {

	public TalksRoundRequest {
		agendaItems = (agendaItems != null) ? agendaItems : List.of();
		delegations = (delegations != null) ? delegations : List.of();
		mediators = (mediators != null) ? mediators : List.of();
		sourceIds = (sourceIds != null) ? sourceIds : List.of();
	}

	/** Where the round meets. */
	@Schema(name = "TalksVenue")
	public record VenueRequest(@Schema(example = "Istanbul") @Size(max = 200) String city,
			@Schema(example = "TUR", description = "ISO 3166-1 alpha-3") @CountryCode String country) {
	}

	/** One party's delegation. */
	@Schema(name = "TalksDelegationRequest")
	public record DelegationRequest(
			@Schema(description = "Id of the party the delegation represents") @NotNull UUID partyId,
			@Schema(description = "Id of the person heading it, when known") UUID headId,
			@Schema(description = "Ids of the other members") List<@NotNull UUID> memberIds,
			@Schema(example = "Head reported by the Afghan side; not publicly confirmed by Islamabad") @Size(
					max = 2000) String note) {

		public DelegationRequest {
			memberIds = (memberIds != null) ? memberIds : List.of();
		}

	}

	static TalksRoundRequest from(TalksRound round) {
		Venue venue = round.getVenue();
		return new TalksRoundRequest(round.getNegotiationId(), round.getRoundNumber(),
				(venue != null) ? new VenueRequest(venue.city(), venue.country()) : null, round.getStartDate(),
				round.getEndDate(), round.getDatePrecision(), round.getStatus(), round.getAgendaItems(),
				round.getOutcome(),
				round.getDelegations()
					.stream()
					.map((d) -> new DelegationRequest(d.getPartyId(), d.getHeadId(), d.getMemberIds(), d.getNote()))
					.toList(),
				round.getMediators().stream().map(MediatorRequest::from).toList(), List.copyOf(round.getSourceIds()));
	}

}
