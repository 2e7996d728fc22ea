package org.borderwatch.talks;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The writable state of a negotiation: the body of POST and PUT, and what a merge patch
 * applies to. Id lists are lists, not sets, so that an error names the element at the
 * index the client sent.
 */
@Schema(name = "NegotiationRequest", description = "A negotiation as written by clients")
public record NegotiationRequest(
		@Schema(example = "Pakistan-Afghanistan talks 2025") @NotBlank @Size(max = 300) String name,
		@Schema(example = "Talks on cross-border militancy after the October 2025 clashes") @Size(
				max = 10000) String description,
		@Schema(description = "Ids of the negotiating actors") List<@NotNull UUID> partyIds,
		@Schema(description = "Third parties and their roles") List<@Valid @NotNull MediatorRequest> mediators,
		@Schema(description = "Ids of the sources this record rests on") List<@NotNull UUID> sourceIds) {

	public NegotiationRequest {
		partyIds = (partyIds != null) ? partyIds : List.of();
		mediators = (mediators != null) ? mediators : List.of();
		sourceIds = (sourceIds != null) ? sourceIds : List.of();
	}

	static NegotiationRequest from(Negotiation negotiation) {
		return new NegotiationRequest(negotiation.getName(), negotiation.getDescription(),
				List.copyOf(negotiation.getPartyIds()),
				negotiation.getMediators().stream().map(MediatorRequest::from).toList(),
				List.copyOf(negotiation.getSourceIds()));
	}

}
