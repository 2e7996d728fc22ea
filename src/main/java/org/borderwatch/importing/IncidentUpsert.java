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
 * Rule: rows are planned as {@link ImportPlan} says. An update keeps what datasets do not
 * carry: claims, claimed figures and the verification status.
 * <p>
 * The read models stay right by the triggers of the tables written (statistics rollups,
 * history): statement-level ones see each statement's rows at once, so the incidents of a
 * file are counted in a few passes, not row by row. The incidents a file creates are
 * counted once more cheaply: their rollup triggers are deferred while they, their actors
 * and figures are inserted, and their whole contributions are added in one grouped pass
 * right after (V180). Timeline entries are written once, at the end: inserted for the
 * incidents created, refreshed for those updated.
 */
final class IncidentUpsert {

	static final String STAGE = "import_incident_stage";

	static final List<String> STAGE_COLUMNS = List.of("line", "row_hash", "external_id", "title", "description",
			"start_date", "end_date", "date_precision", "event_type", "sub_event_type", "place_name", "admin1",
			"admin2", "country", "latitude", "longitude", "geo_precision", "fatalities", "tags", "actors", "figures",
			"sources");

	/** The incidents the import creates, in id order. */
	private static final String CREATED = "select record_id from import_plan where action = 'CREATE' order by record_id";

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
	static ImportPlan.Counts apply(JdbcClient jdbc, ImportFormat format, UUID importId, UUID datasetSource,
			boolean overwrite) {
		ImportSteps steps = new ImportSteps();
		jdbc.sql("create index on import_incident_stage (external_id)").update();
		// statistics of the keys the statements join on only: sampling the large text
		// and JSON columns cost a second per 100,000 rows, for statistics no plan uses
		jdbc.sql("analyze import_incident_stage (line, external_id)").update();
		ImportPlan.Counts counts = ImportPlan.create(jdbc, STAGE, "incident", "INCIDENT", format.dataset(), overwrite);
		steps.done("plan");
		if (counts.created() + counts.updated() == 0) {
			return counts;
		}
		// the timeline entries of the file's incidents are computed once, below, rather
		// than once per statement that writes them (see V141); the rollups of the new
		// incidents too, in one grouped pass (see V180)
		jdbc.sql("select set_config('borderwatch.bulk', 'on', true)").query(String.class).single();
		// the foreign keys of new incidents' rows are checked once per table (see
		// NewIncidentReferences)
		boolean checkInBulk = counts.created() > 0 && NewIncidentReferences.checkableInBulk(jdbc);
		if (counts.created() > 0) {
			jdbc.sql("select set_config('borderwatch.defer_rollups', 'on', true)").query(String.class).single();
			jdbc.sql("""
					insert into incident (id, title, description, start_date, end_date, date_precision, event_type,
					                      sub_event_type, place_name, admin1, admin2, country, latitude, longitude,
					                      geo_precision, verification, tags, external_dataset, external_id, fatalities,
					                      wounded, version, created_at, updated_at)
					select p.record_id, s.title, s.description, s.start_date, s.end_date, s.date_precision,
					       s.event_type, s.sub_event_type, s.place_name, s.admin1, s.admin2, s.country, s.latitude,
					       s.longitude, s.geo_precision, 'REPORTED', array(select jsonb_array_elements_text(s.tags)),
					       :dataset, s.external_id, s.fatalities, 0, 0, now(), now()
					from import_incident_stage s join import_plan p on p.line = s.line
					where p.action = 'CREATE'
					order by p.record_id""").param("dataset", format.dataset()).update();
			steps.done("new incidents");
			if (checkInBulk) {
				NewIncidentReferences.lockReferenced(jdbc, datasetSource);
				NewIncidentReferences.rowChecks(jdbc, false);
			}
			insertActorsAndFigures(jdbc, "CREATE", datasetSource, steps);
			ImportPlan.linkSources(jdbc, STAGE, "incident_source", "incident_id", datasetSource, List.of("CREATE"));
			steps.done("sources");
			if (checkInBulk) {
				NewIncidentReferences.rowChecks(jdbc, true);
			}
			jdbc.sql("select set_config('borderwatch.defer_rollups', 'off', true)").query(String.class).single();
			jdbc.sql("select 1 from incident_rollup_add_incidents(array(%s))".formatted(CREATED))
				.query((rs, n) -> 1)
				.list();
			steps.done("their rollups");
		}
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
					where p.action = 'UPDATE' and i.id = p.record_id""").update();
			jdbc.sql("""
					delete from incident_actor ia using import_plan p
					where p.action = 'UPDATE' and ia.incident_id = p.record_id""").update();
			jdbc.sql("""
					delete from incident_source x using import_plan p
					where p.action = 'UPDATE' and x.incident_id = p.record_id""").update();
			jdbc.sql("""
					delete from casualty_figure f using import_plan p
					where p.action = 'UPDATE' and f.incident_id = p.record_id and f.claimant_actor_id is null""")
				.update();
			// claimed figures stay, after the new curated ones: positions run from 0
			// without gaps
			jdbc.sql("""
					update casualty_figure f
					set position = 1000000 + n.rank
					from (select f2.incident_id, f2.position,
					             row_number() over (partition by f2.incident_id order by f2.position) as rank
					      from casualty_figure f2 join import_plan p on p.record_id = f2.incident_id
					      where p.action = 'UPDATE') n
					where f.incident_id = n.incident_id and f.position = n.position""").update();
			insertActorsAndFigures(jdbc, "UPDATE", datasetSource, steps);
			jdbc.sql("""
					update casualty_figure f
					set position = jsonb_array_length(s.figures) + f.position - 1000001
					from import_plan p join import_incident_stage s on s.line = p.line
					where p.action = 'UPDATE' and f.incident_id = p.record_id and f.position >= 1000000""").update();
			ImportPlan.linkSources(jdbc, STAGE, "incident_source", "incident_id", datasetSource, List.of("UPDATE"));
			steps.done("updates");
		}
		ImportPlan.remember(jdbc, STAGE, "incident", "INCIDENT", format.dataset(), importId);
		steps.done("imported records");
		jdbc.sql("select set_config('borderwatch.bulk', 'off', true)").query(String.class).single();
		if (counts.created() > 0) {
			if (checkInBulk) {
				NewIncidentReferences.rowChecks(jdbc, false);
			}
			jdbc.sql("select 1 from timeline_insert_incidents(array(%s))".formatted(CREATED))
				.query((rs, n) -> 1)
				.list();
			steps.done("new timeline entries");
			if (checkInBulk) {
				NewIncidentReferences.rowChecks(jdbc, true);
				NewIncidentReferences.verify(jdbc);
				steps.done("references");
			}
		}
		if (counts.updated() > 0) {
			jdbc.sql("""
					select 1 from timeline_refresh_incidents(array(
					    select record_id from import_plan where action = 'UPDATE' order by record_id))""")
				.query((rs, n) -> 1)
				.list();
			steps.done("timeline refresh");
		}
		BulkSettings.mergeGinPendingLists(jdbc);
		steps.done("GIN pending lists");
		steps.log(importId);
		return counts;
	}

	/**
	 * Inserts the actors and curated figures of the incidents planned for {@code action}
	 * from their staged rows.
	 */
	private static void insertActorsAndFigures(JdbcClient jdbc, String action, UUID datasetSource, ImportSteps steps) {
		jdbc.sql("""
				insert into incident_actor (incident_id, position, actor_id, role)
				select incident_id, row_number() over (partition by incident_id order by ord) - 1, actor_id, role
				from (select distinct on (p.record_id, a.actor_id, o.x ->> 'role')
				             p.record_id as incident_id, a.actor_id, o.x ->> 'role' as role, o.ord
				      from import_plan p
				      join import_incident_stage s on s.line = p.line
				      cross join lateral jsonb_array_elements(s.actors) with ordinality o(x, ord)
				      join import_actor a on a.key = o.x ->> 'key'
				      where p.action = :action
				      order by p.record_id, a.actor_id, o.x ->> 'role', o.ord) d
				order by incident_id""").param("action", action).update();
		steps.done("actors");
		jdbc.sql("""
				insert into casualty_figure (incident_id, position, category, outcome, low, best, high, side_actor_id,
				                             source_id)
				select p.record_id, o.ord - 1, o.x ->> 'category', o.x ->> 'outcome', (o.x ->> 'low')::integer,
				       (o.x ->> 'best')::integer, (o.x ->> 'high')::integer, a.actor_id, :datasetSource
				from import_plan p
				join import_incident_stage s on s.line = p.line
				cross join lateral jsonb_array_elements(s.figures) with ordinality o(x, ord)
				left join import_actor a on a.key = o.x ->> 'side'
				where p.action = :action
				order by p.record_id, o.ord""").param("action", action).param("datasetSource", datasetSource).update();
		steps.done("figures");
	}

}
