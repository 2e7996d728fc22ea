package org.borderwatch.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.DatePrecision;

/**
 * An incident as the API returns it: what was written, with actors named, plus what is
 * derived from it: the headline figures from the curated casualty figures (null when no
 * curated figure of that outcome exists: not reported, not zero), the competing claimed
 * figures side by side per claimant, and the ceasefires it is alleged to have violated.
 */
@Schema(name = "Incident")
public record IncidentResponse(UUID id, @Schema(example = "Explosions in Kabul") String title, String description,
		LocalDate startDate, LocalDate endDate, DatePrecision datePrecision, EventType eventType,
		SubEventType subEventType, IncidentLocation location, List<ActorView> actors,
		List<CasualtyFigureView> casualties, List<ClaimView> claims, VerificationStatus verification, List<String> tags,
		Set<UUID> sourceIds, ExternalRef externalRef,
		@Schema(description = "The incident began on or after this day, when a report bounds an imprecise start; "
				+ "null otherwise") IncidentDateBound startedOnOrAfter,
		@Schema(description = "The incident ended on or before this day, when a report bounds an imprecise end; "
				+ "null otherwise") IncidentDateBound endedOnOrBefore,
		@Schema(description = "Sum of the curated (claimant-less) best estimates of the killed; null when no "
				+ "curated KILLED figure exists (casualties not reported), 0 only when the figures say 0",
				example = "24", nullable = true) Integer fatalities,
		@Schema(description = "Sum of the curated best estimates of the wounded; null when not reported",
				example = "60", nullable = true) Integer wounded,
		@Schema(description = "Sums of the curated low and high estimates of the killed; null when not reported",
				nullable = true) Range fatalitiesRange,
		@Schema(description = "Sums of the curated low and high estimates of the wounded; null when not reported",
				nullable = true) Range woundedRange,
		@Schema(description = "The figures each claimant gives, side by side") List<ClaimedFigures> claimedFigures,
		@Schema(description = "Ceasefires this incident is alleged to have violated, and by whom") List<AllegedViolation> allegedCeasefireViolations,
		@Schema(description = "Optimistic-locking version; the ETag carries it too") long version, Instant createdAt,
		Instant updatedAt) {

	@Schema(name = "IncidentActor")
	public record ActorView(ActorRef actor, ActorRole role) {
	}

	@Schema(name = "CasualtyFigure")
	public record CasualtyFigureView(CasualtyCategory category, CasualtyOutcome outcome, Integer low, int best,
			Integer high, @Schema(description = "Whose casualties these are") ActorRef side,
			@Schema(description = "Who claims the figure; null for the curated assessment") ActorRef claimant,
			UUID sourceId, String note) {
	}

	@Schema(name = "IncidentClaim")
	public record ClaimView(ActorRef actor, ClaimStance stance, ActorRef accused, LocalDate date, String statement,
			UUID sourceId) {
	}

	@Schema(name = "CasualtyRange")
	public record Range(@Schema(example = "10") int low, @Schema(example = "50") int high) {
	}

	/** One claimant's figures, added up across categories; null where it gave none. */
	@Schema(name = "ClaimedFigures")
	public record ClaimedFigures(ActorRef claimant, CasualtyTotal killed, CasualtyTotal wounded) {
	}

	/** A ceasefire the incident is alleged to have broken, and who alleges it. */
	@Schema(name = "AllegedCeasefireViolation")
	public record AllegedViolation(UUID ceasefireId, @Schema(example = "Doha ceasefire") String ceasefireName,
			ActorRef allegedBy) {
	}

	static IncidentResponse of(Incident incident, Map<UUID, ActorRef> refs, List<AllegedViolation> violations) {
		CasualtyTotal killed = incident.curatedTotal(CasualtyOutcome.KILLED);
		CasualtyTotal wounded = incident.curatedTotal(CasualtyOutcome.WOUNDED);
		return new IncidentResponse(incident.getId(), incident.getTitle(), incident.getDescription(),
				incident.getStartDate(), incident.getEndDate(), incident.getDatePrecision(), incident.getEventType(),
				incident.getSubEventType(), incident.getLocation(),
				incident.getActors()
					.stream()
					.map((a) -> new ActorView(ActorDirectory.ref(refs, a.actorId()), a.role()))
					.toList(),
				incident.getCasualties()
					.stream()
					.map((f) -> new CasualtyFigureView(f.category(), f.outcome(), f.low(), f.best(), f.high(),
							ActorDirectory.ref(refs, f.sideActorId()), ActorDirectory.ref(refs, f.claimantActorId()),
							f.sourceId(), f.note()))
					.toList(),
				incident.getClaims()
					.stream()
					.map((c) -> new ClaimView(ActorDirectory.ref(refs, c.actorId()), c.stance(),
							ActorDirectory.ref(refs, c.accusedActorId()), c.date(), c.statement(), c.sourceId()))
					.toList(),
				incident.getVerification(), incident.getTags(), incident.getSourceIds(), incident.getExternalRef(),
				incident.getStartedOnOrAfter(), incident.getEndedOnOrBefore(), incident.getFatalities(),
				incident.getWounded(), (killed != null) ? new Range(killed.low(), killed.high()) : null,
				(wounded != null) ? new Range(wounded.low(), wounded.high()) : null, claimedFigures(incident, refs),
				violations, incident.getVersion(), incident.getCreatedAt(), incident.getUpdatedAt());
	}

	/**
	 * The claimed figures grouped by claimant, in the order the claimants first appear.
	 */
	private static List<ClaimedFigures> claimedFigures(Incident incident, Map<UUID, ActorRef> refs) {
		Map<UUID, List<CasualtyFigure>> byClaimant = new LinkedHashMap<>();
		incident.getCasualties()
			.stream()
			.filter((figure) -> !figure.isCurated())
			.forEach((figure) -> byClaimant.computeIfAbsent(figure.claimantActorId(), (id) -> new ArrayList<>())
				.add(figure));
		List<ClaimedFigures> claimed = new ArrayList<>();
		byClaimant.forEach((claimant, figures) -> claimed.add(new ClaimedFigures(ActorDirectory.ref(refs, claimant),
				total(figures, CasualtyOutcome.KILLED), total(figures, CasualtyOutcome.WOUNDED))));
		return claimed;
	}

	private static CasualtyTotal total(List<CasualtyFigure> figures, CasualtyOutcome outcome) {
		List<CasualtyFigure> matching = figures.stream().filter((figure) -> figure.outcome() == outcome).toList();
		return matching.isEmpty() ? null : CasualtyTotal.of(matching);
	}

	/** Every actor id this incident names, for one batched name lookup. */
	static Set<UUID> referencedIds(Incident incident) {
		Set<UUID> ids = new HashSet<>();
		incident.getActors().forEach((a) -> ids.add(a.actorId()));
		incident.getCasualties().forEach((f) -> {
			ids.add(f.sideActorId());
			ids.add(f.claimantActorId());
		});
		incident.getClaims().forEach((c) -> {
			ids.add(c.actorId());
			ids.add(c.accusedActorId());
		});
		ids.remove(null);
		return ids;
	}

}
