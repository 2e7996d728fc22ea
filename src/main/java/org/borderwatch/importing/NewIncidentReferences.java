package org.borderwatch.importing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the foreign keys of the rows an import writes for the incidents it creates
 * (their actors, curated figures, source links, timeline facets) once per table,
 * set-based, instead of once per row.
 * <p>
 * A foreign key is checked by a trigger on every inserted row: a look-up of the
 * referenced row that also locks it against a concurrent delete. Imports wrote five rows
 * and more per incident, and those checks cost more than the inserts themselves. For rows
 * that hang off incidents the import created in the same transaction, both halves can be
 * done in bulk:
 * <ul>
 * <li>the referenced actors and sources are locked first ({@code FOR KEY SHARE}, what the
 * per-row check takes), in id order, so none can be deleted before the import commits;
 * the new incidents are invisible to every other transaction and need no lock;</li>
 * <li>the rows are inserted with the row triggers off
 * ({@code session_replication_role = replica}, transaction-local, switched back to
 * {@code origin} right after): the tables written this way have no other trigger that
 * acts on inserts of new incidents' rows (rollups are deferred, the timeline is written
 * at the end);</li>
 * <li>then each foreign key of those tables is verified with one anti-join over the new
 * incidents' rows. A reference to nothing fails the import, which rolls back whole: no
 * row that the per-row checks would have refused can be committed.</li>
 * </ul>
 * Rule: this is used only where the database role may set
 * {@code session_replication_role} (a superuser, as in embedded mode, or a role granted
 * {@code SET} on it); elsewhere the per-row checks stay.
 */
final class NewIncidentReferences {

	/** The incidents the import creates. */
	private static final String NEW = "select record_id from import_plan where action = 'CREATE'";

	private NewIncidentReferences() {
	}

	/** Whether the role may switch the per-row checks off for its own transaction. */
	static boolean checkableInBulk(JdbcClient jdbc) {
		return Boolean.TRUE.equals(jdbc.sql("select has_parameter_privilege('session_replication_role', 'SET')")
			.query(Boolean.class)
			.single());
	}

	/** Locks the actors and sources the file references, as the per-row checks would. */
	static void lockReferenced(JdbcClient jdbc, UUID datasetSource) {
		jdbc.sql("select id from actor where id in (select actor_id from import_actor) order by id for key share")
			.query(UUID.class)
			.list();
		jdbc.sql("""
				select id from source
				where id in (select source_id from import_source union all select :datasetSource)
				order by id for key share""").param("datasetSource", datasetSource).query(UUID.class).list();
	}

	/** Switches the row triggers of this transaction off ({@code false}) or on again. */
	static void rowChecks(JdbcClient jdbc, boolean on) {
		jdbc.sql("select set_config('session_replication_role', :role, true)")
			.param("role", on ? "origin" : "replica")
			.query(String.class)
			.single();
	}

	/**
	 * Verifies every foreign key of the rows written for new incidents; throws when one
	 * references nothing.
	 */
	static void verify(JdbcClient jdbc) {
		long dangling = jdbc.sql("""
				select (select count(*) from incident_actor x
				        where x.incident_id in (%1$s)
				          and (not exists (select 1 from incident i where i.id = x.incident_id)
				               or not exists (select 1 from actor a where a.id = x.actor_id)))
				     + (select count(*) from casualty_figure x
				        where x.incident_id in (%1$s)
				          and (not exists (select 1 from incident i where i.id = x.incident_id)
				               or (x.side_actor_id is not null
				                   and not exists (select 1 from actor a where a.id = x.side_actor_id))
				               or (x.claimant_actor_id is not null
				                   and not exists (select 1 from actor a where a.id = x.claimant_actor_id))
				               or (x.source_id is not null
				                   and not exists (select 1 from source s where s.id = x.source_id))))
				     + (select count(*) from incident_source x
				        where x.incident_id in (%1$s)
				          and (not exists (select 1 from incident i where i.id = x.incident_id)
				               or not exists (select 1 from source s where s.id = x.source_id)))
				     + (select count(*) from timeline_facet x
				        where x.kind = 'INCIDENT' and x.record_id in (%1$s)
				          and not exists (select 1 from timeline_entry e
				                          where e.kind = x.kind and e.record_id = x.record_id))""".formatted(NEW))
			.query(Long.class)
			.single();
		if (dangling > 0) {
			throw new IllegalStateException(dangling + " rows written for new incidents reference nothing");
		}
	}

}
