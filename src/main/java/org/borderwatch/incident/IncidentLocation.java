package org.borderwatch.incident;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.CountryCode;

/**
 * Where an incident happened, as precisely as it is known. Coordinates are WGS 84
 * degrees; they come both or neither (a lone latitude places nothing). {@code country} is
 * the one country of an incident that has one; {@code countries} names every country it
 * took place in (a border clash between two states names both, and may leave
 * {@code country} out): {@code country}, when given, is always among them, first.
 */
@Schema(name = "IncidentLocation", description = "Where the incident happened")
public record IncidentLocation(@Schema(example = "Kabul") @Size(max = 200) String placeName,
		@Schema(example = "Kabul", description = "Province or state") @Size(max = 200) String admin1,
		@Schema(description = "District") @Size(max = 200) String admin2,
		@Schema(example = "AFG", description = "ISO 3166-1 alpha-3") @CountryCode String country,
		@Schema(example = "34.53") @DecimalMin("-90") @DecimalMax("90") Double latitude,
		@Schema(example = "69.17") @DecimalMin("-180") @DecimalMax("180") Double longitude,
		@Schema(example = "NEAR") GeoPrecision geoPrecision,
		@Schema(example = "[\"PAK\", \"AFG\"]",
				description = "Every country the incident took place in (ISO 3166-1 alpha-3), country first; "
						+ "country filters and statistics by country match any of them") @Size(
								max = 20) List<@CountryCode String> countries) {

	public IncidentLocation {
		countries = (countries != null) ? List.copyOf(countries) : List.of();
	}

	/** The same place without the other countries: what a single-country client sends. */
	public IncidentLocation(String placeName, String admin1, String admin2, String country, Double latitude,
			Double longitude, GeoPrecision geoPrecision) {
		this(placeName, admin1, admin2, country, latitude, longitude, geoPrecision, null);
	}

	boolean isEmpty() {
		return this.placeName == null && this.admin1 == null && this.admin2 == null && this.country == null
				&& this.latitude == null && this.longitude == null && this.geoPrecision == null
				&& this.countries.isEmpty();
	}

}
