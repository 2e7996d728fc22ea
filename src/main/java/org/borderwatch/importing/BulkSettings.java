package org.borderwatch.importing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings of an import's transaction, transaction-local: no other transaction, and no
 * later use of the pooled connection, sees them. The set-based statements of an import
 * sort and hash every row of the file at once (actors and figures by incident, timeline
 * entries and facets by key); with the default {@code work_mem} those sorts spill to
 * temporary files.
 */
final class BulkSettings {

	private BulkSettings() {
	}

	static void apply(JdbcClient jdbc) {
		jdbc.sql("select set_config('work_mem', '64MB', true)").query(String.class).single();
	}

}
