package org.borderwatch.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the streams when any instance of the service commits a change: one thread
 * {@code LISTEN}s on a dedicated connection of its own, outside the pool (a pooled
 * connection would be shared with transactions, and nothing arrives on a connection
 * inside one). The notification carries no payload ({@link CommitNotifier} of each
 * instance sends one after commits): the feed says what changed. After a lost connection
 * it reconnects, listens again and wakes the streams once, since notifications sent
 * meanwhile are gone.
 */
@Component
class FeedNotificationListener implements SmartLifecycle {

	/** The channel the instances notify after committing changes. */
	static final String CHANNEL = "borderwatch_changes";

	private static final Logger log = LoggerFactory.getLogger(FeedNotificationListener.class);

	/** How long one wait for notifications lasts; 0 would misbehave in pgjdbc. */
	private static final int POLL_MILLIS = 500;

	private final DataSource dataSource;

	private final ChangeStreamHub hub;

	private volatile boolean running;

	private Thread thread;

	FeedNotificationListener(DataSource dataSource, ChangeStreamHub hub) {
		this.dataSource = dataSource;
		this.hub = hub;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "live-listen");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the hub's streams have ended, starts before them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				this.hub.wake();
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications != null && notifications.length > 0) {
						this.hub.wake();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Listening for changes failed, trying again in a second: {}", ex.toString());
					pause();
				}
			}
		}
	}

	private Connection connect() throws SQLException {
		return connectOutsidePool(this.dataSource);
	}

	/**
	 * A connection of the data source's database that is no pooled connection; the caller
	 * closes it.
	 */
	static Connection connectOutsidePool(DataSource dataSource) throws SQLException {
		if (dataSource instanceof HikariDataSource hikari) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		// another pool: borrow one of its connections for good
		return dataSource.getConnection();
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
