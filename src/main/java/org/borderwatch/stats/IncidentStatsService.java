package org.borderwatch.stats;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.SqlFilter;
import org.borderwatch.incident.EventType;
import org.borderwatch.incident.IncidentFilter;
import org.borderwatch.incident.SubEventType;

/**
 * Incident statistics per calendar bucket, zero-filled, summed from daily rollups kept by
 * triggers in the writing transaction (migration V60): {@code incident_daily_rollup} (a
 * country's year is a few thousand rows whatever the number of incidents), or its splits
 * by admin1 or by actor when the request needs them. Weekly, monthly and yearly series
 * without sub-types read the whole periods of their range from the weekly or monthly sums
 * of the first (migration V70; see {@link PeriodSplit}). Filters no rollup knows
 * (verification, tag, claimedBy, actorRole, minFatalities, bbox, q) and the few actor
 * combinations none answers exactly (several actors without grouping by actor; actors
 * with admin1) read the raw tables with the incident list's own conditions.
 * <p>
 * Reads run outside a transaction: one statement (plus one for actor names) needs no
 * snapshot shared with another, and it saves the round trips of BEGIN and COMMIT.
 */
@Service
class IncidentStatsService {

	/** The most calendar buckets one request may span. */
	static final int MAX_BUCKETS = 1_000;

	/** The most entries (buckets times groups) one response may hold. */
	static final int MAX_ENTRIES = 10_000;

	static final String NOT_RECORDED = "Not recorded";

	/**
	 * The measures of every rollup row, in the order of the database's
	 * {@code incident_tally} type (migration V80), which every rollup table ends with:
	 * the incidents, the curated killed and wounded of security forces, civilians,
	 * militants and unknown, and the incidents whose killed and wounded were not
	 * reported. The statements sum them in this order, and {@link #row} reads them by
	 * position.
	 */
	static final List<String> MEASURES = List.of("incidents", "security_forces_killed", "security_forces_wounded",
			"civilians_killed", "civilians_wounded", "militants_killed", "militants_wounded", "unknown_killed",
			"unknown_wounded", "fatalities_not_reported", "wounded_not_reported");

	/** {@code sum(r.incidents) as incidents, ...}: the measures summed over alias r. */
	private static final String SUMS = MEASURES.stream()
		.map((measure) -> "sum(r." + measure + ") as " + measure)
		.collect(Collectors.joining(",\n  "));

	/**
	 * The condition of a country filter over a rollup's key: the key is the incident's
	 * countries sorted and comma-joined, so an incident of two countries ('AFG,PAK') is
	 * one row, found by either (the few such keys have an index of their own).
	 */
	private static final String ROLLUP_COUNTRIES = """
			(r.country = any (cast(:countries as text[]))
			 or (r.country like '%,%' and string_to_array(r.country, ',') && cast(:countries as text[])))""";

	private static final Map<String, String> COUNTRY_NAMES = countryNames();

	private final JdbcClient jdbc;

	private final ActorDirectory actors;

	IncidentStatsService(JdbcClient jdbc, ActorDirectory actors) {
		this.jdbc = jdbc;
		this.actors = actors;
	}

	IncidentStatsResponse stats(IncidentStatsQuery query) {
		List<LocalDate> starts = bucketStarts(query);
		Source source = source(query);
		boolean ongoingFromRollup = ongoingFromRollup(query);
		List<Row> rows = (source == Source.INCIDENTS) ? fromIncidents(query)
				: fromRollup(query, source, ongoingFromRollup ? starts : null);

		Map<String, Map<LocalDate, Long>> ongoing = ongoingFromRollup ? ongoing(rows)
				: ongoingFromIncidents(query, starts);
		Map<String, Map<LocalDate, Row>> groups = new HashMap<>();
		Map<String, Long> totals = new HashMap<>();
		for (Row row : rows) {
			groups.computeIfAbsent(row.key(), (key) -> new HashMap<>()).put(row.bucket(), row);
			totals.merge(row.key(), row.incidents(), Long::sum);
		}
		ongoing.keySet().forEach((key) -> groups.computeIfAbsent(key, (k) -> new HashMap<>()));
		if (query.groupBy() == StatsGroupBy.NONE) {
			groups.putIfAbsent(null, Map.of());
		}
		List<String> keys = new ArrayList<>(groups.keySet());
		keys.sort(Comparator.comparing((String key) -> totals.getOrDefault(key, 0L))
			.reversed()
			.thenComparing(Comparator.nullsLast(Comparator.<String>naturalOrder())));
		if ((long) keys.size() * starts.size() > MAX_ENTRIES) {
			throw InvalidInputException.forField("groupBy",
					"%d groups over %d buckets make %,d entries, more than the %,d allowed: narrow it with filters (country, type, actor...), a coarser interval or a shorter from/to range"
						.formatted(keys.size(), starts.size(), (long) keys.size() * starts.size(), MAX_ENTRIES));
		}
		Map<String, String> labels = labels(query.groupBy(), keys);

		List<IncidentStatsResponse.Bucket> buckets = new ArrayList<>(keys.size() * starts.size());
		for (LocalDate start : starts) {
			LocalDate first = start.isBefore(query.from()) ? query.from() : start;
			LocalDate next = query.interval().next(start);
			LocalDate last = next.isAfter(query.to()) ? query.to() : next.minusDays(1);
			String period = query.interval().period(start);
			for (String key : keys) {
				Row row = groups.get(key).get(start);
				long going = ongoing.getOrDefault(key, Map.of()).getOrDefault(start, 0L);
				buckets.add(new IncidentStatsResponse.Bucket(first, last, period, key, labels.get(key),
						(row != null) ? row.incidents() : 0, going, (row != null) ? row.fatalities() : 0,
						(row != null) ? row.wounded() : 0, (row != null) ? row.fatalitiesNotReported() : 0,
						(row != null) ? row.woundedNotReported() : 0,
						(row != null) ? row.casualties() : IncidentStatsResponse.Casualties.NONE));
			}
		}
		return new IncidentStatsResponse(query.interval().param(), query.groupBy().param(), query.from(), query.to(),
				buckets);
	}

	/**
	 * The first day of each calendar bucket the range touches; refuses more than
	 * {@link #MAX_BUCKETS}.
	 */
	static List<LocalDate> bucketStarts(IncidentStatsQuery query) {
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate start = query.interval().align(query.from()); !start
			.isAfter(query.to()); start = query.interval().next(start)) {
			if (starts.size() == MAX_BUCKETS) {
				throw InvalidInputException.forField("interval",
						"from %s to %s by %s makes more than %,d buckets: choose a coarser interval (week, month, year) or a shorter from/to range"
							.formatted(query.from(), query.to(), query.interval().param(), MAX_BUCKETS));
			}
			starts.add(start);
		}
		return starts;
	}

	/**
	 * The smallest table that answers the request exactly. An incident with several of
	 * the filtered actors would count once per actor in the actor rollup, so several
	 * actors without grouping by actor, and actors with admin1, go to the raw tables.
	 */
	static Source source(IncidentStatsQuery query) {
		IncidentFilter filter = query.filter();
		boolean admin1 = query.groupBy() == StatsGroupBy.ADMIN1 || !filter.admin1().isEmpty();
		if (!query.onlyRollupFilters()) {
			return Source.INCIDENTS;
		}
		if (query.groupBy() != StatsGroupBy.ACTOR && filter.actors().isEmpty()) {
			return admin1 ? Source.ADMIN1_ROLLUP : Source.ROLLUP;
		}
		if (!admin1 && (query.groupBy() == StatsGroupBy.ACTOR || filter.actors().size() == 1)) {
			return Source.ACTOR_ROLLUP;
		}
		return Source.INCIDENTS;
	}

	/**
	 * The sums of a rollup table; with {@code ongoingStarts} (the bucket starts, when
	 * {@link #ongoingFromRollup} holds) also the count of incidents still ongoing in each
	 * bucket, read from {@code incident_ongoing_rollup} by the same statement (see
	 * {@link OngoingRollup}): one round trip instead of two.
	 */
	private List<Row> fromRollup(IncidentStatsQuery query, Source source, List<LocalDate> ongoingStarts) {
		RollupGrouping grouping = RollupGrouping.of(query, source);
		SqlFilter where = grouping.where();
		String table = source.table();
		PeriodSplit split = (source == Source.ROLLUP) ? PeriodSplit.of(query) : null;
		if (split != null) {
			table = split.unionSql();
			where.param("wholeFrom", split.wholeFrom()).param("wholeUntil", split.wholeUntil());
		}
		String sums = SUMS;
		if (ongoingStarts != null) {
			table = OngoingRollup.unionSql(split);
			sums = SUMS + ",\n  sum(r.ongoing) as ongoing";
			where.param("days", OngoingRollup.days(query, ongoingStarts));
		}
		String sql = """
				select date_trunc('%s', r.day::timestamp)::date as bucket, %s as key,
				  %s
				from %s r
				%swhere r.day between :from and :to
				  %s
				group by %s""".formatted(query.interval().sqlUnit(), grouping.key(), sums, table,
				grouping.countryJoin(), where.andClauses(), (query.groupBy() == StatsGroupBy.NONE) ? "1" : "1, 2");
		return this.jdbc.sql(sql)
			.params(where.params())
			.param("from", query.from())
			.param("to", query.to())
			.query((ongoingStarts != null) ? IncidentStatsService::rowWithOngoing : IncidentStatsService::row)
			.list();
	}

	/**
	 * The rows of the range with the incidents ongoing on the first day of each bucket
	 * (and on {@code from}) as one more measure, {@code ongoing}: the rollup rows of the
	 * range carry 0 there, the rows of {@code incident_ongoing_rollup} on those days
	 * carry 0 in every other measure. Each such day falls in the bucket it starts (the
	 * request's first day in the first bucket), so the one {@code group by} of the
	 * statement sums both into the right bucket and group.
	 */
	static final class OngoingRollup {

		private static final String COLUMNS = "country, event_type, " + String.join(", ", MEASURES);

		private static final String ONGOING_COLUMNS = "country, event_type, "
				+ MEASURES.stream().map((measure) -> "0 as " + measure).collect(Collectors.joining(", "))
				+ ", incidents as ongoing";

		private OngoingRollup() {
		}

		/**
		 * One flat union: the same rows nested as {@code (select r.*, 0 as ongoing from
		 * (...) r union all ...)} cost PostgreSQL 17 half as much again per execution as
		 * a prepared statement (pgbench, same sitting).
		 */
		static String unionSql(PeriodSplit split) {
			String rollup = (split != null) ? split.branches(", 0 as ongoing")
					: "select day, %s, 0 as ongoing from incident_daily_rollup where day between :from and :to"
						.formatted(COLUMNS);
			return """
					(%s
					 union all
					 select day, %s from incident_ongoing_rollup where day = any (:days))""".formatted(rollup,
					ONGOING_COLUMNS);
		}

		/**
		 * The days {@code incident_ongoing_rollup} is read on: {@code from} for the first
		 * bucket, the first day of every later one; a date[] parameter, since one coerced
		 * from text would be parsed again for every row.
		 */
		static SqlArrayValue days(IncidentStatsQuery query, List<LocalDate> starts) {
			return new SqlArrayValue("date",
					starts.stream()
						.map((start) -> Date.valueOf(start.isBefore(query.from()) ? query.from() : start))
						.toArray());
		}

	}

	/**
	 * How a rollup table is grouped and filtered: the group key over the rollup's
	 * columns, the join that counts an incident of several countries under each of them
	 * (of the filtered ones) with {@code groupBy=country}, and the same conditions as
	 * {@link IncidentFilter#toSql} over the rollup's columns.
	 */
	private record RollupGrouping(String key, String countryJoin, SqlFilter where) {

		static RollupGrouping of(IncidentStatsQuery query, Source source) {
			IncidentFilter filter = query.filter();
			SqlFilter where = new SqlFilter()
				.when(filter.countries().isEmpty() ? null : filter.countries().toArray(new String[0]), ROLLUP_COUNTRIES,
						"countries")
				.when(filter.types().stream().map(Enum::name).toList(), "r.event_type in (:types)", "types")
				.when(filter.subTypes().stream().map(Enum::name).toList(), "r.sub_event_type in (:subTypes)",
						"subTypes")
				.when((source == Source.ADMIN1_ROLLUP)
						? filter.admin1().stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList() : List.of(),
						"lower(r.admin1) in (:admin1s)", "admin1s")
				.when((source == Source.ACTOR_ROLLUP) ? filter.actors() : List.of(), "r.actor_id in (:actors)",
						"actors");
			String key = switch (query.groupBy()) {
				case TYPE -> "r.event_type";
				case SUB_TYPE -> "r.sub_event_type";
				case COUNTRY -> "gc.code";
				case ADMIN1 -> "nullif(r.admin1, '')";
				case ACTOR -> "r.actor_id::text";
				default -> "null::text";
			};
			String countryJoin = "";
			if (query.groupBy() == StatsGroupBy.COUNTRY) {
				countryJoin = "cross join lateral unnest(case when r.country = '' then array[null::text] "
						+ "else string_to_array(r.country, ',') end) as gc(code)\n";
				if (!filter.countries().isEmpty()) {
					where.and("gc.code = any (cast(:countries as text[]))", Map.of());
				}
			}
			return new RollupGrouping(key, countryJoin, where);
		}

	}

	/**
	 * A range cut for the weekly or monthly rollup (migration V70): the whole weeks or
	 * months inside {@code [from, to]}, {@code [wholeFrom, wholeUntil)}, come from the
	 * coarse table, and the days of a partial first or last period from the daily one. A
	 * country-year by week then sums about 320 rows instead of 7,000. The coarse tables
	 * do not split by sub-type: null when the request filters or groups by sub-type, when
	 * the buckets are days, or when the range holds no whole period.
	 */
	record PeriodSplit(StatsInterval period, LocalDate wholeFrom, LocalDate wholeUntil) {

		private static final String COLUMNS = "country, event_type, " + String.join(", ", MEASURES);

		static PeriodSplit of(IncidentStatsQuery query) {
			StatsInterval period = query.interval().rollupPeriod();
			if (period == StatsInterval.DAY || query.groupBy() == StatsGroupBy.SUB_TYPE
					|| !query.filter().subTypes().isEmpty()) {
				return null;
			}
			LocalDate first = period.align(query.from());
			LocalDate wholeFrom = first.equals(query.from()) ? first : period.next(first);
			LocalDate wholeUntil = period.align(query.to().plusDays(1));
			return wholeFrom.isBefore(wholeUntil) ? new PeriodSplit(period, wholeFrom, wholeUntil) : null;
		}

		/**
		 * The rows of the range, as one derived table with the daily table's columns but
		 * the sub-type.
		 */
		String unionSql() {
			return "(" + branches("") + ")";
		}

		/**
		 * The three selects of {@link #unionSql}, unparenthesised, each followed by the
		 * given columns.
		 */
		String branches(String columns) {
			return """
					select day, %1$s%3$s from incident_daily_rollup where day >= :from and day < :wholeFrom
					 union all
					 select period_start, %1$s%3$s from incident_%2$sly_rollup
					 where period_start >= :wholeFrom and period_start < :wholeUntil
					 union all
					 select day, %1$s%3$s from incident_daily_rollup where day >= :wholeUntil and day <= :to"""
				.formatted(COLUMNS, this.period.param(), columns);
		}

	}

	/**
	 * From the raw tables, for the filters no rollup knows and the few actor combinations
	 * none answers exactly: the incident list's own conditions
	 * ({@link IncidentFilter#toSql}) over the range of the days incidents (earliest)
	 * began. An incident counts once per actor group however many roles the actor has in
	 * it; {@code groupBy=actor} shows only the filtered actors (and roles) when some are
	 * given. Its measures are the database's own tally of an incident
	 * ({@code incident_tally_of}, the function the rollups are kept with).
	 */
	private List<Row> fromIncidents(IncidentStatsQuery query) {
		RawGrouping raw = RawGrouping.of(query);
		String sql = """
				select date_trunc('%s', i.effective_start::timestamp)::date as bucket, %s as key,
				  %s
				from incident i
				%scross join lateral incident_tally_of(i) r
				where i.effective_start between :from and :to
				  %s
				group by %s""".formatted(query.interval().sqlUnit(), raw.key(), SUMS, raw.joins(),
				raw.where().andClauses(), (query.groupBy() == StatsGroupBy.NONE) ? "1" : "1, 2");
		return this.jdbc.sql(sql)
			.params(raw.where().params())
			.param("from", query.from())
			.param("to", query.to())
			.query(IncidentStatsService::row)
			.list();
	}

	/**
	 * Whether the ongoing counts come from the rollup. Per bucket and group, the
	 * incidents that began before the bucket (in an earlier one, or before {@code from})
	 * and still went on in it. They count here as ongoing; their figures stay in the
	 * bucket where they began. An incident is ongoing in a bucket exactly when it began
	 * before the bucket's first day inside the range and had not ended before it, so the
	 * counts are those of {@code incident_ongoing_rollup} (migration V120) on
	 * {@code from} and on the first day of every later bucket. That table knows countries
	 * and event types only: requests that filter or group by sub-type, admin1 or actor,
	 * or filter on what no rollup knows, count from the incidents.
	 */
	static boolean ongoingFromRollup(IncidentStatsQuery query) {
		boolean subTypes = query.groupBy() == StatsGroupBy.SUB_TYPE || !query.filter().subTypes().isEmpty();
		return source(query) == Source.ROLLUP && !subTypes;
	}

	/** The ongoing counts the rollup statement summed along with the rest. */
	private static Map<String, Map<LocalDate, Long>> ongoing(List<Row> rows) {
		Map<String, Map<LocalDate, Long>> ongoing = new HashMap<>();
		for (Row row : rows) {
			if (row.ongoing() != 0) {
				ongoing.computeIfAbsent(row.key(), (key) -> new HashMap<>()).put(row.bucket(), row.ongoing());
			}
		}
		return ongoing;
	}

	/**
	 * From the incidents: only those spanning several days can be ongoing, and a GiST
	 * index on their ranges finds the ones that overlap the request.
	 */
	private Map<String, Map<LocalDate, Long>> ongoingFromIncidents(IncidentStatsQuery query, List<LocalDate> starts) {
		RawGrouping raw = RawGrouping.of(query);
		// per incident, the first and last bucket it is ongoing in (none when the first
		// comes after the last); the buckets in between are filled in here, not by the
		// database: a year-long incident is one row, not 52
		String sql = """
				select case when i.effective_start < :from then date_trunc('%1$s', cast(:from as date)::timestamp)
				            else date_trunc('%1$s', i.effective_start::timestamp) + interval '1 %1$s' end::date,
				       date_trunc('%1$s', least(i.effective_end, :to)::timestamp)::date, %2$s as key, count(*)
				from incident i
				%3$swhere i.effective_end > i.effective_start
				  and daterange(i.effective_start, i.effective_end, '[]') && daterange(:from, :to, '[]')
				  %4$s
				group by 1, 2, 3""".formatted(query.interval().sqlUnit(), raw.key(), raw.joins(),
				raw.where().andClauses());
		Map<String, Map<LocalDate, Long>> ongoing = new HashMap<>();
		this.jdbc.sql(sql)
			.params(raw.where().params())
			.param("from", query.from())
			.param("to", query.to())
			.query((rs) -> {
				LocalDate first = rs.getObject(1, LocalDate.class);
				LocalDate last = rs.getObject(2, LocalDate.class);
				long count = rs.getLong(4);
				for (LocalDate start : starts) {
					if (!start.isBefore(first) && !start.isAfter(last)) {
						ongoing.computeIfAbsent(rs.getString(3), (key) -> new HashMap<>())
							.merge(start, count, Long::sum);
					}
				}
			});
		return ongoing;
	}

	/**
	 * How the raw tables group incidents: the group key, the joins it needs and the
	 * incident list's own conditions ({@link IncidentFilter#toSql}). An incident counts
	 * once per actor group however many roles the actor has in it ({@code groupBy=actor}
	 * shows only the filtered actors and roles when some are given), and under each of
	 * its countries (of the filtered ones) with {@code groupBy=country}.
	 */
	private record RawGrouping(String key, String joins, SqlFilter where) {

		static RawGrouping of(IncidentStatsQuery query) {
			IncidentFilter filter = query.filter();
			SqlFilter where = filter.toSql();
			String joins = "";
			if (query.groupBy() == StatsGroupBy.ACTOR) {
				String actors = filter.actors().isEmpty() ? "" : " and ia.actor_id in (:statsActors)";
				String roles = filter.actorRoles().isEmpty() ? "" : " and ia.role in (:statsRoles)";
				joins = """
						cross join lateral (
						  select distinct ia.actor_id from incident_actor ia
						  where ia.incident_id = i.id%s%s) a
						""".formatted(actors, roles);
				if (!filter.actors().isEmpty()) {
					where.param("statsActors", filter.actors());
				}
				if (!filter.actorRoles().isEmpty()) {
					where.param("statsRoles", filter.actorRoles().stream().map(Enum::name).toList());
				}
			}
			if (query.groupBy() == StatsGroupBy.COUNTRY) {
				joins = "cross join lateral unnest(case when cardinality(i.countries) = 0 then array[null::text] "
						+ "else i.countries end) as gc(code)\n";
				if (!filter.countries().isEmpty()) {
					where.and("gc.code = any (cast(:statsCountries as text[]))",
							Map.of("statsCountries", filter.countries().toArray(new String[0])));
				}
			}
			String key = switch (query.groupBy()) {
				case TYPE -> "i.event_type";
				case SUB_TYPE -> "i.sub_event_type";
				case COUNTRY -> "gc.code";
				case ADMIN1 -> "i.admin1";
				case ACTOR -> "a.actor_id::text";
				default -> "null::text";
			};
			return new RawGrouping(key, joins, where);
		}

	}

	/**
	 * Reads the columns by position, in the order both queries select them (bucket, key,
	 * then the {@link #MEASURES}): a year of weeks by type is 3,000 values, and the
	 * driver's name lookups stood out in profiles of this request.
	 */
	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return rowOf(rs, 0);
	}

	/** {@link #row}, followed by the {@code ongoing} count. */
	private static Row rowWithOngoing(ResultSet rs, int rowNum) throws SQLException {
		return rowOf(rs, rs.getLong(14));
	}

	private static Row rowOf(ResultSet rs, long ongoing) throws SQLException {
		return new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
				new IncidentStatsResponse.Casualties(new IncidentStatsResponse.Outcome(rs.getLong(4), rs.getLong(5)),
						new IncidentStatsResponse.Outcome(rs.getLong(6), rs.getLong(7)),
						new IncidentStatsResponse.Outcome(rs.getLong(8), rs.getLong(9)),
						new IncidentStatsResponse.Outcome(rs.getLong(10), rs.getLong(11))),
				rs.getLong(12), rs.getLong(13), ongoing);
	}

	private Map<String, String> labels(StatsGroupBy groupBy, List<String> keys) {
		Map<String, String> labels = new HashMap<>();
		if (groupBy == StatsGroupBy.NONE) {
			return labels;
		}
		Map<UUID, ActorRef> refs = (groupBy == StatsGroupBy.ACTOR)
				? this.actors.refs(keys.stream().filter(Objects::nonNull).map(UUID::fromString).toList()) : Map.of();
		for (String key : keys) {
			String label;
			if (key == null) {
				label = NOT_RECORDED;
			}
			else {
				label = switch (groupBy) {
					case TYPE -> label(EventType.class, key, EventType::label);
					case SUB_TYPE -> label(SubEventType.class, key, SubEventType::label);
					case COUNTRY -> COUNTRY_NAMES.getOrDefault(key, key);
					case ACTOR -> ActorDirectory.ref(refs, UUID.fromString(key)).name();
					default -> key;
				};
			}
			labels.put(key, label);
		}
		return labels;
	}

	/**
	 * ACLED's label of a stored code; the code itself for a value the enum does not know.
	 */
	private static <E extends Enum<E>> String label(Class<E> type, String code, Function<E, String> label) {
		try {
			return label.apply(Enum.valueOf(type, code));
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

	private static Map<String, String> countryNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String alpha2 : Locale.getISOCountries()) {
			Locale country = new Locale.Builder().setRegion(alpha2).build();
			names.put(country.getISO3Country(), country.getDisplayCountry(Locale.ENGLISH));
		}
		return names;
	}

	/** Where the sums come from. */
	enum Source {

		ROLLUP("incident_daily_rollup"), ADMIN1_ROLLUP("incident_daily_admin1_rollup"),
		ACTOR_ROLLUP("incident_actor_daily_rollup"), INCIDENTS("incident");

		private final String table;

		Source(String table) {
			this.table = table;
		}

		String table() {
			return this.table;
		}

	}

	/** One bucket of one group as the database sums it. */
	private record Row(LocalDate bucket, String key, long incidents, IncidentStatsResponse.Casualties casualties,
			long fatalitiesNotReported, long woundedNotReported, long ongoing) {

		long fatalities() {
			return this.casualties.securityForces().killed() + this.casualties.civilians().killed()
					+ this.casualties.militants().killed() + this.casualties.unknown().killed();
		}

		long wounded() {
			return this.casualties.securityForces().wounded() + this.casualties.civilians().wounded()
					+ this.casualties.militants().wounded() + this.casualties.unknown().wounded();
		}

	}

}
