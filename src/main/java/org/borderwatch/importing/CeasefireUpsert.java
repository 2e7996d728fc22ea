package org.borderwatch.importing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a staged file of ceasefires (from peace agreements), set-based, with the same
 * plan as incidents: create, update, unchanged or conflict (see {@link ImportPlan}).
 * <p>
 * Rule: ceasefire names are unique; an agreement whose name another ceasefire already
 * holds (or another agreement of the same file) is named with its dataset and id added,
 * {@code Ceasefire Agreement (PA-X 1234)}. An update replaces the parties and keeps what
 * an editor added that the dataset does not carry (mediators, violations, the talks
 * round).
 */
final class CeasefireUpsert {

	static final String STAGE = "import_ceasefire_stage";

	static final List<String> STAGE_COLUMNS = List.of("line", "row_hash", "external_id", "name", "agreed_on",
			"ended_on", "status", "arrangement", "terms", "scope", "parties", "sources");

	private CeasefireUpsert() {
	}

	static void createStage(JdbcClient jdbc) {
		jdbc.sql("""
				create temporary table import_ceasefire_stage (
				    line bigint not null, row_hash text not null, external_id text not null, name text not null,
				    agreed_on date not null, ended_on date, status text not null, arrangement text not null,
				    terms text, scope text, parties jsonb not null, sources jsonb not null
				) on commit drop""").update();
	}

	static String copySql() {
		return "copy " + STAGE + " (" + String.join(", ", STAGE_COLUMNS) + ") from stdin";
	}

	static ImportPlan.Counts apply(JdbcClient jdbc, ImportFormat format, UUID importId, UUID datasetSource,
			boolean overwrite) {
		jdbc.sql("analyze import_ceasefire_stage (line, external_id)").update();
		ImportPlan.Counts counts = ImportPlan.create(jdbc, STAGE, "ceasefire", "CEASEFIRE", format.dataset(),
				overwrite);
		if (counts.created() + counts.updated() == 0) {
			return counts;
		}
		jdbc.sql("""
				update import_ceasefire_stage s
				set name = s.name || ' (' || :dataset || ' ' || s.external_id || ')'
				from import_plan p
				where p.line = s.line and p.action in ('CREATE', 'UPDATE')
				  and (exists (select 1 from ceasefire c
				               where lower(c.name) = lower(s.name) and c.id <> p.record_id)
				       or exists (select 1 from import_ceasefire_stage o
				                  where lower(o.name) = lower(s.name) and o.line <> s.line))""")
			.param("dataset", format.dataset())
			.update();
		jdbc.sql("""
				insert into ceasefire (id, name, arrangement, form, agreed_on, effective_from, ended_on,
				                       date_precision, status, terms, scope, external_dataset, external_id, version,
				                       created_at, updated_at)
				select p.record_id, s.name, s.arrangement, 'WRITTEN', s.agreed_on, s.agreed_on, s.ended_on, 'DAY',
				       s.status, s.terms, s.scope, :dataset, s.external_id, 0, now(), now()
				from import_ceasefire_stage s join import_plan p on p.line = s.line
				where p.action = 'CREATE'
				order by p.record_id""").param("dataset", format.dataset()).update();
		if (counts.updated() > 0) {
			jdbc.sql("""
					update ceasefire c
					set name = s.name, arrangement = s.arrangement, agreed_on = s.agreed_on,
					    effective_from = s.agreed_on, ended_on = s.ended_on, status = s.status, terms = s.terms,
					    scope = s.scope, version = c.version + 1, updated_at = now()
					from import_ceasefire_stage s join import_plan p on p.line = s.line
					where p.action = 'UPDATE' and c.id = p.record_id""").update();
			jdbc.sql("""
					delete from ceasefire_party x using import_plan p
					where p.action = 'UPDATE' and x.ceasefire_id = p.record_id""").update();
			jdbc.sql("""
					delete from ceasefire_source x using import_plan p
					where p.action = 'UPDATE' and x.ceasefire_id = p.record_id""").update();
		}
		jdbc.sql("""
				insert into ceasefire_party (ceasefire_id, actor_id)
				select distinct p.record_id, a.actor_id
				from import_plan p
				join import_ceasefire_stage s on s.line = p.line
				cross join lateral jsonb_array_elements(s.parties) x
				join import_actor a on a.key = x ->> 'key'
				where p.action in ('CREATE', 'UPDATE')
				order by 1, 2""").update();
		ImportPlan.linkSources(jdbc, STAGE, "ceasefire_source", "ceasefire_id", datasetSource);
		ImportPlan.remember(jdbc, STAGE, "ceasefire", "CEASEFIRE", format.dataset(), importId);
		return counts;
	}

}
