package org.borderwatch.timeline;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.borderwatch.common.BoundingBox;
import org.borderwatch.common.Near;
import org.borderwatch.common.SqlFilter;

/**
 * Writes the SQL of a timeline request over the {@code timeline_entry} read model. One
 * statement text serves the JSON page, the exports and the count, so they honour exactly
 * the same filters.
 * <p>
 * A single country or actor drives the scan through {@code timeline_facet} (one index
 * range in feed order); other filters check the entry. The sort key is (day, kind_rank,
 * instant, record_id), unique per entry, and both tables hold an index in that order.
 */
final class TimelineSql {

	/**
	 * Every statement selects these, in this order: {@link TimelineEntryMapper} reads
	 * them by position. The instant comes as null when it is the start of the entry's day
	 * (most entries; a crossing change always has its own): the key then takes that
	 * start, and a page's rows need not decode a timestamp each, which was a tenth of
	 * reading them.
	 */
	private static final String COLUMNS = """
			e.kind, e.record_id, e.day, e.end_day, e.date_precision,
			case when e.kind <> 'CROSSING_STATUS_CHANGED' and e.instant = e.day::timestamp at time zone 'UTC'
			then null else e.instant end as instant, e.title, e.summary, e.countries,
			e.actors::text as actors, e.place_name, e.latitude, e.longitude, e.fatalities, e.crossing_id""";

	/** A statement and its named parameters. */
	record Statement(String sql, Map<String, Object> params) {
	}

	/** Which entries an export keeps by coordinates. */
	enum Coordinates {

		ANY, PRESENT, MISSING

	}

	private final TimelineFilter filter;

	private final TimelineScope scope;

	private final String drivingFacet;

	private TimelineSql(TimelineFilter filter, TimelineScope scope) {
		this.filter = filter;
		this.scope = scope;
		this.drivingFacet = drivingFacet(filter, scope);
	}

	static TimelineSql of(TimelineFilter filter, TimelineScope scope) {
		return new TimelineSql(filter, scope);
	}

	/**
	 * Up to {@code limit} entries after {@code after} (null for the first page), in feed
	 * order.
	 */
	Statement page(SortOrder order, TimelineKey after, int limit) {
		SqlFilter where = conditions(Coordinates.ANY);
		if (after != null) {
			// concatenated, not String.format: every page request builds this statement
			String a = sortAlias();
			where.and("(" + a + ".day, " + a + ".kind_rank, " + a + ".instant, " + a + ".record_id) "
					+ ((order == SortOrder.ASC) ? ">" : "<") + " (:afterDay, :afterRank, :afterInstant, :afterId)",
					Map.of("afterDay", after.date(), "afterRank", after.rank(), "afterInstant",
							after.instant().atOffset(ZoneOffset.UTC), "afterId", after.recordId()));
		}
		where.param("limit", limit);
		return new Statement(select(where) + "\n" + orderBy(order) + "\nlimit :limit", where.params());
	}

	/** Every matching entry in feed order, for a streamed export. */
	Statement export(SortOrder order, Coordinates coordinates) {
		SqlFilter where = conditions(coordinates);
		return new Statement(select(where) + "\n" + orderBy(order), where.params());
	}

	/** How many matching entries lack coordinates (what a GeoJSON export leaves out). */
	Statement countWithoutCoordinates() {
		SqlFilter where = conditions(Coordinates.MISSING);
		return new Statement("select count(*) from timeline_entry e\n" + join() + where.where(), where.params());
	}

	private String select(SqlFilter where) {
		return "select " + COLUMNS + "\nfrom timeline_entry e\n" + join() + where.where();
	}

	private String join() {
		return (this.drivingFacet != null)
				? "join timeline_facet k on k.kind = e.kind and k.record_id = e.record_id and k.facet = :drivingFacet\n"
				: "";
	}

	private String sortAlias() {
		return (this.drivingFacet != null) ? "k" : "e";
	}

	private String orderBy(SortOrder order) {
		String a = sortAlias();
		String direction = (order == SortOrder.ASC) ? "" : " desc";
		return "order by " + a + ".day" + direction + ", " + a + ".kind_rank" + direction + ", " + a + ".instant"
				+ direction + ", " + a + ".record_id" + direction;
	}

	private SqlFilter conditions(Coordinates coordinates) {
		String s = sortAlias();
		SqlFilter where = new SqlFilter();
		if (this.drivingFacet != null) {
			where.param("drivingFacet", this.drivingFacet);
		}
		Set<TimelineKind> kinds = this.filter.effectiveKinds();
		kinds.retainAll(this.scope.kinds());
		if (kinds.isEmpty()) {
			where.and("false", Map.of());
		}
		else if (!kinds.equals(EnumSet.allOf(TimelineKind.class))) {
			where.and(s + ".kind_rank in (:ranks)", Map.of("ranks", kinds.stream().map(TimelineKind::rank).toList()));
		}
		where.when(this.filter.from(), s + ".day >= :from", "from").when(this.filter.to(), s + ".day <= :to", "to");
		List<String> countryFacets = this.filter.countries().stream().map((c) -> "c:" + c).toList();
		List<String> actorFacets = this.filter.actors().stream().map((a) -> "a:" + a).toList();
		if (!countryFacets.isEmpty() && !isDriving(countryFacets)) {
			where.and(hasFacet("fc", "countryFacets"), Map.of("countryFacets", countryFacets));
		}
		if (!actorFacets.isEmpty() && !isDriving(actorFacets)) {
			where.and(hasFacet("fa", "actorFacets"), Map.of("actorFacets", actorFacets));
		}
		where.when(blankToNull(this.filter.q()), "e.search @@ websearch_to_tsquery('english', :q)", "q");
		BoundingBox box = this.filter.bbox();
		if (box != null) {
			where.and("e.longitude between :minLon and :maxLon and e.latitude between :minLat and :maxLat",
					Map.of("minLon", box.minLongitude(), "maxLon", box.maxLongitude(), "minLat", box.minLatitude(),
							"maxLat", box.maxLatitude()));
		}
		if (this.filter.near() != null) {
			this.filter.near().addTo(where, "e.latitude", "e.longitude", "radius");
		}
		where.when(this.filter.minFatalities(), "e.fatalities >= :minFatalities", "minFatalities");
		if (coordinates == Coordinates.PRESENT) {
			where.and("e.latitude is not null and e.longitude is not null", Map.of());
		}
		else if (coordinates == Coordinates.MISSING) {
			where.and("(e.latitude is null or e.longitude is null)", Map.of());
		}
		scopeCondition(where);
		return where;
	}

	private void scopeCondition(SqlFilter where) {
		switch (this.scope.type()) {
			// Spelt out as primary keys, so that the few entries are fetched by key, not
			// searched for.
			case CEASEFIRE -> where.and("""
					(e.kind, e.record_id) in (select 'CEASEFIRE_AGREED', cast(:scopeId as uuid)
					                          union all
					                          select 'CEASEFIRE_ENDED', cast(:scopeId as uuid)
					                          union all
					                          select 'INCIDENT', v.incident_id from ceasefire_violation v
					                          where v.ceasefire_id = :scopeId)""", Map.of("scopeId", this.scope.id()));
			case CROSSING -> {
				if (this.scope.hasVicinity()) {
					Near.Condition near = new Near(this.scope.latitude(), this.scope.longitude(),
							TimelineScope.VICINITY_KM)
						.condition("e.latitude", "e.longitude", "near");
					Map<String, Object> params = new HashMap<>(near.params());
					params.put("scopeId", this.scope.id());
					params.put("scopeSince", this.scope.since());
					where.and(
							"((e.kind_rank = 5 and e.crossing_id = :scopeId)\n   or (e.kind_rank = 1 and e.day >= :scopeSince and "
									+ near.sql() + "))",
							params);
				}
				else {
					where.and("(e.kind_rank = 5 and e.crossing_id = :scopeId)", Map.of("scopeId", this.scope.id()));
				}
			}
			default -> {
				// ALL has no restriction; ACTOR is the driving facet.
			}
		}
	}

	private static String hasFacet(String alias, String param) {
		return "exists (select 1 from timeline_facet %1$s where %1$s.kind = e.kind and %1$s.record_id = e.record_id and %1$s.facet in (:%2$s))"
			.formatted(alias, param);
	}

	/** The one facet whose index range the scan follows, if the request has one. */
	private static String drivingFacet(TimelineFilter filter, TimelineScope scope) {
		if (scope.type() == TimelineScope.Type.ACTOR) {
			return "a:" + scope.id();
		}
		if (filter.actors().size() == 1) {
			return "a:" + filter.actors().get(0);
		}
		if (filter.countries().size() == 1) {
			return "c:" + filter.countries().get(0);
		}
		return null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** Whether the driving facet alone already enforces this list of facets. */
	private boolean isDriving(List<String> facets) {
		return facets.size() == 1 && facets.get(0).equals(this.drivingFacet);
	}

}
