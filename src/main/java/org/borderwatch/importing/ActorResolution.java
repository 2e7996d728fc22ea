package org.borderwatch.importing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolves the actors a staged file names to stored actors, set-based, in the import's
 * transaction.
 * <p>
 * Rule: a dataset actor is the stored actor that carries its id in the dataset's
 * namespace ({@code actor_external_id}); failing that, the actor whose name or one of
 * whose aliases is its name (case ignored); failing that, a new actor with the kind the
 * dataset codes. Every resolved actor then carries the dataset id, so the next import
 * finds it by id even after an editor renames it. Re-imports never create an actor twice.
 */
final class ActorResolution {

	private ActorResolution() {
	}

	/**
	 * Fills {@code import_actor (key, name, kind, actor_id)} from the JSON column
	 * {@code column} of {@code stage}; answers the number of actors created.
	 */
	static long resolve(JdbcClient jdbc, String stage, String column, String namespace) {
		jdbc.sql("""
				create temporary table import_actor on commit drop as
				select distinct on (a ->> 'key') a ->> 'key' as key, a ->> 'name' as name, a ->> 'kind' as kind,
				       null::uuid as actor_id
				from %s s cross join lateral jsonb_array_elements(s.%s) a
				order by a ->> 'key', s.line""".formatted(stage, column)).update();
		jdbc.sql("""
				update import_actor t set actor_id = x.actor_id
				from actor_external_id x
				where x.dataset = :namespace and x.external_id = t.key""").param("namespace", namespace).update();
		jdbc.sql("""
				update import_actor t set actor_id = a.id
				from actor a
				where t.actor_id is null and lower(a.name) = lower(t.name)""").update();
		jdbc.sql("""
				update import_actor t set actor_id = (
				    select a.id from actor a
				    where exists (select 1 from unnest(a.aliases) alias where lower(alias) = lower(t.name))
				    order by a.id limit 1)
				where t.actor_id is null""").update();
		long created = jdbc.sql("""
				insert into actor (id, name, aliases, kind, version, created_at, updated_at)
				select bw_uuid_v7(), n.name, '{}', n.kind, 0, now(), now()
				from (select distinct on (lower(name)) name, kind from import_actor
				      where actor_id is null order by lower(name), key) n
				order by 1""").update();
		if (created > 0) {
			jdbc.sql("""
					update import_actor t set actor_id = a.id
					from actor a
					where t.actor_id is null and lower(a.name) = lower(t.name)""").update();
		}
		jdbc.sql("""
				insert into actor_external_id (actor_id, dataset, external_id)
				select actor_id, :namespace, key from import_actor
				order by key
				on conflict (dataset, external_id) do nothing""").param("namespace", namespace).update();
		jdbc.sql("create unique index on import_actor (key)").update();
		jdbc.sql("analyze import_actor").update();
		return created;
	}

}
