package org.borderwatch.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import org.borderwatch.history.CommittedChangeListener;

/**
 * Announces this instance's committed changes: wakes its own streams at once, and tells
 * every instance (this one included) with a {@code NOTIFY} on
 * {@link FeedNotificationListener#CHANNEL}.
 * <p>
 * The notification is sent after commit, in a transaction of its own on a connection of
 * its own (autocommit, outside the pool), never inside the writing transaction:
 * PostgreSQL serialises the commits of all transactions that notified behind one
 * cluster-wide lock held through their WAL flush, and a notify-only transaction has
 * nothing to flush. At most one is sent per {@code borderwatch.live.notify-interval}, so
 * that a burst of commits costs one; a commit never waits for it. A notification lost
 * with a broken connection is made up for by the streams' backstop read, like the writes
 * made outside the service, which send none.
 */
@Component
class CommitNotifier implements CommittedChangeListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CommitNotifier.class);

	private final DataSource dataSource;

	private final ChangeStreamHub hub;

	private final long intervalNanos;

	private final ScheduledExecutorService sender;

	/** Whether a notification is scheduled and has not started yet. */
	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong commits = new AtomicLong();

	/** When the last notification started ({@link System#nanoTime()}). */
	private volatile long lastSent;

	/** Used by the sender thread only. */
	private Connection connection;

	CommitNotifier(DataSource dataSource, ChangeStreamHub hub, LiveProperties properties) {
		this.dataSource = dataSource;
		this.hub = hub;
		this.intervalNanos = properties.notifyInterval().toNanos();
		this.lastSent = System.nanoTime() - this.intervalNanos;
		this.sender = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "live-notify");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void changesCommitted() {
		this.commits.incrementAndGet();
		this.hub.wake();
		if (this.pending.compareAndSet(false, true)) {
			long wait = Math.max(0, this.intervalNanos - (System.nanoTime() - this.lastSent));
			try {
				this.sender.schedule(this::send, wait, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the other instances read the feed by timer
				this.pending.set(false);
			}
		}
	}

	/** Notifications sent so far. */
	long sentNotifications() {
		return this.sent.get();
	}

	/** Commits of recorded changes announced so far. */
	long announcedCommits() {
		return this.commits.get();
	}

	/** Whether a notification is scheduled and not yet started. */
	boolean isPending() {
		return this.pending.get();
	}

	/**
	 * Waits until the notifications asked for so far have been sent, or {@code patience}
	 * has passed; returns whether they have.
	 */
	boolean awaitSent(Duration patience) throws InterruptedException, ExecutionException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (this.pending.get()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			Thread.sleep(5);
		}
		// the sender runs one task at a time: this one ends after any send under way
		this.sender.submit(() -> {
		}).get();
		return true;
	}

	private void send() {
		this.lastSent = System.nanoTime();
		// cleared before sending: a commit from now on schedules the next notification
		this.pending.set(false);
		try {
			if (this.connection == null || this.connection.isClosed()) {
				this.connection = FeedNotificationListener.connectOutsidePool(this.dataSource);
				this.connection.setAutoCommit(true);
			}
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("select pg_notify('" + FeedNotificationListener.CHANNEL + "', '')");
			}
			this.sent.incrementAndGet();
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Notifying the other instances of a change failed; they read it by timer: {}", ex.toString());
			closeConnection();
		}
	}

	private void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// gone already
			}
			this.connection = null;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		// a notification still scheduled is sent: the other instances learn of the last
		// changes without waiting for their timer
		this.sender.shutdown();
		if (this.sender.awaitTermination(2, TimeUnit.SECONDS)) {
			closeConnection();
		}
		else {
			this.sender.shutdownNow();
		}
	}

}
