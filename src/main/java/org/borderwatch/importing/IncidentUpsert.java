package org.borderwatch.importing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a staged file of incidents with a handful of set-based statements: plan each row
 * (create, update, unchanged, conflict), insert the new incidents, update the changed
 * ones, replace their actors, curated figures and sources, and remember what was
 * imported.
 * <p>
 * Rule: a row whose content is what the last import of its record wrote is unchanged,
 * whatever happened since. A row that differs updates the record when the record still
 * has the version that import left it at; otherwise the record was edited in BorderWatch
 * since, and the row is a conflict: kept, unless the import overwrites. A record that
 * carries the external reference but was never imported (entered by hand) is a conflict
 * too. An update keeps what datasets do not carry: claims, claimed figures and the
 * verification status.
 * <p>
 * The read models stay right by the triggers of the tables written (timeline, statistics
 * rollups, history): statement-level ones see each statement's rows at once, so the
 * incidents of a file are refreshed in a few passes, not row by row.
 */
final class IncidentUpsert {

	static final String STAGE = "import_incident_stage";

	static final List<String> STAGE_COLUMNS = List.of("line", "row_hash", "external_id", "title", "description",
			"start_date", "end_date", "date_precision", "event_type", "sub_event_type", "place_name", "admin1",
			"admin2", "country", "latitude", "longitude", "geo_precision", "fatalities", "tags", "actors", "figures",
			"sources");

	private IncidentUpsert() {
	}

	static void createStage(JdbcClient jdbc) {
		jdbc.sql("""
				create temporary table import_incident_stage (
				    line bigint not null, row_hash text not null, external_id text not null, title text not null,
				    description text, start_date date not null, end_date date not null, date_precision text not null,
				    event_type text not null, sub_event_type text not null, place_name text, admin1 text, admin2 text,
				    country text, latitude double precision, longitude double precision, geo_precision text,
				    fatalities integer not null, tags jsonb not null, actors jsonb not null, figures jsonb not null,
				    sources jsonb not null
				) on commit drop""").update();
	}

	/** The COPY statement that fills the stage. */
	static String copySql() {
		return "copy " + STAGE + " (" + String.join(", ", STAGE_COLUMNS) + ") from stdin";
	}

	/** Writes the staged rows; answers created, updated, unchanged, conflicts. */
	static Counts apply(JdbcClient jdbc, ImportFormat format, UUID importId, UUID datasetSource, boolean overwrite) {
		jdbc.sql("create index on import_incident_stage (external_id)").update();
		jdbc.sql("analyze import_incident_stage").update();
		jdbc.sql("""
				create temporary table import_plan on commit drop as
				select s.line, s.external_id, coalesce(i.id, bw_uuid_v7()) as incident_id,
				       case when i.id is null then 'CREATE'
				            when r.row_hash = s.row_hash then 'UNCHANGED'
				            when r.record_version = i.version or :overwrite then 'UPDATE'
				            else 'CONFLICT' end as action
				from import_incident_stage s
				left join incident i on i.external_dataset = :dataset and i.external_id = s.external_id
				left join imported_record r on r.record_kind = 'INCIDENT' and r.dataset = :dataset
				                            and r.external_id = s.external_id""")
			.param("dataset", format.dataset())
			.param("overwrite", overwrite)
			.update();
		jdbc.sql("create unique index on import_plan (line)").update();
		jdbc.sql("analyze import_plan").update();
		Counts counts = jdbc.sql("""
				select count(*) filter (where action = 'CREATE') as created,
				       count(*) filter (where action = 'UPDATE') as updated,
				       count(*) filter (where action = 'UNCHANGED') as unchanged,
				       count(*) filter (where action = 'CONFLICT') as conflicts
				from import_plan""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
		if (counts.created() + counts.updated() == 0) {
			return counts;
		}
		jdbc.sql("""
				insert into incident (id, title, description, start_date, end_date, date_precision, event_type,
				                      sub_event_type, place_name, admin1, admin2, country, latitude, longitude,
				                      geo_precision, verification, tags, external_dataset, external_id, fatalities,
				                      wounded, version, created_at, updated_at)
				select p.incident_id, s.title, s.description, s.start_date, s.end_date, s.date_precision, s.event_type,
				       s.sub_event_type, s.place_name, s.admin1, s.admin2, s.country, s.latitude, s.longitude,
				       s.geo_precision, 'REPORTED', array(select jsonb_array_elements_text(s.tags)), :dataset,
				       s.external_id, s.fatalities, 0, 0, now(), now()
				from import_incident_stage s join import_plan p on p.line = s.line
				where p.action = 'CREATE'
				order by p.incident_id""").param("dataset", format.dataset()).update();
		if (counts.updated() > 0) {
			jdbc.sql("""
					update incident i
					set title = s.title, description = s.description, start_date = s.start_date,
					    end_date = s.end_date, date_precision = s.date_precision, event_type = s.event_type,
					    sub_event_type = s.sub_event_type, place_name = s.place_name, admin1 = s.admin1,
					    admin2 = s.admin2, country = s.country, latitude = s.latitude, longitude = s.longitude,
					    geo_precision = s.geo_precision, tags = array(select jsonb_array_elements_text(s.tags)),
					    fatalities = s.fatalities, version = i.version + 1, updated_at = now()
					from import_incident_stage s join import_plan p on p.line = s.line
					where p.action = 'UPDATE' and i.id = p.incident_id""").update();
			jdbc.sql("""
					delete from incident_actor ia using import_plan p
					where p.action = 'UPDATE' and ia.incident_id = p.incident_id""").update();
			jdbc.sql("""
					delete from incident_source x using import_plan p
					where p.action = 'UPDATE' and x.incident_id = p.incident_id""").update();
			jdbc.sql("""
					delete from casualty_figure f using import_plan p
					where p.action = 'UPDATE' and f.incident_id = p.incident_id and f.claimant_actor_id is null""")
				.update();
			// claimed figures stay, after the new curated ones: positions run from 0
			// without gaps
			jdbc.sql("""
					update casualty_figure f
					set position = 1000000 + n.rank
					from (select f2.incident_id, f2.position,
					             row_number() over (partition by f2.incident_id order by f2.position) as rank
					      from casualty_figure f2 join import_plan p on p.incident_id = f2.incident_id
					      where p.action = 'UPDATE') n
					where f.incident_id = n.incident_id and f.position = n.position""").update();
		}
		jdbc.sql("""
				insert into incident_actor (incident_id, position, actor_id, role)
				select incident_id, row_number() over (partition by incident_id order by ord) - 1, actor_id, role
				from (select distinct on (p.incident_id, a.actor_id, o.x ->> 'role')
				             p.incident_id, a.actor_id, o.x ->> 'role' as role, o.ord
				      from import_plan p
				      join import_incident_stage s on s.line = p.line
				      cross join lateral jsonb_array_elements(s.actors) with ordinality o(x, ord)
				      join import_actor a on a.key = o.x ->> 'key'
				      where p.action in ('CREATE', 'UPDATE')
				      order by p.incident_id, a.actor_id, o.x ->> 'role', o.ord) d
				order by incident_id""").update();
		jdbc.sql("""
				insert into casualty_figure (incident_id, position, category, outcome, low, best, high, side_actor_id,
				                             source_id)
				select p.incident_id, o.ord - 1, o.x ->> 'category', o.x ->> 'outcome', (o.x ->> 'low')::integer,
				       (o.x ->> 'best')::integer, (o.x ->> 'high')::integer, a.actor_id, :datasetSource
				from import_plan p
				join import_incident_stage s on s.line = p.line
				cross join lateral jsonb_array_elements(s.figures) with ordinality o(x, ord)
				left join import_actor a on a.key = o.x ->> 'side'
				where p.action in ('CREATE', 'UPDATE')
				order by p.incident_id, o.ord""").param("datasetSource", datasetSource).update();
		if (counts.updated() > 0) {
			jdbc.sql("""
					update casualty_figure f
					set position = jsonb_array_length(s.figures) + f.position - 1000001
					from import_plan p join import_incident_stage s on s.line = p.line
					where p.action = 'UPDATE' and f.incident_id = p.incident_id and f.position >= 1000000""").update();
		}
		jdbc.sql(
				"""
						insert into incident_source (incident_id, source_id)
						select p.incident_id, :datasetSource
						from import_plan p where p.action in ('CREATE', 'UPDATE')
						union
						select p.incident_id, t.source_id
						from import_plan p
						join import_incident_stage s on s.line = p.line
						cross join lateral jsonb_array_elements(s.sources) x
						join import_source t on lower(t.publisher) = lower(x ->> 'publisher') and lower(t.title) = lower(x ->> 'title')
						where p.action in ('CREATE', 'UPDATE')
						order by 1, 2""")
			.param("datasetSource", datasetSource)
			.update();
		jdbc.sql("""
				insert into imported_record (record_kind, dataset, external_id, record_id, row_hash, record_version,
				                             import_id)
				select 'INCIDENT', :dataset, s.external_id, i.id, s.row_hash, i.version, :importId
				from import_plan p
				join import_incident_stage s on s.line = p.line
				join incident i on i.id = p.incident_id
				where p.action in ('CREATE', 'UPDATE')
				order by 1, 2, 3
				on conflict (record_kind, dataset, external_id) do update
				    set record_id = excluded.record_id, row_hash = excluded.row_hash,
				        record_version = excluded.record_version, import_id = excluded.import_id""")
			.param("dataset", format.dataset())
			.param("importId", importId)
			.update();
		return counts;
	}

	/** External ids of the first rows in conflict. */
	static List<String> conflictIds(JdbcClient jdbc, int limit) {
		return jdbc.sql("select external_id from import_plan where action = 'CONFLICT' order by line limit :limit")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	record Counts(long created, long updated, long unchanged, long conflicts) {
	}

}
