package org.borderwatch.importing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Says who writes, in which role and why, for the history the database records of every
 * write: transaction-local settings ({@code set_config(..., true)}), so they end with the
 * import's transaction and never leak to the next user of the pooled connection.
 */
final class ImportAttribution {

	private ImportAttribution() {
	}

	static void set(JdbcClient jdbc, String actor, String role, String reason) {
		jdbc.sql("""
				select set_config('bw.actor', :actor, true), set_config('bw.role', :role, true),
				       set_config('bw.reason', :reason, true)""")
			.param("actor", actor)
			.param("role", role)
			.param("reason", reason)
			.query()
			.listOfRows();
	}

}
