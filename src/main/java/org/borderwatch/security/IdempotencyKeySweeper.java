package org.borderwatch.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than their retention (24 hours by default), every
 * {@code borderwatch.idempotency.sweep-interval} (an hour by default; zero turns the
 * sweeper off). A retry after the retention runs as a new request anyway (the filter
 * forgets an expired key before claiming it), so the sweep only keeps the table from
 * growing with every POST that carried a key: kept answers hold whole response bodies.
 * <p>
 * Deletes in batches of {@value #BATCH}, each its own statement, so that a large backlog
 * never holds locks or a long transaction. Every instance sweeps; the deletes of two
 * instances are harmless to each other.
 */
@Component
class IdempotencyKeySweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweeper.class);

	static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Duration retention;

	private final Duration interval;

	private ScheduledExecutorService timer;

	private volatile boolean running;

	IdempotencyKeySweeper(JdbcClient jdbc, @Value("${borderwatch.idempotency.retention:24h}") Duration retention,
			@Value("${borderwatch.idempotency.sweep-interval:1h}") Duration interval) {
		this.jdbc = jdbc;
		this.retention = retention;
		this.interval = interval;
	}

	/**
	 * Deletes the keys created longer than the retention ago.
	 * @return how many were deleted
	 */
	int sweep() {
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					delete from idempotency_key where ctid = any (array(
					    select ctid from idempotency_key
					    where created_at < now() - make_interval(secs => :seconds)
					    limit :batch))""").param("seconds", this.retention.toSeconds()).param("batch", BATCH).update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

	/** Whether sweeps are scheduled. */
	boolean scheduled() {
		return this.timer != null;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "idempotency-key-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.timer.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void sweepQuietly() {
		try {
			int deleted = sweep();
			if (deleted > 0) {
				log.debug("Deleted {} idempotency keys older than {}", deleted, this.retention);
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.warn("Sweeping expired idempotency keys failed: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
