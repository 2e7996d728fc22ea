package org.borderwatch.situation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.SqlFilter;

/**
 * Answers "how do things stand on this date?" from the source tables, in four statements
 * whatever the data: ceasefires, crossings, talks, and the incidents (totals and most
 * involved actors).
 */
@Service
@Transactional(readOnly = true)
class SituationService {

	private static final int TOP_ACTORS = 5;

	private static final TypeReference<List<ActorRef>> REFS = new TypeReference<>() {
	};

	private static final TypeReference<List<Situation.Mediator>> MEDIATORS = new TypeReference<>() {
	};

	private static final TypeReference<List<Situation.Delegation>> DELEGATIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<Situation.InvolvedActor>> INVOLVED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SituationService(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Situation situation(LocalDate asOf, List<String> countries) {
		return new Situation(asOf, countries, ceasefires(asOf, countries), crossings(asOf, countries),
				talks(asOf, countries), incidents(asOf, countries));
	}

	/**
	 * Ceasefires in effect on the date: agreed (not merely PROPOSED), effective on or
	 * before it and not ended before it. A country filter matches the parties' countries.
	 */
	private List<Situation.CeasefireInEffect> ceasefires(LocalDate asOf, List<String> countries) {
		SqlFilter where = new SqlFilter().when(countries, """
				exists (select 1 from ceasefire_party cp join actor a on a.id = cp.actor_id
				        where cp.ceasefire_id = c.id and a.country in (:countries))""", "countries");
		return this.jdbc
			.sql("""
					select c.id, c.name, c.status, c.arrangement, c.agreed_on, c.effective_from,
					       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
					                 from ceasefire_party cp join actor a on a.id = cp.actor_id
					                 where cp.ceasefire_id = c.id), '[]')::text as parties,
					       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'role', m.role)
					                                  order by m.position)
					                 from ceasefire_mediator m join actor a on a.id = m.actor_id
					                 where m.ceasefire_id = c.id), '[]')::text as mediators
					from ceasefire c
					where c.status <> 'PROPOSED' and c.effective_from <= :asOf and (c.ended_on is null or c.ended_on >= :asOf)
					%s
					order by c.effective_from, c.id"""
				.formatted(where.andClauses()))
			.params(where.params())
			.param("asOf", asOf)
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Situation.CeasefireInEffect(id, rs.getString("name"), rs.getString("status"),
						rs.getString("arrangement"), rs.getObject("agreed_on", LocalDate.class),
						rs.getObject("effective_from", LocalDate.class),
						this.json.readValue(rs.getString("parties"), REFS),
						this.json.readValue(rs.getString("mediators"), MEDIATORS), "/api/v1/ceasefires/" + id);
			})
			.list();
	}

	/**
	 * Every crossing (of the countries, when filtered) with the status in force at the
	 * end of the date.
	 */
	private List<Situation.CrossingState> crossings(LocalDate asOf, List<String> countries) {
		SqlFilter where = new SqlFilter().when(countries,
				"(bc.country_a in (:countries) or bc.country_b in (:countries))", "countries");
		return this.jdbc.sql("""
				select bc.id, bc.name, bc.country_a, bc.country_b,
				       s.id as change_id, s.status, s.allowed_traffic, s.effective_from, s.reason,
				       s.decided_by_actor_id, a.name as decided_by_name
				from border_crossing bc
				left join lateral (select * from crossing_status_change s
				                   where s.crossing_id = bc.id and s.effective_from < :endOfDay
				                   order by s.effective_from desc limit 1) s on true
				left join actor a on a.id = s.decided_by_actor_id
				%s
				order by lower(bc.name), bc.id""".formatted(where.where()))
			.params(where.params())
			.param("endOfDay", asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				UUID changeId = rs.getObject("change_id", UUID.class);
				UUID decidedBy = rs.getObject("decided_by_actor_id", UUID.class);
				OffsetDateTime since = rs.getObject("effective_from", OffsetDateTime.class);
				return new Situation.CrossingState(id, rs.getString("name"), rs.getString("country_a"),
						rs.getString("country_b"), (changeId != null) ? rs.getString("status") : "UNKNOWN",
						strings(rs, "allowed_traffic"), (since != null) ? since.toInstant() : null,
						(decidedBy != null) ? new ActorRef(decidedBy, rs.getString("decided_by_name")) : null,
						rs.getString("reason"), changeId,
						(changeId != null) ? "/api/v1/crossings/" + id + "/status-changes/" + changeId
								: "/api/v1/crossings/" + id);
			})
			.list();
	}

	/**
	 * The latest round started on or before the date and the next one after it. Rule: a
	 * CANCELLED round (called off before it met) is neither: the latest round is the last
	 * one that met or was to meet, and the next one a round still planned. A country
	 * filter matches the venue and the parties' countries. The mediators are the round's
	 * effective ones, as the timeline shows them: the database's
	 * {@code talks_round_mediators} (migration V80) is their one definition.
	 */
	private Situation.Talks talks(LocalDate asOf, List<String> countries) {
		SqlFilter where = new SqlFilter().when(countries, """
				(t.venue_country in (:countries)
				 or exists (select 1 from negotiation_party np join actor a on a.id = np.actor_id
				            where np.negotiation_id = t.negotiation_id and a.country in (:countries))
				 or exists (select 1 from talks_delegation d join actor a on a.id = d.party_actor_id
				            where d.talks_round_id = t.id and a.country in (:countries)))""", "countries");
		String filter = where.andClauses();
		List<Situation.Round> rounds = this.jdbc.sql("""
				select r.which, t.id, t.round_number, t.venue_city, t.venue_country, t.start_date, t.end_date, t.status,
				       n.id as negotiation_id, n.name as negotiation_name,
				       coalesce((select jsonb_agg(jsonb_build_object(
				                            'party', jsonb_build_object('id', p.id, 'name', p.name),
				                            'head', case when h.id is null then null
				                                         else jsonb_build_object('id', h.id, 'name', h.name) end,
				                            'note', d.note) order by d.position)
				                 from talks_delegation d
				                 join actor p on p.id = d.party_actor_id
				                 left join actor h on h.id = d.head_actor_id
				                 where d.talks_round_id = t.id), '[]')::text as delegations,
				       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'role', m.role)
				                                  order by m.ord, m.position)
				                 from talks_round_mediators(t.id, t.negotiation_id) m
				                 join actor a on a.id = m.actor_id), '[]')::text as mediators
				from ((select 'LATEST' as which, t.id from talks_round t
				       where t.start_date <= :asOf and t.status <> 'CANCELLED' %1$s
				       order by t.start_date desc, t.id desc limit 1)
				      union all
				      (select 'NEXT', t.id from talks_round t
				       where t.start_date > :asOf and t.status <> 'CANCELLED' %1$s
				       order by t.start_date, t.id limit 1)) r
				join talks_round t on t.id = r.id
				join negotiation n on n.id = t.negotiation_id""".formatted(filter))
			.params(where.params())
			.param("asOf", asOf)
			.query((rs, row) -> round(rs))
			.list();
		Situation.Round latest = null;
		Situation.Round next = null;
		for (Situation.Round round : rounds) {
			if (round.startDate().isAfter(asOf)) {
				next = round;
			}
			else {
				latest = round;
			}
		}
		return new Situation.Talks(latest, next);
	}

	private Situation.Round round(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new Situation.Round(id,
				new Situation.NegotiationRef(rs.getObject("negotiation_id", UUID.class),
						rs.getString("negotiation_name")),
				rs.getInt("round_number"), rs.getString("venue_city"), rs.getString("venue_country"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("status"), this.json.readValue(rs.getString("delegations"), DELEGATIONS),
				this.json.readValue(rs.getString("mediators"), MEDIATORS), "/api/v1/talks-rounds/" + id);
	}

	/**
	 * The timeline's incident entries whose range overlaps the 30 days ending with the
	 * date, as a derived table {@code e}: those beginning in the window (one index range,
	 * index-only), and those spanning several days that began before it and still went on
	 * at its first day. These are found by length class (migration V121): an entry of at
	 * most {@code span} days that reaches the window's first day began at most
	 * {@code span} days before it, one bounded B-tree range per class. The entries carry
	 * countries, actors and figures, so no incident or actor row is visited.
	 */
	private static final String WINDOW_ENTRIES = """
			(select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
			 from timeline_entry e
			 where e.kind_rank = 1 and e.day between :from30 and :asOf
			 union all
			 select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
			 from (values (7), (31), (92), (366), (1830), (1000000)) as s(span)
			 cross join lateral (
			   select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
			   from timeline_entry e
			   where e.kind_rank = 1 and e.end_day > e.day
			     and (case when e.end_day - e.day <= 7 then 7 when e.end_day - e.day <= 31 then 31
			               when e.end_day - e.day <= 92 then 92 when e.end_day - e.day <= 366 then 366
			               when e.end_day - e.day <= 1830 then 1830 else 1000000 end) = s.span
			     and e.day >= cast(:from30 as date) - s.span and e.day < :from30 and e.end_day >= :from30) e) e""";

	/**
	 * Incident totals for the 7 and 30 days ending with the date, from the curated
	 * figures, and the actors in most of the 30 days' incidents (any part: a role, a
	 * claim, being accused), in one statement.
	 * <p>
	 * Rule: an incident counts in a window when its range (from the earliest to the
	 * latest day it can have taken place, narrowed by the bounds a report gives) overlaps
	 * the window. Its figures are not split by day: they count whole in every window it
	 * overlaps, as the report gives them for the whole incident. An incident without a
	 * curated killed (wounded) figure adds nothing to the fatalities (wounded) and counts
	 * in {@code fatalitiesNotReported} ({@code woundedNotReported}) instead.
	 */
	private Situation.Incidents incidents(LocalDate asOf, List<String> countries) {
		LocalDate from7 = asOf.minusDays(6);
		LocalDate from30 = asOf.minusDays(29);
		SqlFilter where = new SqlFilter().when(countries.isEmpty() ? null : countries.toArray(new String[0]),
				"e.countries && cast(:countries as text[])", "countries");
		return this.jdbc
			.sql("""
					-- not materialized: the counts and the totals each read the entries (index-only), which
					-- costs less than writing 10,000 rows with their arrays to a tuple store and reading them back
					with e as not materialized (select e.* from %s %s),
					-- unnest in the select list (one ProjectSet node), not a lateral join: a function scan
					-- started for each of 10,000 entries made this statement a quarter slower
					counts as (select u.actor_id, count(*) as incidents
					           from (select unnest(e.actor_ids) as actor_id from e) u
					           group by u.actor_id),
					top as (select a.id, a.name, c.incidents
					        from counts c join actor a on a.id = c.actor_id
					        -- Names (the tie-break) only for the actors that can make the top: ties at the cut included.
					        where c.incidents >= coalesce((select incidents from counts order by incidents desc
					                                       offset :top - 1 limit 1), 0)
					        order by c.incidents desc, a.name, a.id
					        limit :top)
					select count(*) filter (where in7),
					       coalesce(sum(e.fatalities) filter (where in7), 0),
					       coalesce(sum(e.wounded) filter (where in7), 0),
					       count(*) filter (where in7 and e.fatalities is null),
					       count(*) filter (where in7 and e.wounded is null),
					       count(*), coalesce(sum(e.fatalities), 0), coalesce(sum(e.wounded), 0),
					       count(*) filter (where e.fatalities is null), count(*) filter (where e.wounded is null),
					       (select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name, 'incidents', t.incidents)
					                                  order by t.incidents desc, t.name, t.id), '[]')::text
					        from top t)
					from e
					cross join lateral (select coalesce(e.end_day, e.day) >= :from7 as in7) w"""
				.formatted(WINDOW_ENTRIES, where.where()))
			.params(where.params())
			.params(Map.of("from7", from7, "from30", from30, "asOf", asOf))
			.param("top", TOP_ACTORS)
			.query((rs, row) -> new Situation.Incidents(
					new Situation.Window(from7, asOf, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
							rs.getLong(5)),
					new Situation.Window(from30, asOf, rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
							rs.getLong(10)),
					this.json.readValue(rs.getString(11), INVOLVED)))
			.single();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
