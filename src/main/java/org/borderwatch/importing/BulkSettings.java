package org.borderwatch.importing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings of an import's transaction, transaction-local: no other transaction, and no
 * later use of the pooled connection, sees them.
 * <p>
 * The set-based statements of an import sort and hash every row of the file at once
 * (actors and figures by incident, timeline entries and facets by key); with the default
 * {@code work_mem} those sorts spill to temporary files.
 * <p>
 * A GIN index (the incidents' search vector, tags and countries, the timeline's search
 * vector) takes new entries into its pending list and merges the list into its tree when
 * the list grows past {@code gin_pending_list_limit}, 4MB by default: every few thousand
 * incidents, each merge visiting again the posting lists of the same frequent words and
 * countries. With a larger limit the import merges a few times in large sorted batches
 * (the merge during inserts sorts in {@code work_mem}), and {@link #mergeGinPendingLists}
 * merges what is left before the import commits, so neither searches (which scan the
 * pending list row by row) nor the next ordinary write (which would merge it under the
 * default limit) pay for a large list after the import.
 */
final class BulkSettings {

	/**
	 * Merges the pending lists of the GIN indexes an import of incidents fills (those of
	 * {@code incident}, {@code timeline_entry} and {@code actor}) into their trees.
	 */
	private static final String MERGE_GIN_PENDING_LISTS = """
			select gin_clean_pending_list(i.indexrelid)
			from pg_index i
			join pg_class c on c.oid = i.indexrelid
			join pg_am a on a.oid = c.relam
			where a.amname = 'gin'
			  and i.indrelid in ('incident'::regclass, 'timeline_entry'::regclass, 'actor'::regclass)
			  and pg_has_role(c.relowner, 'USAGE')""";

	private BulkSettings() {
	}

	static void apply(JdbcClient jdbc) {
		jdbc.sql("select set_config('work_mem', '64MB', true)").query(String.class).single();
		jdbc.sql("select set_config('gin_pending_list_limit', '64MB', true)").query(String.class).single();
		// gin_clean_pending_list merges in maintenance_work_mem
		jdbc.sql("select set_config('maintenance_work_mem', '128MB', true)").query(String.class).single();
	}

	/**
	 * Merges the pending lists of the GIN indexes the import filled into their trees.
	 * Only indexes the database role owns (the function requires it, as VACUUM does);
	 * others are left to autovacuum.
	 */
	static void mergeGinPendingLists(JdbcClient jdbc) {
		jdbc.sql(MERGE_GIN_PENDING_LISTS).query((rs, n) -> rs.getLong(1)).list();
	}

}
