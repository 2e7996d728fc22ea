package org.borderwatch.importing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conflict bookkeeping every kind of imported record shares: which staged rows
 * create, update, leave unchanged or conflict with a record, and what each import wrote,
 * so that the next one can tell.
 * <p>
 * Rule: a row whose content is what the last import of its record wrote is unchanged,
 * whatever happened since. A row that differs updates the record when the record still
 * has the version that import left it at; otherwise the record was edited in BorderWatch
 * since, and the row is a conflict: kept, unless the import overwrites. A record that
 * carries the external reference but was never imported (entered by hand) is a conflict
 * too.
 */
final class ImportPlan {

	private ImportPlan() {
	}

	/**
	 * Plans each row of {@code stage} against {@code table} (its records of the dataset
	 * keyed by external id) into the temporary table {@code import_plan}: line, external
	 * id, record id (a new one for a create) and action.
	 */
	static Counts create(JdbcClient jdbc, String stage, String table, String recordKind, String dataset,
			boolean overwrite) {
		jdbc.sql("""
				create temporary table import_plan on commit drop as
				select s.line, s.external_id, coalesce(t.id, bw_uuid_v7()) as record_id,
				       case when t.id is null then 'CREATE'
				            when r.row_hash = s.row_hash then 'UNCHANGED'
				            when r.record_version = t.version or :overwrite then 'UPDATE'
				            else 'CONFLICT' end as action
				from %1$s s
				left join %2$s t on t.external_dataset = :dataset and t.external_id = s.external_id
				left join imported_record r on r.record_kind = :kind and r.dataset = :dataset
				                            and r.external_id = s.external_id""".formatted(stage, table))
			.param("dataset", dataset)
			.param("kind", recordKind)
			.param("overwrite", overwrite)
			.update();
		jdbc.sql("create unique index on import_plan (line)").update();
		jdbc.sql("analyze import_plan").update();
		return jdbc.sql("""
				select count(*) filter (where action = 'CREATE'), count(*) filter (where action = 'UPDATE'),
				       count(*) filter (where action = 'UNCHANGED'), count(*) filter (where action = 'CONFLICT')
				from import_plan""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * Remembers, for each created or updated record, the row's hash and the version the
	 * import left the record at.
	 */
	static void remember(JdbcClient jdbc, String stage, String table, String recordKind, String dataset,
			UUID importId) {
		jdbc.sql("""
				insert into imported_record (record_kind, dataset, external_id, record_id, row_hash, record_version,
				                             import_id)
				select :kind, :dataset, s.external_id, t.id, s.row_hash, t.version, :importId
				from import_plan p
				join %1$s s on s.line = p.line
				join %2$s t on t.id = p.record_id
				where p.action in ('CREATE', 'UPDATE')
				order by 1, 2, 3
				on conflict (record_kind, dataset, external_id) do update
				    set record_id = excluded.record_id, row_hash = excluded.row_hash,
				        record_version = excluded.record_version, import_id = excluded.import_id""".formatted(stage,
				table))
			.param("kind", recordKind)
			.param("dataset", dataset)
			.param("importId", importId)
			.update();
	}

	/**
	 * Links each created or updated record to the dataset's own source record and to the
	 * sources its row names (staged as {@code {publisher, title}} objects), in key order.
	 */
	static void linkSources(JdbcClient jdbc, String stage, String linkTable, String recordColumn, UUID datasetSource) {
		linkSources(jdbc, stage, linkTable, recordColumn, datasetSource, List.of("CREATE", "UPDATE"));
	}

	/** Links the records of the rows planned for one of {@code actions}, as above. */
	static void linkSources(JdbcClient jdbc, String stage, String linkTable, String recordColumn, UUID datasetSource,
			List<String> actions) {
		jdbc.sql(
				"""
						insert into %2$s (%3$s, source_id)
						select p.record_id, :datasetSource
						from import_plan p where p.action in (:actions)
						union
						select p.record_id, t.source_id
						from import_plan p
						join %1$s s on s.line = p.line
						cross join lateral jsonb_array_elements(s.sources) x
						join import_source t on lower(t.publisher) = lower(x ->> 'publisher') and lower(t.title) = lower(x ->> 'title')
						where p.action in (:actions)
						order by 1, 2"""
					.formatted(stage, linkTable, recordColumn))
			.param("datasetSource", datasetSource)
			.param("actions", actions)
			.update();
	}

	/** External ids of the first rows in conflict. */
	static List<String> conflictIds(JdbcClient jdbc, int limit) {
		return jdbc.sql("select external_id from import_plan where action = 'CONFLICT' order by line limit :limit")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** What the rows of a file do. */
	record Counts(long created, long updated, long unchanged, long conflicts) {
	}

}
