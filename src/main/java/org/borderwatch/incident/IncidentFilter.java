package org.borderwatch.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.borderwatch.common.BoundingBox;
import org.borderwatch.common.Countries;
import org.borderwatch.common.EnumValues;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.IsoDates;
import org.borderwatch.common.Near;
import org.borderwatch.common.SqlFilter;

/**
 * The filters of incident queries, parsed from query parameters and turned into SQL. This
 * is the ONE definition of what {@code ?country=PAK&from=2025-10-01&...} means for
 * incidents: the incident list uses it, and so must every other read of incidents
 * (CSV/GeoJSON exports, stats, timeline), so that the same parameters always select the
 * same incidents:
 *
 * <pre>{@code
 * IncidentFilter filter = query.toFilter();               // 400 naming the bad parameter
 * SqlFilter where = filter.toSql();                        // conditions over alias "i"
 * jdbc.sql("select ... from incident i " + where.where() + " ...").params(where.params())...
 * }</pre>
 *
 * Parameters (the components of {@link IncidentQuery}); repeated or comma-separated
 * values OR, different parameters AND:
 * <ul>
 * <li>{@code from}, {@code to}: ISO dates, inclusive; an incident matches when its range
 * overlaps [from, to], so a month-long incident is found by any day in it. The range is
 * [startDate, endDate] narrowed by the bounds a report gives (startedOnOrAfter,
 * endedOnOrBefore).</li>
 * <li>{@code country} (ISO alpha-3): incidents that took place in any of them (an
 * incident of two countries is found by either); {@code admin1} (ignoring case),
 * {@code type}, {@code subType}, {@code verification}, {@code tag} (exact).</li>
 * <li>{@code actor}: actor ids taking part; with {@code actorRole}, only in those roles
 * ({@code actorRole} alone: any actor in those roles).</li>
 * <li>{@code claimedBy}: actor ids that claimed responsibility
 * (CLAIMS_RESPONSIBILITY).</li>
 * <li>{@code minFatalities}: headline fatalities (curated best estimates) at least
 * this.</li>
 * <li>{@code bbox=minLon,minLat,maxLon,maxLat}: incidents with coordinates inside (edges
 * included; boxes across the antimeridian are not supported).</li>
 * <li>{@code near=LAT,LON,KM}: incidents with coordinates within KM kilometres of the
 * point (great-circle distance).</li>
 * <li>{@code q}: PostgreSQL full text over title and description
 * ({@code websearch_to_tsquery} syntax: words, {@code "phrases"}, {@code or},
 * {@code -excluded}).</li>
 * </ul>
 * Empty lists and nulls mean "any".
 */
public record IncidentFilter(LocalDate from, LocalDate to, List<String> countries, List<String> admin1,
		List<EventType> types, List<SubEventType> subTypes, List<UUID> actors, List<ActorRole> actorRoles,
		List<UUID> claimedBy, Integer minFatalities, List<VerificationStatus> verification, List<String> tags,
		BoundingBox bbox, String q, Near near) {

	private static final int MAX_TEXT = 500;

	public IncidentFilter {
		countries = List.copyOf(orEmpty(countries));
		admin1 = List.copyOf(orEmpty(admin1));
		types = List.copyOf(orEmpty(types));
		subTypes = List.copyOf(orEmpty(subTypes));
		actors = List.copyOf(orEmpty(actors));
		actorRoles = List.copyOf(orEmpty(actorRoles));
		claimedBy = List.copyOf(orEmpty(claimedBy));
		verification = List.copyOf(orEmpty(verification));
		tags = List.copyOf(orEmpty(tags));
		q = (q != null && !q.isBlank()) ? q.strip() : null;
	}

	/** The filter without a radius. */
	public IncidentFilter(LocalDate from, LocalDate to, List<String> countries, List<String> admin1,
			List<EventType> types, List<SubEventType> subTypes, List<UUID> actors, List<ActorRole> actorRoles,
			List<UUID> claimedBy, Integer minFatalities, List<VerificationStatus> verification, List<String> tags,
			BoundingBox bbox, String q) {
		this(from, to, countries, admin1, types, subTypes, actors, actorRoles, claimedBy, minFatalities, verification,
				tags, bbox, q, null);
	}

	/** A filter that selects every incident. */
	public static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * Reads the filter from the query parameters. Fails with a 400 naming the parameter
	 * when a value is malformed: an unknown enum value, a bad date or UUID, {@code to}
	 * before {@code from}, a malformed or inverted {@code bbox}.
	 */
	public static IncidentFilter parse(IncidentQuery query) {
		LocalDate from = single("from", query.from(), IncidentFilter::date);
		LocalDate to = single("to", query.to(), IncidentFilter::date);
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidInputException.forField("to", "must not be before from (" + from + ")");
		}
		Integer minFatalities = single("minFatalities", query.minFatalities(), IncidentFilter::count);
		String q = single("q", query.q(), Function.identity());
		if (q != null && q.length() > MAX_TEXT) {
			throw InvalidInputException.forField("q", "must be at most " + MAX_TEXT + " characters");
		}
		return new IncidentFilter(from, to, Countries.parseFilter("country", values(query.country())),
				texts("admin1", query.admin1()), enums("type", query.type(), EventType.class),
				enums("subType", query.subType(), SubEventType.class), uuids("actor", query.actor()),
				enums("actorRole", query.actorRole(), ActorRole.class), uuids("claimedBy", query.claimedBy()),
				minFatalities, enums("verification", query.verification(), VerificationStatus.class),
				texts("tag", query.tag()), BoundingBox.parse("bbox", query.bbox()), q,
				Near.parse("near", query.near()));
	}

	/**
	 * The filter as SQL conditions over the {@code incident} table aliased {@code i}.
	 * Parameter names all start with {@code incident}, so they do not clash with the
	 * caller's own. Each call returns a new {@link SqlFilter}, to which the caller may
	 * add its own conditions.
	 */
	public SqlFilter toSql() {
		SqlFilter sql = new SqlFilter().when(this.from, "i.effective_end >= :incidentFrom", "incidentFrom")
			.when(this.to, "i.effective_start <= :incidentTo", "incidentTo")
			// && on text[] lets the GIN index on countries answer
			.when(this.countries.isEmpty() ? null : this.countries.toArray(new String[0]),
					"i.countries && cast(:incidentCountries as text[])", "incidentCountries")
			.when(this.admin1.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList(),
					"lower(i.admin1) in (:incidentAdmin1)", "incidentAdmin1")
			.when(names(this.types), "i.event_type in (:incidentTypes)", "incidentTypes")
			.when(names(this.subTypes), "i.sub_event_type in (:incidentSubTypes)", "incidentSubTypes")
			.when(this.claimedBy,
					"""
							exists (select 1 from incident_claim filter_claim where filter_claim.incident_id = i.id
							  and filter_claim.actor_id in (:incidentClaimedBy) and filter_claim.stance = 'CLAIMS_RESPONSIBILITY')""",
					"incidentClaimedBy")
			.when(this.minFatalities, "i.fatalities >= :incidentMinFatalities", "incidentMinFatalities")
			.when(names(this.verification), "i.verification in (:incidentVerification)", "incidentVerification")
			// && on text[] lets the GIN index on tags answer
			.when(this.tags, "i.tags && array[:incidentTags]::text[]", "incidentTags")
			.when(this.q, "i.search @@ websearch_to_tsquery('english', :incidentQ)", "incidentQ");
		if (!this.actors.isEmpty() || !this.actorRoles.isEmpty()) {
			List<String> conditions = new ArrayList<>();
			if (!this.actors.isEmpty()) {
				conditions.add("filter_actor.actor_id in (:incidentActors)");
				sql.param("incidentActors", this.actors);
			}
			if (!this.actorRoles.isEmpty()) {
				conditions.add("filter_actor.role in (:incidentActorRoles)");
				sql.param("incidentActorRoles", names(this.actorRoles));
			}
			sql.and("exists (select 1 from incident_actor filter_actor where filter_actor.incident_id = i.id and "
					+ String.join(" and ", conditions) + ")", Map.of());
		}
		if (this.bbox != null) {
			sql.and("i.longitude between :incidentMinLon and :incidentMaxLon"
					+ " and i.latitude between :incidentMinLat and :incidentMaxLat",
					Map.of("incidentMinLon", this.bbox.minLongitude(), "incidentMaxLon", this.bbox.maxLongitude(),
							"incidentMinLat", this.bbox.minLatitude(), "incidentMaxLat", this.bbox.maxLatitude()));
		}
		if (this.near != null) {
			this.near.addTo(sql, "i.latitude", "i.longitude", "incidentNear");
		}
		return sql;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	/** Every value of a parameter, repeated or comma-separated, blanks dropped. */
	private static List<String> values(List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		return raw.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.toList();
	}

	private static List<String> texts(String name, List<String> raw) {
		List<String> texts = values(raw);
		texts.stream().filter((text) -> text.length() > MAX_TEXT).findFirst().ifPresent((text) -> {
			throw InvalidInputException.forField(name, "values must be at most " + MAX_TEXT + " characters");
		});
		return texts;
	}

	/**
	 * A parameter that takes one value (a repeated one is refused when it is bound,
	 * rather than silently narrowed).
	 */
	private static <T> T single(String name, String given, Function<String, T> parser) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return parser.apply(given.strip());
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.forField(name, ex.getMessage());
		}
	}

	private static LocalDate date(String text) {
		try {
			return IsoDates.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a valid date (expected YYYY-MM-DD)");
		}
	}

	private static Integer count(String text) {
		try {
			int value = Integer.parseInt(text);
			if (value < 0) {
				throw new IllegalArgumentException("must not be negative");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a whole number");
		}
	}

	private static List<UUID> uuids(String name, List<String> raw) {
		return values(raw).stream().map((value) -> {
			try {
				return UUID.fromString(value);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField(name, "'" + value + "' is not a valid UUID");
			}
		}).toList();
	}

	private static <E extends Enum<E>> List<E> enums(String name, List<String> raw, Class<E> type) {
		return values(raw).stream().map((value) -> EnumValues.parse(name, type, value)).toList();
	}

	private static List<String> names(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).toList();
	}

}
