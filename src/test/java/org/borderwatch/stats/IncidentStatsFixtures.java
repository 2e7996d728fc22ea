package org.borderwatch.stats;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.common.Uuids;

/**
 * Writes incidents, their actors and casualty figures with plain SQL, the way any writer
 * of the tables would, so that the statistics tests depend on the schema only.
 */
final class IncidentStatsFixtures {

	/**
	 * Every difference between the rollup tables and a GROUP BY over the raw tables (the
	 * weekly and monthly ones: over the daily one; the ongoing one: over every day after
	 * the first of each incident); none when the triggers kept them exact.
	 */
	static final String ROLLUP_DIFFERENCES = """
			with figures as (
			  select incident_id,
			    sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'KILLED') as sf_k,
			    sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'WOUNDED') as sf_w,
			    sum(best) filter (where category = 'CIVILIANS' and outcome = 'KILLED') as civ_k,
			    sum(best) filter (where category = 'CIVILIANS' and outcome = 'WOUNDED') as civ_w,
			    sum(best) filter (where category = 'MILITANTS' and outcome = 'KILLED') as mil_k,
			    sum(best) filter (where category = 'MILITANTS' and outcome = 'WOUNDED') as mil_w,
			    sum(best) filter (where category = 'UNKNOWN' and outcome = 'KILLED') as unk_k,
			    sum(best) filter (where category = 'UNKNOWN' and outcome = 'WOUNDED') as unk_w
			  from casualty_figure where claimant_actor_id is null group by incident_id),
			keyed as (
			  select i.id, i.effective_start as day,
			    coalesce((select string_agg(c, ',' order by c) from (select distinct unnest(i.countries) as c) s), '')
			      as country,
			    coalesce(i.admin1, '') as admin1, i.event_type, i.sub_event_type,
			    (i.fatalities is null)::int as f_nr, (i.wounded is null)::int as w_nr
			  from incident i),
			naive as (
			  select k.day, k.country, k.admin1, k.event_type, k.sub_event_type, count(*)::int as incidents,
			    coalesce(sum(f.sf_k), 0)::int as sf_k, coalesce(sum(f.sf_w), 0)::int as sf_w,
			    coalesce(sum(f.civ_k), 0)::int as civ_k, coalesce(sum(f.civ_w), 0)::int as civ_w,
			    coalesce(sum(f.mil_k), 0)::int as mil_k, coalesce(sum(f.mil_w), 0)::int as mil_w,
			    coalesce(sum(f.unk_k), 0)::int as unk_k, coalesce(sum(f.unk_w), 0)::int as unk_w,
			    sum(k.f_nr)::int as f_nr, sum(k.w_nr)::int as w_nr
			  from keyed k left join figures f on f.incident_id = k.id
			  group by 1, 2, 3, 4, 5),
			naive_by_country as (
			  select day, country, event_type, sub_event_type, sum(incidents)::int, sum(sf_k)::int, sum(sf_w)::int,
			    sum(civ_k)::int, sum(civ_w)::int, sum(mil_k)::int, sum(mil_w)::int, sum(unk_k)::int, sum(unk_w)::int,
			    sum(f_nr)::int, sum(w_nr)::int
			  from naive group by 1, 2, 3, 4),
			naive_by_actor as (
			  select a.actor_id, k.day, k.country, k.event_type, k.sub_event_type,
			    count(*)::int as incidents,
			    coalesce(sum(f.sf_k), 0)::int as sf_k, coalesce(sum(f.sf_w), 0)::int as sf_w,
			    coalesce(sum(f.civ_k), 0)::int as civ_k, coalesce(sum(f.civ_w), 0)::int as civ_w,
			    coalesce(sum(f.mil_k), 0)::int as mil_k, coalesce(sum(f.mil_w), 0)::int as mil_w,
			    coalesce(sum(f.unk_k), 0)::int as unk_k, coalesce(sum(f.unk_w), 0)::int as unk_w,
			    sum(k.f_nr)::int as f_nr, sum(k.w_nr)::int as w_nr
			  from (select distinct incident_id, actor_id from incident_actor) a
			  join keyed k on k.id = a.incident_id
			  left join figures f on f.incident_id = k.id
			  group by 1, 2, 3, 4, 5),
			naive_ongoing as (
			  select i.effective_start + g as day,
			    coalesce((select string_agg(c, ',' order by c) from (select distinct unnest(i.countries) as c) s), '')
			      as country,
			    i.event_type, count(*)::int as incidents
			  from incident i cross join lateral generate_series(1, i.effective_end - i.effective_start) g
			  group by 1, 2, 3),
			ongoing as (select * from incident_ongoing_rollup),
			by_actor as (select * from incident_actor_daily_rollup),
			by_admin1 as (select * from incident_daily_admin1_rollup),
			by_country as (select * from incident_daily_rollup),
			%s,
			%s
			select 'missing from admin1 rollup: ' || d::text from (select * from naive except select * from by_admin1) d
			union all
			select 'wrong in admin1 rollup: ' || d::text from (select * from by_admin1 except select * from naive) d
			union all
			select 'missing from rollup: ' || d::text from (select * from naive_by_country except select * from by_country) d
			union all
			select 'wrong in rollup: ' || d::text from (select * from by_country except select * from naive_by_country) d
			union all
			select 'missing from actor rollup: ' || d::text from (select * from naive_by_actor except select * from by_actor) d
			union all
			select 'wrong in actor rollup: ' || d::text from (select * from by_actor except select * from naive_by_actor) d
			union all
			select 'missing from weekly rollup: ' || d::text from (select * from daily_by_week except select * from weekly) d
			union all
			select 'wrong in weekly rollup: ' || d::text from (select * from weekly except select * from daily_by_week) d
			union all
			select 'missing from monthly rollup: ' || d::text from (select * from daily_by_month except select * from monthly) d
			union all
			select 'wrong in monthly rollup: ' || d::text from (select * from monthly except select * from daily_by_month) d
			union all
			select 'missing from ongoing rollup: ' || d::text from (select * from naive_ongoing except select * from ongoing) d
			union all
			select 'wrong in ongoing rollup: ' || d::text from (select * from ongoing except select * from naive_ongoing) d"""
		.formatted(periodRollups("week"), periodRollups("month"));

	/**
	 * For one period unit: the coarse rollup's rows ({@code weekly}, {@code monthly}) and
	 * the daily rollup summed by that period ({@code daily_by_week},
	 * {@code daily_by_month}), same columns.
	 */
	private static String periodRollups(String unit) {
		return """
				%1$sly as (select * from incident_%1$sly_rollup),
				daily_by_%1$s as (
				  select date_trunc('%1$s', day::timestamp)::date, country, event_type, sum(incidents)::int,
				    sum(security_forces_killed)::int, sum(security_forces_wounded)::int, sum(civilians_killed)::int,
				    sum(civilians_wounded)::int, sum(militants_killed)::int, sum(militants_wounded)::int,
				    sum(unknown_killed)::int, sum(unknown_wounded)::int, sum(fatalities_not_reported)::int,
				    sum(wounded_not_reported)::int
				  from by_country group by 1, 2, 3)""".formatted(unit);
	}

	private final JdbcClient jdbc;

	IncidentStatsFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> rollupDifferences() {
		return this.jdbc.sql(ROLLUP_DIFFERENCES).query(String.class).list();
	}

	UUID actor(String name) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into actor (id, name, kind, version, created_at, updated_at)
				values (:id, :name, 'NON_STATE_ARMED_GROUP', 0, :now, :now)""")
			.param("id", id)
			.param("name", name)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	UUID incident(LocalDate start, String country, String admin1, String type, String subType) {
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into incident (id, title, start_date, end_date, date_precision, event_type, sub_event_type,
				  admin1, country, verification, version, created_at, updated_at)
				values (:id, 'Statistics test incident', :start, :start, 'DAY', :type, :subType, :admin1, :country,
				  'REPORTED', 0, :now, :now)""")
			.params(Map.of("id", id, "start", start, "type", type, "subType", subType, "now",
					Timestamp.from(Instant.now())))
			.param("admin1", admin1)
			.param("country", country)
			.update();
		return id;
	}

	/** A curated figure (no claimant). */
	void figure(UUID incident, int position, String category, String outcome, int best) {
		claim(incident, position, category, outcome, best, null);
	}

	/** A figure claimed by {@code claimant}; curated when it is null. */
	void claim(UUID incident, int position, String category, String outcome, int best, UUID claimant) {
		this.jdbc
			.sql("""
					insert into casualty_figure (incident_id, position, category, outcome, low, best, high, claimant_actor_id)
					values (:incident, :position, :category, :outcome, null, :best, null, :claimant)""")
			.param("incident", incident)
			.param("position", position)
			.param("category", category)
			.param("outcome", outcome)
			.param("best", best)
			.param("claimant", claimant)
			.update();
	}

	void involve(UUID incident, int position, UUID actor, String role) {
		this.jdbc.sql("""
				insert into incident_actor (incident_id, position, actor_id, role)
				values (:incident, :position, :actor, :role)""")
			.param("incident", incident)
			.param("position", position)
			.param("actor", actor)
			.param("role", role)
			.update();
	}

	/**
	 * What Hibernate does to an element collection it rewrites: delete every row, insert
	 * the new ones.
	 */
	void clearFigures(UUID incident) {
		this.jdbc.sql("delete from casualty_figure where incident_id = :incident").param("incident", incident).update();
	}

	void update(String sql, Object... params) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		statement.update();
	}

}
