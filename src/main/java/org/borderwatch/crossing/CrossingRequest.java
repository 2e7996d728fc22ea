package org.borderwatch.crossing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.CountryCode;

/**
 * The writable state of a border crossing: the body of POST and PUT, and what a merge
 * patch applies to. Its status is not here: it is written as status changes.
 */
@Schema(name = "CrossingRequest", description = "A border crossing as written by clients")
public record CrossingRequest(
		@Schema(example = "Torkham", description = "Unique, ignoring case") @NotBlank @Size(max = 200) String name,
		@Schema(example = "[\"Torkham Border Crossing\"]") @Size(
				max = 50) List<@NotBlank @Size(max = 200) String> alternateNames,
		@Schema(example = "PAK", description = "ISO 3166-1 alpha-3") @NotNull @CountryCode String countryA,
		@Schema(example = "AFG",
				description = "ISO 3166-1 alpha-3, different from countryA") @NotNull @CountryCode String countryB,
		@Schema(example = "34.1125",
				description = "WGS84 degrees; give both coordinates or neither") @DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
		@Schema(example = "71.0903",
				description = "WGS84 degrees; give both coordinates or neither") @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude,
		@Schema(example = "ROAD") @NotNull CrossingKind kind,
		@Schema(example = "Main crossing on the Peshawar-Kabul road through the Khyber Pass") @Size(
				max = 10000) String description,
		@Schema(description = "Ids of the sources this record rests on") Set<@NotNull UUID> sourceIds) {

	public CrossingRequest {
		alternateNames = (alternateNames != null) ? alternateNames : List.of();
		sourceIds = (sourceIds != null) ? new LinkedHashSet<>(sourceIds) : Set.of();
	}

	static CrossingRequest from(BorderCrossing crossing) {
		return new CrossingRequest(crossing.getName(), crossing.getAlternateNames(), crossing.getCountryA(),
				crossing.getCountryB(), crossing.getLatitude(), crossing.getLongitude(), crossing.getKind(),
				crossing.getDescription(), crossing.getSourceIds());
	}

}
