package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A border crossing as the API returns it, with the status its history gives it. */
@Schema(name = "Crossing")
public record CrossingResponse(UUID id, @Schema(example = "Torkham") String name, List<String> alternateNames,
		@Schema(example = "PAK") String countryA, @Schema(example = "AFG") String countryB,
		@Schema(example = "34.1125") Double latitude, @Schema(example = "71.0903") Double longitude, CrossingKind kind,
		String description,
		@Schema(description = "Null when the history has no change at or before that instant (status UNKNOWN)") CurrentStatus currentStatus,
		Set<UUID> sourceIds,
		@Schema(description = "Optimistic-locking version; the ETag carries it too. Every write to the crossing's status history raises it as well, since currentStatus is part of this representation") long version,
		Instant createdAt, Instant updatedAt) {

	static CrossingResponse of(BorderCrossing crossing, CurrentStatus status) {
		return new CrossingResponse(crossing.getId(), crossing.getName(), crossing.getAlternateNames(),
				crossing.getCountryA(), crossing.getCountryB(), crossing.getLatitude(), crossing.getLongitude(),
				crossing.getKind(), crossing.getDescription(), status, crossing.getSourceIds(), crossing.getVersion(),
				crossing.getCreatedAt(), crossing.getUpdatedAt());
	}

}
