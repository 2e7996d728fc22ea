package org.borderwatch.history;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Completes the history of every read-write transaction of the service: just before
 * commit, the entries the triggers wrote get the caller and the reason, the records as
 * the API serves them, and the merge patches between those, all in one statement; after
 * the commit of a transaction that recorded changes, the {@link CommittedChangeListener}s
 * are told.
 * <p>
 * The caller is not put into the transaction-local settings the triggers read (a
 * statement, and a round trip, of its own at the start of every write): the triggers
 * attribute the entries to the database role, and the completion puts the caller in their
 * place, unless the transaction attributed its changes itself ({@link ChangeAttribution},
 * as the importers do).
 * <p>
 * Done around the transaction rather than in each service, so that no write path of the
 * service can forget it; the triggers catch the paths that bypass the service (bulk SQL),
 * which then carry no rendered record unless they call {@link HistoryRecords}.
 */
@Component
class HistoryTransactions implements TransactionExecutionListener, SmartInitializingSingleton {

	/** The request header carrying the caller's reason for a write. */
	static final String REASON_HEADER = "X-Change-Reason";

	private final JdbcClient jdbc;

	private final ObjectProvider<ChangeAuthorSource> authors;

	private final ObjectProvider<HistoryRecords> records;

	private final ObjectProvider<EntityManagerFactory> entityManagers;

	private final ObjectProvider<CommittedChangeListener> committedListeners;

	/**
	 * The collaborators above, looked up once every singleton exists: asking the bean
	 * factory in every transaction was a few percent of a write request's CPU time. Null
	 * until then (transactions during start-up ask the providers).
	 */
	private volatile Resolved resolved;

	HistoryTransactions(JdbcClient jdbc, ObjectProvider<ChangeAuthorSource> authors,
			ObjectProvider<HistoryRecords> records, ObjectProvider<EntityManagerFactory> entityManagers,
			ObjectProvider<CommittedChangeListener> committedListeners) {
		this.jdbc = jdbc;
		this.authors = authors;
		this.records = records;
		this.entityManagers = entityManagers;
		this.committedListeners = committedListeners;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.resolved = new Resolved(this.authors.getIfAvailable(), this.records.getObject(),
				this.entityManagers.getIfAvailable(), this.committedListeners.orderedStream().toList());
	}

	private Resolved resolved() {
		Resolved current = this.resolved;
		return (current != null) ? current : new Resolved(this.authors.getIfAvailable(), this.records.getObject(),
				this.entityManagers.getIfAvailable(), this.committedListeners.orderedStream().toList());
	}

	@Override
	public void beforeCommit(TransactionExecution transaction) {
		if (!writes(transaction) || transaction.isRollbackOnly()) {
			return;
		}
		// The triggers write on flush: whatever JPA still holds must reach the tables
		// first.
		Resolved current = resolved();
		EntityManagerFactory factory = current.entityManagers();
		EntityManager manager = (factory != null) ? EntityManagerFactoryUtils.getTransactionalEntityManager(factory)
				: null;
		if (manager != null) {
			manager.flush();
		}
		ChangeAuthorSource source = current.authors();
		ChangeAuthor author = (source != null) ? source.current() : ChangeAuthor.SYSTEM;
		int rendered = current.records().renderPending(author, currentReason());
		if (manager != null) {
			// Completing the entries only reads entities: the session is as clean as the
			// flush above left it, and the commit right after this listener would only
			// check every entity for changes once more. The session ends with the
			// transaction (no open session in view); one that outlives it is set back to
			// AUTO by the next transaction's begin.
			manager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
		}
		tellListenersAfterCommit(current.committedListeners(), rendered > 0);
	}

	/**
	 * Tells the listeners once the transaction has committed, if it recorded changes:
	 * told earlier, they would announce changes that nobody can see yet, or that never
	 * happen.
	 */
	private void tellListenersAfterCommit(List<CommittedChangeListener> listeners, boolean completedEntries) {
		// Completed entries prove changes were recorded; only a transaction that
		// completed
		// none (deletes only, bulk imports, nothing written) needs to ask the database.
		if (!TransactionSynchronizationManager.isSynchronizationActive() || listeners.isEmpty()
				|| (!completedEntries && !recordedChanges())) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				listeners.forEach(CommittedChangeListener::changesCommitted);
			}

		});
	}

	/** Whether the history triggers wrote anything in the current transaction. */
	private boolean recordedChanges() {
		return this.jdbc.sql("""
				select exists (select 1 from record_change where txid = pg_current_xact_id_if_assigned())""")
			.query(Boolean.class)
			.single();
	}

	private static boolean writes(TransactionExecution transaction) {
		return transaction.isNewTransaction() && !transaction.isReadOnly();
	}

	private static String currentReason() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getHeader(REASON_HEADER);
		}
		return null;
	}

	private record Resolved(ChangeAuthorSource authors, HistoryRecords records, EntityManagerFactory entityManagers,
			List<CommittedChangeListener> committedListeners) {
	}

}
