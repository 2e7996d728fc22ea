package org.borderwatch.situation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorRef;

/** The state of things on one date: what a dashboard's front page shows. */
@Schema(name = "Situation")
record Situation(@Schema(example = "2025-11-06") LocalDate asOf,
		@Schema(description = "The country filter, empty for everywhere") List<String> countries,
		List<CeasefireInEffect> ceasefiresInEffect, List<CrossingState> crossings, Talks talks, Incidents incidents) {

	@Schema(name = "SituationCeasefire")
	record CeasefireInEffect(UUID id, @Schema(example = "Doha ceasefire") String name, String status,
			String arrangement, LocalDate agreedOn, LocalDate effectiveFrom, List<ActorRef> parties,
			List<Mediator> mediators, String link) {
	}

	@Schema(name = "SituationMediator")
	record Mediator(UUID id, @Schema(example = "Qatar") String name, @Schema(example = "MEDIATOR") String role) {
	}

	/**
	 * A crossing's status in force at the end of the day; UNKNOWN, with no further
	 * detail, when no change is recorded by then.
	 */
	@Schema(name = "SituationCrossing")
	record CrossingState(UUID id, @Schema(example = "Torkham") String name, String countryA, String countryB,
			@Schema(allowableValues = {
					"OPEN", "PARTIALLY_OPEN", "CLOSED", "UNKNOWN" }) String status,
			@Schema(example = "[\"REFUGEES_RETURNING\"]") List<String> allowedTraffic,
			@Schema(description = "When the status in force took effect") Instant since, ActorRef decidedBy,
			String reason, UUID statusChangeId, String link){
	}

	@Schema(name = "SituationTalks")
	record Talks(@Schema(
			description = "The round with the latest start on or before asOf, a CANCELLED round (called off before it met) left out") Round latestRound,
			@Schema(description = "The round with the earliest start after asOf, a CANCELLED round left out") Round nextRound) {
	}

	@Schema(name = "SituationTalksRound")
	record Round(UUID id, NegotiationRef negotiation, int roundNumber, @Schema(example = "Istanbul") String venueCity,
			@Schema(example = "TUR") String venueCountry, LocalDate startDate, LocalDate endDate, String status,
			List<Delegation> delegations, List<Mediator> mediators, String link) {
	}

	/** A negotiation as a round shows it. */
	@Schema(name = "SituationNegotiation")
	record NegotiationRef(UUID id, String name) {
	}

	@Schema(name = "SituationDelegation")
	record Delegation(ActorRef party, @Schema(description = "Who leads it, when known") ActorRef head, String note) {
	}

	@Schema(name = "SituationIncidents")
	record Incidents(Window last7Days, Window last30Days, @Schema(
			description = "Top 5 actors by incidents in the 30-day window") List<InvolvedActor> mostInvolvedActors) {
	}

	/**
	 * Incident totals over the days from..to (inclusive, to = asOf), from the curated
	 * figures.
	 */
	@Schema(name = "SituationWindow",
			description = "Incidents whose date range overlaps the window from..to (inclusive; to = asOf). A "
					+ "multi-day incident counts in every window it overlaps, with all its figures: they are not "
					+ "split by day. Incidents whose figures were not reported add nothing to fatalities or wounded "
					+ "and are counted apart.")
	record Window(LocalDate from, LocalDate to, @Schema(description = "Incidents overlapping the window") long count,
			@Schema(description = "Curated killed figures (best estimates) of those incidents") long fatalities,
			@Schema(description = "Curated wounded figures (best estimates) of those incidents") long wounded,
			@Schema(description = "Incidents among count whose killed were not reported (no curated figure): "
					+ "unknown, not 0, so not in fatalities") long fatalitiesNotReported,
			@Schema(description = "Incidents among count whose wounded were not reported") long woundedNotReported) {
	}

	@Schema(name = "SituationActor")
	record InvolvedActor(UUID id, String name, long incidents) {
	}

}
