package org.borderwatch.history;

/**
 * Told after a transaction of the service that recorded changes has committed, on the
 * committing thread and outside the transaction: what it wrote is visible to everyone by
 * then. Not told of rolled-back transactions, nor of writes made outside the service.
 * Must return quickly; the caller's request waits for it.
 */
public interface CommittedChangeListener {

	/** Changes were recorded and committed. */
	void changesCommitted();

}
