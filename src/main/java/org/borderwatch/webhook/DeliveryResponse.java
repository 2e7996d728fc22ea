package org.borderwatch.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One delivery (one change for one endpoint) and its attempts.
 *
 * @param id the delivery's id, sent as {@code webhook-id} on every attempt
 * @param eventType {@code <collection>.<action>}
 * @param cursor the change's feed cursor
 * @param status PENDING, DELIVERED or FAILED (given up)
 * @param nextAttemptAt when it is tried next, null once delivered or given up
 * @param createdAt when the change was put in the outbox
 * @param deliveredAt when an attempt succeeded, or null
 * @param attempts each attempt, oldest first
 */
@Schema(name = "WebhookDelivery")
record DeliveryResponse(UUID id, @Schema(example = "crossing-status-changes.created") String eventType,
		@Schema(example = "1042-77") String cursor, @Schema(allowableValues = {
				"PENDING", "DELIVERED", "FAILED" }) String status,
		@Schema(nullable = true) Instant nextAttemptAt, Instant createdAt, @Schema(nullable = true) Instant deliveredAt,
		List<Attempt> attempts){

	/**
	 * One attempt.
	 *
	 * @param at when it started
	 * @param statusCode the receiver's HTTP status, null when none came
	 * @param error what went wrong, null on success
	 * @param latencyMs how long it took
	 */
	@Schema(name = "WebhookAttempt")
	record Attempt(Instant at, @Schema(nullable = true, example = "200") Integer statusCode,
			@Schema(nullable = true, example = "HTTP 503") String error, long latencyMs) {
	}

	/**
	 * A page of deliveries, newest first.
	 *
	 * @param items the deliveries
	 */
	@Schema(name = "WebhookDeliveries")
	record Page(List<DeliveryResponse> items) {
	}

}
