package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/ceasefires/{id}/end}: how, when, by whom and why it
 * ended.
 */
@Schema(name = "CeasefireEndRequest", description = "The end of a ceasefire in effect")
public record CeasefireEndRequest(
		@Schema(example = "2022-11-28", description = "Not before the ceasefire took effect") @NotNull LocalDate date,
		@Schema(example = "TERMINATED",
				description = "COLLAPSED, EXPIRED or TERMINATED") @NotNull CeasefireStatus status,
		@Schema(description = "Id of the actor that ended it, if one did") UUID endedById,
		@Schema(example = "Accused the military of violating the ceasefire") @Size(max = 2000) String reason) {
}
