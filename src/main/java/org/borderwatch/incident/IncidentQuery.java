package org.borderwatch.incident;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The incident filters as a client sends them in the query string: the one query model of
 * the incident list, its exports and the incident statistics, so that the documentation
 * (each component's {@link Parameter}) and the parser ({@link IncidentFilter#parse}) are
 * read from the same place. Values stay text here, so that each malformed one is a 400
 * naming its parameter. Repeat a parameter (or comma-separate values) for OR; different
 * parameters AND.
 * <p>
 * Bound by {@link org.borderwatch.common.QueryRecordResolver}: a new filter is one more
 * component here and one more line in {@link IncidentFilter#parse}.
 */
public record IncidentQuery(@Parameter(
		description = "Incidents ending on or after this date (inclusive; date ranges overlap, narrowed by startedOnOrAfter/endedOnOrBefore where a report bounds them)",
		example = "2025-10-01", schema = @Schema(type = "string", format = "date")) String from,
		@Parameter(description = "Incidents starting on or before this date (inclusive)", example = "2025-11-10",
				schema = @Schema(type = "string", format = "date")) String to,
		@Parameter(
				description = "ISO 3166-1 alpha-3 codes: incidents that took place in any of them (an incident across a border is found by each of its countries)",
				example = "AFG", array = @ArraySchema(schema = @Schema(type = "string"))) List<String> country,
		@Parameter(description = "First-level administrative divisions (provinces), ignoring case",
				example = "Khyber Pakhtunkhwa",
				array = @ArraySchema(schema = @Schema(type = "string"))) List<String> admin1,
		@Parameter(description = "Event types, ignoring case", example = "BATTLES",
				array = @ArraySchema(schema = @Schema(implementation = EventType.class))) List<String> type,
		@Parameter(description = "Sub-event types, ignoring case", example = "AIR_DRONE_STRIKE",
				array = @ArraySchema(schema = @Schema(implementation = SubEventType.class))) List<String> subType,
		@Parameter(description = "Ids of actors taking part",
				array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"))) List<String> actor,
		@Parameter(description = "Only actors in these roles (with actor: those actors in these roles)",
				example = "INITIATOR",
				array = @ArraySchema(schema = @Schema(implementation = ActorRole.class))) List<String> actorRole,
		@Parameter(description = "Ids of actors that claimed responsibility",
				array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"))) List<String> claimedBy,
		@Parameter(description = "At least this many killed (curated best estimates)", example = "10",
				schema = @Schema(type = "integer", minimum = "0")) String minFatalities,
		@Parameter(description = "Verification statuses, ignoring case", example = "VERIFIED",
				array = @ArraySchema(
						schema = @Schema(implementation = VerificationStatus.class))) List<String> verification,
		@Parameter(description = "Tags, exact", example = "cross-border",
				array = @ArraySchema(schema = @Schema(type = "string"))) List<String> tag,
		@Parameter(description = "minLon,minLat,maxLon,maxLat: incidents located inside, edges included",
				example = "60.5,29.3,75.0,38.5", schema = @Schema(type = "string")) String bbox,
		@Parameter(description = "Full text over title and description (web search syntax: \"phrase\", or, -word)",
				example = "kabul explosions", schema = @Schema(type = "string")) String q,
		@Parameter(
				description = "LAT,LON,KM: incidents with coordinates within KM kilometres of the point (great-circle distance; 0 < KM <= 20000)",
				example = "34.19,71.07,50", schema = @Schema(type = "string")) String near) {

	/** No filter: every incident. */
	public static IncidentQuery none() {
		return new IncidentQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * The filter these parameters mean; a 400 naming the parameter when one is malformed.
	 */
	public IncidentFilter toFilter() {
		return IncidentFilter.parse(this);
	}

}
