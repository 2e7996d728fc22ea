package org.borderwatch.importing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds or creates the sources a staged file cites, set-based. Rule: a cited source
 * without a url is the stored source of the same publisher and title (case ignored); the
 * dataset itself is one source of kind DATASET per release, cited by every record the
 * import writes and by its casualty figures.
 */
final class SourceResolution {

	private SourceResolution() {
	}

	/** The DATASET source of this format and release, created on first use. */
	static UUID datasetSource(JdbcClient jdbc, ImportFormat format, String datasetVersion) {
		String title = format.title() + ((datasetVersion != null) ? ", version " + datasetVersion : "");
		return jdbc.sql("""
				select id from source
				where kind = 'DATASET' and url is null and lower(publisher) = lower(:publisher)
				  and lower(title) = lower(:title)
				order by id limit 1""")
			.param("publisher", format.publisher())
			.param("title", title)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> jdbc.sql("""
					insert into source (id, publisher, title, kind, version, created_at, updated_at)
					values (bw_uuid_v7(), :publisher, :title, 'DATASET', 0, now(), now())
					returning id""")
				.param("publisher", format.publisher())
				.param("title", title)
				.query(UUID.class)
				.single());
	}

	/**
	 * Fills {@code import_source (publisher, title, source_id)} from the JSON column
	 * {@code sources} of {@code stage}.
	 */
	static void resolve(JdbcClient jdbc, String stage) {
		jdbc.sql("""
				create temporary table import_source on commit drop as
				select distinct on (lower(x ->> 'publisher'), lower(x ->> 'title'))
				       x ->> 'publisher' as publisher, x ->> 'title' as title, x ->> 'kind' as kind,
				       (x ->> 'url') as url, null::uuid as source_id
				from %s s cross join lateral jsonb_array_elements(s.sources) x
				order by lower(x ->> 'publisher'), lower(x ->> 'title'), s.line""".formatted(stage)).update();
		jdbc.sql("""
				update import_source t set source_id = s.id
				from source s
				where t.url is not null and s.url = t.url""").update();
		jdbc.sql("""
				update import_source t set source_id = (
				    select s.id from source s
				    where lower(s.publisher) = lower(t.publisher) and lower(s.title) = lower(t.title)
				      and (s.url is null or s.url = t.url)
				    order by s.id limit 1)
				where t.source_id is null""").update();
		jdbc.sql("update import_source set source_id = bw_uuid_v7() where source_id is null").update();
		jdbc.sql("""
				insert into source (id, publisher, title, url, kind, version, created_at, updated_at)
				select t.source_id, t.publisher, t.title, t.url, t.kind, 0, now(), now()
				from import_source t
				where not exists (select 1 from source s where s.id = t.source_id)
				order by t.source_id
				on conflict do nothing""").update();
		// a url another source already holds: cite that one
		jdbc.sql("""
				update import_source t set source_id = s.id
				from source s
				where t.url is not null and s.url = t.url and s.id <> t.source_id""").update();
		jdbc.sql("create index on import_source (lower(publisher), lower(title))").update();
		jdbc.sql("analyze import_source").update();
	}

}
