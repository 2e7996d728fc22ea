package org.borderwatch.ceasefire;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/ceasefires/{id}/violations}. */
@Schema(name = "CeasefireViolationRequest", description = "An incident alleged to break the ceasefire")
public record ViolationRequest(
		@Schema(description = "Id of the incident; at most once per ceasefire") @NotNull UUID incidentId,
		@Schema(description = "Id of the actor making the allegation") UUID allegedById,
		@Schema(example = "Cross-border shelling reported by state media") @Size(max = 2000) String note) {
}
