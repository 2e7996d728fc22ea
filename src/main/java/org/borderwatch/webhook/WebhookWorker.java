package org.borderwatch.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.live.FeedEvent;
import org.borderwatch.live.FeedPosition;
import org.borderwatch.live.LiveFeed;
import org.borderwatch.live.StreamFilter;

/**
 * Sends the webhooks: fills each endpoint's outbox from the change feed, then POSTs its
 * pending deliveries one at a time, in feed order.
 * <p>
 * Both steps lock the endpoint's row ({@code for update skip locked}), so any number of
 * instances may run this and each endpoint is served by one at a time, which keeps its
 * order. A failed attempt is retried after 5 s, then ever longer (doubling up to 8
 * hours); a delivery still failing {@code borderwatch.webhooks.retry-for} after it was
 * queued is given up and its endpoint disabled, saying why. A delivery is confirmed by a
 * 2xx answer; one that succeeded just before a crash may come again with the same
 * {@code webhook-id}, so receivers should ignore ids they have seen (at least once, never
 * lost).
 */
@Component
class WebhookWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private static final int BATCH = 200;

	/**
	 * Deliveries sent to one endpoint per round, so that one busy endpoint does not
	 * starve others.
	 */
	private static final int PER_ROUND = 50;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofHours(8);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final LiveFeed feed;

	private final WebhookTargets targets;

	private final WebhookProperties properties;

	private final HttpClient http;

	private ScheduledExecutorService timer;

	private volatile boolean running;

	WebhookWorker(JdbcClient jdbc, TransactionTemplate transaction, LiveFeed feed, WebhookTargets targets,
			WebhookProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.feed = feed;
		this.targets = targets;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.deliveryEnabled()) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "webhook-worker");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.timer != null) {
			this.timer.shutdown();
			try {
				// an attempt in progress finishes and is recorded
				this.timer.awaitTermination(this.properties.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS);
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

	/**
	 * One round: every enabled endpoint's outbox is filled, then its due deliveries sent.
	 */
	void round() {
		try {
			List<UUID> endpoints = this.jdbc.sql("select id from webhook_endpoint where enabled order by id")
				.query(UUID.class)
				.list();
			for (UUID endpoint : endpoints) {
				if (!this.running) {
					return;
				}
				fill(endpoint);
				for (int sent = 0; sent < PER_ROUND && this.running && sendNext(endpoint); sent++) {
					// sendNext sends the endpoint's oldest due delivery, if any
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Webhook round failed; trying again next round: {}", ex.toString());
		}
	}

	/**
	 * Puts the changes after the endpoint's position that its filters take in its outbox.
	 */
	private void fill(UUID endpoint) {
		this.transaction.executeWithoutResult((status) -> {
			List<Object[]> rows = this.jdbc.sql("""
					select position, filter_collections, filter_kinds, filter_countries, filter_actors
					from webhook_endpoint where id = :id and enabled for update skip locked""")
				.param("id", endpoint)
				.query((rs,
						row) -> new Object[] { rs.getString(1),
								StreamFilter.parse(WebhookService.strings(rs.getArray(2)),
										WebhookService.strings(rs.getArray(3)), WebhookService.strings(rs.getArray(4)),
										WebhookService.strings(rs.getArray(5))) })
				.list();
			if (rows.isEmpty()) {
				return;
			}
			FeedPosition position = FeedPosition.parse((String) rows.get(0)[0], "position");
			StreamFilter filter = (StreamFilter) rows.get(0)[1];
			List<FeedEvent> events = this.feed.read(position, BATCH);
			if (events.isEmpty()) {
				return;
			}
			if (filter.needsTimelineEntries()) {
				events = this.feed.withTimelineEntries(events);
			}
			Timestamp now = Timestamp.from(Instant.now());
			for (FeedEvent event : events) {
				if (filter.matches(event)) {
					this.jdbc.sql("""
							insert into webhook_delivery (id, endpoint_id, cursor, event_type, payload, next_attempt_at,
							                              created_at)
							values (:id, :endpoint, :cursor, :type, :payload, :now, :now)""")
						.param("id", UUID.randomUUID())
						.param("endpoint", endpoint)
						.param("cursor", event.position().toString())
						.param("type", event.name())
						.param("payload", payload(event))
						.param("now", now)
						.update();
				}
			}
			this.jdbc.sql("update webhook_endpoint set position = :position, updated_at = now() where id = :id")
				.param("position", events.get(events.size() - 1).position().toString())
				.param("id", endpoint)
				.update();
		});
	}

	/** The body sent: the event type, its cursor and the feed item. */
	static String payload(FeedEvent event) {
		return "{\"type\":\"" + event.name() + "\",\"cursor\":\"" + event.position() + "\",\"data\":" + event.data()
				+ "}";
	}

	/**
	 * Sends the endpoint's oldest pending delivery when it is due.
	 * @return whether one was sent successfully (and the next may follow at once)
	 */
	private boolean sendNext(UUID endpoint) {
		Boolean sent = this.transaction.execute((status) -> {
			List<Object[]> endpoints = this.jdbc.sql("""
					select url, secret from webhook_endpoint where id = :id and enabled for update skip locked""")
				.param("id", endpoint)
				.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2) })
				.list();
			if (endpoints.isEmpty()) {
				return false;
			}
			List<Object[]> due = this.jdbc.sql("""
					select id, payload, attempts, created_at, next_attempt_at <= now() from webhook_delivery
					where endpoint_id = :id and status = 'PENDING' order by ordinal limit 1""")
				.param("id", endpoint)
				.query((rs,
						row) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
								rs.getTimestamp(4).toInstant(), rs.getBoolean(5) })
				.list();
			if (due.isEmpty() || !(Boolean) due.get(0)[4]) {
				return false;
			}
			UUID delivery = (UUID) due.get(0)[0];
			Outcome outcome = attempt(URI.create((String) endpoints.get(0)[0]), (String) endpoints.get(0)[1], delivery,
					(String) due.get(0)[1]);
			this.jdbc.sql("""
					insert into webhook_attempt (delivery_id, attempted_at, status_code, error, latency_ms)
					values (:delivery, :at, :code, :error, :latency)""")
				.param("delivery", delivery)
				.param("at", Timestamp.from(outcome.at()))
				.param("code", outcome.statusCode())
				.param("error", outcome.error())
				.param("latency", outcome.latencyMs())
				.update();
			int attempts = (Integer) due.get(0)[2] + 1;
			if (outcome.error() == null) {
				this.jdbc.sql("""
						update webhook_delivery set status = 'DELIVERED', attempts = :attempts, delivered_at = now()
						where id = :id""").param("attempts", attempts).param("id", delivery).update();
				return true;
			}
			Instant next = Instant.now().plus(backoff(attempts));
			Instant queued = (Instant) due.get(0)[3];
			if (next.isAfter(queued.plus(this.properties.retryFor()))) {
				giveUp(endpoint, delivery, attempts, outcome.error());
			}
			else {
				this.jdbc.sql("""
						update webhook_delivery set attempts = :attempts, next_attempt_at = :next where id = :id""")
					.param("attempts", attempts)
					.param("next", Timestamp.from(next))
					.param("id", delivery)
					.update();
			}
			return false;
		});
		return Boolean.TRUE.equals(sent);
	}

	private void giveUp(UUID endpoint, UUID delivery, int attempts, String error) {
		this.jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = :attempts where id = :id")
			.param("attempts", attempts)
			.param("id", delivery)
			.update();
		String reason = "Deliveries failed for " + describe(this.properties.retryFor()) + " (" + attempts
				+ " attempts); the last: " + error;
		this.jdbc.sql("""
				update webhook_endpoint set enabled = false, disabled_reason = :reason, disabled_at = now(),
				                            updated_at = now()
				where id = :id""").param("reason", reason).param("id", endpoint).update();
		log.warn("Webhook {} disabled: {}", endpoint, reason);
	}

	private static String describe(Duration duration) {
		return (duration.toMinutes() % 60 == 0) ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
	}

	/** 5 s after the first failure, doubling after each, at most 8 hours. */
	static Duration backoff(int attempts) {
		Duration wait = FIRST_RETRY;
		for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : wait;
	}

	private Outcome attempt(URI url, String secret, UUID delivery, String body) {
		Instant at = Instant.now();
		long started = System.nanoTime();
		String refused = this.targets.refusal(url);
		if (refused != null) {
			return new Outcome(at, null, "Refused: the URL " + refused, 0);
		}
		String id = "msg_" + delivery;
		long timestamp = at.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "BorderWatch-Webhooks")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
			int code = response.statusCode();
			return new Outcome(at, code, (code >= 200 && code < 300) ? null : "HTTP " + code, latency);
		}
		catch (IOException ex) {
			return new Outcome(at, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(at, null, "Interrupted by shutdown",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
	}

	private record Outcome(Instant at, Integer statusCode, String error, long latencyMs) {

	}

}
