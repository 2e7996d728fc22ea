package org.borderwatch.history;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The records a read-write transaction has served so far, by type and id: what its
 * service methods returned. Completing the transaction's history entries takes a record
 * from here instead of reading and rendering it a second time, when its version is the
 * entry's.
 * <p>
 * Held as one of the transaction's synchronizations, so that it lives exactly as long as
 * the transaction, is set aside while an inner transaction runs on its own, and never
 * outlives the transaction on a pooled thread.
 */
final class ServedRecords implements TransactionSynchronization {

	private final Map<Key, Object> records = new HashMap<>();

	private ServedRecords() {
	}

	/**
	 * Keeps {@code record} as the current transaction's latest answer for {@code id}; a
	 * no-op outside a read-write transaction.
	 */
	static void remember(UUID id, Object record) {
		if (id == null || !TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return;
		}
		ServedRecords current = current();
		if (current == null) {
			current = new ServedRecords();
			TransactionSynchronizationManager.registerSynchronization(current);
		}
		current.records.put(new Key(record.getClass(), id), record);
	}

	/** The current transaction's latest answer of this type for {@code id}, or null. */
	static <T> T find(Class<T> type, UUID id) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		ServedRecords current = current();
		return (current != null) ? type.cast(current.records.get(new Key(type, id))) : null;
	}

	/**
	 * Calls {@code action} with each answer the current transaction kept (its type, id
	 * and the answer), when it kept no more than {@code limit}; returns how many it kept.
	 */
	static int forEach(int limit, ServedAction action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return 0;
		}
		ServedRecords current = current();
		if (current == null) {
			return 0;
		}
		if (current.records.size() <= limit) {
			current.records.forEach((key, record) -> action.accept(key.type(), key.id(), record));
		}
		return current.records.size();
	}

	/** What {@link #forEach} does with each kept answer. */
	interface ServedAction {

		void accept(Class<?> type, UUID id, Object record);

	}

	private static ServedRecords current() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof ServedRecords served) {
				return served;
			}
		}
		return null;
	}

	private record Key(Class<?> type, UUID id) {
	}

}
