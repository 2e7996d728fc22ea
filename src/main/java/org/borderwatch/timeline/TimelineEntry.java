package org.borderwatch.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

import org.borderwatch.common.DatePrecision;

/**
 * One entry of the timeline: a uniform view of an incident, a ceasefire milestone, a
 * talks round or a crossing change. {@code actors} is the JSON array the read model
 * stores, passed through verbatim (parsing and re-writing it was an eighth of a page's
 * CPU time); read it as {@link EntryActor}s with {@link TimelineEntryMapper#actors}.
 * {@code instant} is the entry's position within its day in the feed's order: for a
 * crossing change the instant it took effect (the only kind whose JSON shows it); for an
 * incident the start of the day when its start is known to the day, its last instant when
 * the day is only the earliest it can have begun. Read from the timeline it is null where
 * it is the start of the entry's day, which {@link #key()} then takes.
 */
@Schema(name = "TimelineEntry")
@JsonSerialize(using = TimelineEntrySerializer.class)
record TimelineEntry(TimelineKind kind, UUID recordId,
		@Schema(description = "The date the entry sorts by", example = "2025-10-19") LocalDate date,
		@Schema(description = "Last day of an incident or talks round that spans several") LocalDate endDate,
		DatePrecision datePrecision,
		@Schema(description = "The exact instant a crossing change took effect (crossing changes only)") Instant instant,
		@Schema(example = "Doha ceasefire agreed") String title,
		@Schema(example = "Bilateral verbal ceasefire between Afghanistan, Pakistan; brokered by Qatar (mediator)") String summary,
		@Schema(example = "[\"AFG\", \"PAK\"]") List<String> countries, Location location,
		@Schema(implementation = EntryActor[].class, description = "The actors and the part each takes") RawJson actors,
		@Schema(description = "Curated fatalities (incidents only)") Integer fatalities,
		@Schema(example = "/api/v1/ceasefires/0199f1c2-7d3a-7c4e-9b1a-2f6d8e4c1a05") String link) {

	/**
	 * Where an entry happened, as far as it is known: a talks round has a city but no
	 * coordinates.
	 */
	@Schema(name = "TimelineLocation")
	record Location(@Schema(example = "Kabul") String placeName, Double latitude, Double longitude) {

		boolean hasCoordinates() {
			return this.latitude != null && this.longitude != null;
		}

	}

	/** An actor and the part it takes in the entry; mediators come with their role. */
	@Schema(name = "TimelineActor")
	record EntryActor(UUID id, String name, @Schema(allowableValues = {
			"INITIATOR", "TARGET", "PARTICIPANT", "CLAIMANT", "ACCUSER", "ACCUSED", "DENIER", "PARTY", "MEDIATOR",
			"ENDED_BY", "DELEGATION_HEAD", "DECIDED_BY" }) String part,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
					description = "A mediator's role; absent for other parts", example = "MEDIATOR") String role){

		/** "Qatar (MEDIATOR)", as the CSV export lists actors. */
		String describe() {
			return this.name + " (" + this.part + ")";
		}

	}

	/** This entry's position in the feed's total order. */
	TimelineKey key() {
		Instant at = (this.instant != null) ? this.instant : this.date.atStartOfDay(ZoneOffset.UTC).toInstant();
		return new TimelineKey(this.date, this.kind.rank(), at, this.recordId);
	}

	boolean hasCoordinates() {
		return this.location != null && this.location.hasCoordinates();
	}

}
