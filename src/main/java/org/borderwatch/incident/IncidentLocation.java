package org.borderwatch.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.CountryCode;

/**
 * Where an incident happened, as precisely as it is known. Coordinates are WGS 84
 * degrees; they come both or neither (a lone latitude places nothing).
 */
@Schema(name = "IncidentLocation", description = "Where the incident happened")
public record IncidentLocation(@Schema(example = "Kabul") @Size(max = 200) String placeName,
		@Schema(example = "Kabul", description = "Province or state") @Size(max = 200) String admin1,
		@Schema(description = "District") @Size(max = 200) String admin2,
		@Schema(example = "AFG", description = "ISO 3166-1 alpha-3") @CountryCode String country,
		@Schema(example = "34.53") @DecimalMin("-90") @DecimalMax("90") Double latitude,
		@Schema(example = "69.17") @DecimalMin("-180") @DecimalMax("180") Double longitude,
		@Schema(example = "NEAR") GeoPrecision geoPrecision) {

	boolean isEmpty() {
		return this.placeName == null && this.admin1 == null && this.admin2 == null && this.country == null
				&& this.latitude == null && this.longitude == null && this.geoPrecision == null;
	}

}
