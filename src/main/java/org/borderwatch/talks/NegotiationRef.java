package org.borderwatch.talks;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A negotiation as a talks round shows it: its id, with its name. */
@Schema(name = "NegotiationRef", description = "A reference to a negotiation, with its name")
public record NegotiationRef(UUID id, @Schema(example = "Pakistan-Afghanistan talks 2025") String name) {
}
