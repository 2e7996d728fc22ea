package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.MediatorRole;

/**
 * The writable state of a ceasefire: the body of POST and PUT, and what a merge patch
 * applies to. A PUT may record a ceasefire that already ended (history); the status and
 * dates must then agree exactly as they must after {@code POST /{id}/end}.
 */
@Schema(name = "CeasefireRequest", description = "A ceasefire as written by clients")
public record CeasefireRequest(@Schema(example = "Doha ceasefire 2025") @NotBlank @Size(max = 200) String name, @Schema(
		example = "BILATERAL",
		description = "UNILATERAL: exactly one party; BILATERAL: exactly two; MULTILATERAL: two or more") @NotNull CeasefireArrangement arrangement,
		@Schema(example = "VERBAL", description = "Leave out when the sources do not say") CeasefireForm form,
		@Schema(description = "Ids of the actors bound by the ceasefire; none of them may also be a mediator") @Size(
				max = 100) List<@NotNull UUID> partyIds,
		@Schema(description = "Third parties and their roles") @Size(
				max = 100) List<@Valid @NotNull MediatorRequest> mediators,
		@Schema(example = "2025-10-19") LocalDate agreedOn,
		@Schema(example = "2025-10-19",
				description = "Required when IN_EFFECT; not before agreedOn") LocalDate effectiveFrom,
		@Schema(example = "2022-11-28",
				description = "Required when COLLAPSED, EXPIRED or TERMINATED, absent otherwise; not before effectiveFrom nor agreedOn") LocalDate endedOn,
		@Schema(example = "DAY",
				description = "How precisely agreedOn and effectiveFrom are known; DAY when absent. A coarser date stands for the first day of its week, month or year") DatePrecision datePrecision,
		@Schema(example = "IN_EFFECT") @NotNull CeasefireStatus status,
		@Schema(description = "Id of the actor that ended it; only for an ended ceasefire") UUID endedById,
		@Schema(example = "Accused the military of violating it",
				description = "Only for an ended ceasefire") @Size(max = 2000) String endReason,
		@Schema(example = "Immediate halt to hostilities; follow-up talks to consolidate it") @Size(
				max = 10000) String terms,
		@Schema(example = "The Pakistan-Afghanistan border") @Size(max = 2000) String scope,
		@Schema(description = "Id of the talks round that produced it") UUID talksRoundId,
		@Schema(description = "Ids of the sources it rests on") Set<@NotNull UUID> sourceIds) {

	public CeasefireRequest {
		partyIds = (partyIds != null) ? partyIds : List.of();
		mediators = (mediators != null) ? mediators : List.of();
		datePrecision = (datePrecision != null) ? datePrecision : DatePrecision.DAY;
		sourceIds = (sourceIds != null) ? new LinkedHashSet<>(sourceIds) : Set.of();
	}

	/** A third party to the ceasefire and its role. */
	@Schema(name = "CeasefireMediatorRequest")
	public record MediatorRequest(@Schema(description = "Id of the mediating actor") @NotNull UUID actorId,
			@Schema(example = "MEDIATOR") @NotNull MediatorRole role) {
	}

	static CeasefireRequest from(Ceasefire ceasefire) {
		// a stable order, so that a merge patch that leaves partyIds alone renders it the
		// same way
		List<UUID> parties = new ArrayList<>(ceasefire.getPartyIds());
		parties.sort(Comparator.naturalOrder());
		return new CeasefireRequest(ceasefire.getName(), ceasefire.getArrangement(), ceasefire.getForm(), parties,
				ceasefire.getMediators().stream().map((m) -> new MediatorRequest(m.actorId(), m.role())).toList(),
				ceasefire.getAgreedOn(), ceasefire.getEffectiveFrom(), ceasefire.getEndedOn(),
				ceasefire.getDatePrecision(), ceasefire.getStatus(), ceasefire.getEndedById(), ceasefire.getEndReason(),
				ceasefire.getTerms(), ceasefire.getScope(), ceasefire.getTalksRoundId(), ceasefire.getSourceIds());
	}

}
