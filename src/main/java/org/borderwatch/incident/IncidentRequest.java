package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.DatePrecision;

/**
 * The writable state of an incident: the body of POST and PUT, and what a merge patch
 * applies to. Lists left out are empty; {@code endDate} left out is the start date;
 * {@code verification} left out is REPORTED. {@code startedOnOrAfter} and
 * {@code endedOnOrBefore} narrow an imprecise period where a report bounds it.
 */
@Schema(name = "IncidentRequest", description = "An incident as written by clients")
public record IncidentRequest(@Schema(example = "Explosions in Kabul") @NotBlank @Size(max = 500) String title,
		@Schema(example = "Explosions shook the capital; Kabul blamed Pakistan.") @Size(max = 20000) String description,
		@Schema(example = "2025-10-09") @NotNull LocalDate startDate,
		@Schema(example = "2025-10-09", description = "Defaults to startDate; never before it") LocalDate endDate,
		@Schema(example = "DAY") @NotNull DatePrecision datePrecision,
		@Schema(example = "EXPLOSIONS_REMOTE_VIOLENCE") @NotNull EventType eventType,
		@Schema(example = "AIR_DRONE_STRIKE",
				description = "Must belong to eventType") @NotNull SubEventType subEventType,
		@Valid IncidentLocation location, @Size(max = 100) List<@Valid @NotNull ActorRoleRequest> actors,
		@Size(max = 200) List<@Valid @NotNull CasualtyRequest> casualties,
		@Size(max = 100) List<@Valid @NotNull ClaimRequest> claims,
		@Schema(example = "DISPUTED") VerificationStatus verification,
		@Schema(example = "[\"cross-border\"]") @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
		@Size(max = 100) Set<@NotNull UUID> sourceIds, @Valid ExternalRef externalRef,
		@Schema(description = "The incident began on or after this day (within startDate..endDate): what a report "
				+ "says about an imprecise start, such as \"began after the explosions of 9 October\"") @Valid IncidentDateBound startedOnOrAfter,
		@Schema(description = "The incident ended on or before this day (within startDate..endDate, not before "
				+ "startedOnOrAfter)") @Valid IncidentDateBound endedOnOrBefore) {

	public IncidentRequest {
		actors = (actors != null) ? actors : List.of();
		casualties = (casualties != null) ? casualties : List.of();
		claims = (claims != null) ? claims : List.of();
		tags = (tags != null) ? tags : List.of();
		sourceIds = (sourceIds != null) ? new LinkedHashSet<>(sourceIds) : Set.of();
	}

	/** An incident whose dates no report bounds. */
	public IncidentRequest(String title, String description, LocalDate startDate, LocalDate endDate,
			DatePrecision datePrecision, EventType eventType, SubEventType subEventType, IncidentLocation location,
			List<ActorRoleRequest> actors, List<CasualtyRequest> casualties, List<ClaimRequest> claims,
			VerificationStatus verification, List<String> tags, Set<UUID> sourceIds, ExternalRef externalRef) {
		this(title, description, startDate, endDate, datePrecision, eventType, subEventType, location, actors,
				casualties, claims, verification, tags, sourceIds, externalRef, null, null);
	}

	/** An actor and its part in the incident. */
	@Schema(name = "IncidentActorRole")
	public record ActorRoleRequest(@Schema(description = "Id of the actor") @NotNull UUID actorId,
			@Schema(example = "TARGET") @NotNull ActorRole role) {
	}

	/**
	 * A count of killed or wounded. Without a claimant it is the curated assessment; with
	 * one, what that actor claims.
	 */
	@Schema(name = "CasualtyFigureRequest")
	public record CasualtyRequest(@Schema(example = "CIVILIANS") @NotNull CasualtyCategory category,
			@Schema(example = "KILLED") @NotNull CasualtyOutcome outcome,
			@Schema(example = "10", description = "Lowest estimate; at most best") @PositiveOrZero Integer low,
			@Schema(example = "24", description = "Best estimate") @NotNull @PositiveOrZero Integer best,
			@Schema(example = "50", description = "Highest estimate; at least best") @PositiveOrZero Integer high,
			@Schema(description = "Id of the actor whose casualties these are") UUID sideActorId,
			@Schema(description = "Id of the actor claiming this figure; none for the curated assessment") UUID claimantActorId,
			@Schema(description = "Id of the source reporting the figure") UUID sourceId,
			@Schema(example = "\"dozens\"") @Size(max = 2000) String note) {
	}

	/** What an actor said about the incident. */
	@Schema(name = "IncidentClaimRequest")
	public record ClaimRequest(@Schema(description = "Id of the actor making the claim") @NotNull UUID actorId,
			@Schema(example = "ACCUSES") @NotNull ClaimStance stance,
			@Schema(description = "Id of the accused actor; only for ACCUSES and DENIES") UUID accusedActorId,
			@Schema(example = "2025-10-09") LocalDate date,
			@Schema(example = "Blamed Pakistan for the explosions and vowed retaliation") @Size(
					max = 5000) String statement,
			@Schema(description = "Id of the source reporting the claim") UUID sourceId) {
	}

	static IncidentRequest from(Incident incident) {
		return new IncidentRequest(incident.getTitle(), incident.getDescription(), incident.getStartDate(),
				incident.getEndDate(), incident.getDatePrecision(), incident.getEventType(), incident.getSubEventType(),
				incident.getLocation(),
				incident.getActors().stream().map((a) -> new ActorRoleRequest(a.actorId(), a.role())).toList(),
				incident.getCasualties()
					.stream()
					.map((f) -> new CasualtyRequest(f.category(), f.outcome(), f.low(), f.best(), f.high(),
							f.sideActorId(), f.claimantActorId(), f.sourceId(), f.note()))
					.toList(),
				incident.getClaims()
					.stream()
					.map((c) -> new ClaimRequest(c.actorId(), c.stance(), c.accusedActorId(), c.date(), c.statement(),
							c.sourceId()))
					.toList(),
				incident.getVerification(), incident.getTags(), incident.getSourceIds(), incident.getExternalRef(),
				incident.getStartedOnOrAfter(), incident.getEndedOnOrBefore());
	}

}
