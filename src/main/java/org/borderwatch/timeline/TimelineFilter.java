package org.borderwatch.timeline;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.borderwatch.common.BoundingBox;
import org.borderwatch.common.Near;

/**
 * The filters of a timeline request, with record-relative bounds already resolved to
 * dates. Nulls and empty lists mean "any"; values within a list OR, different filters
 * AND.
 *
 * @param kinds the kinds to include (all of them unless the client chose)
 * @param from first date included
 * @param to last date included
 * @param countries ISO 3166-1 alpha-3 codes, any of which the entry concerns
 * @param actors actor ids, any of which takes some part in the entry
 * @param q full-text query
 * @param bbox only entries with coordinates inside the box
 * @param minFatalities only incidents with at least that many curated fatalities
 * @param near only entries with coordinates within a radius of a point
 */
record TimelineFilter(Set<TimelineKind> kinds, LocalDate from, LocalDate to, List<String> countries, List<UUID> actors,
		String q, BoundingBox bbox, Integer minFatalities, Near near) {

	TimelineFilter {
		kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
		countries = List.copyOf(countries);
		actors = List.copyOf(actors);
	}

	/**
	 * The kinds that can match: a fatality threshold leaves incidents only. May be empty.
	 */
	Set<TimelineKind> effectiveKinds() {
		Set<TimelineKind> effective = this.kinds.isEmpty() ? EnumSet.noneOf(TimelineKind.class)
				: EnumSet.copyOf(this.kinds);
		if (this.minFatalities != null) {
			effective.retainAll(Set.of(TimelineKind.INCIDENT));
		}
		return effective;
	}

}
