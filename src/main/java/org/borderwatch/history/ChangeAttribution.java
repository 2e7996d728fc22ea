package org.borderwatch.history;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who makes the changes of the current transaction, and why: the three transaction-local
 * settings that the history triggers read ({@code bw.actor}, {@code bw.role},
 * {@code bw.reason}). A write path that attributes its own changes (an importer) sets
 * them at the start of its transaction; the service's transactions that do not are
 * attributed to the caller of the request when their history is completed, just before
 * commit (see {@code HistoryRecords#renderPending}). Transaction-local
 * ({@code set_config(..., true)}), so that they never leak to the next user of a pooled
 * connection; a write made without them is attributed to the database role.
 */
public final class ChangeAttribution {

	/** The setting naming the principal (API key name, token subject, importer). */
	public static final String ACTOR = "bw.actor";

	/** The setting naming the principal's role. */
	public static final String ROLE = "bw.role";

	/** The setting carrying the caller's reason for the change. */
	public static final String REASON = "bw.reason";

	private ChangeAttribution() {
	}

	/**
	 * Attributes the changes of the current transaction; {@code role} and {@code reason}
	 * may be null. Must run inside the transaction, on its connection.
	 */
	public static void apply(JdbcClient jdbc, String actor, String role, String reason) {
		jdbc.sql("""
				select set_config('bw.actor', :actor, true), set_config('bw.role', :role, true),
				       set_config('bw.reason', :reason, true)""")
			.param("actor", actor == null ? "" : actor)
			.param("role", role == null ? "" : role)
			.param("reason", reason == null ? "" : reason)
			.query()
			.listOfRows();
	}

}
