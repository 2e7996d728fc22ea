package org.borderwatch.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.PageLimit;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = """
		Signed pushes of the change feed (admins only). Each change an endpoint's filters take is POSTed \
		to it once, in feed order, as `{"type": "<collection>.<action>", "cursor": "...", "data": <feed item>}` \
		with the Standard Webhooks headers `webhook-id` (the delivery's id, the same on every attempt), \
		`webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of \
		`<webhook-id>.<webhook-timestamp>.<body>` keyed with the base64-decoded part of the secret after \
		`whsec_`). A 2xx answer confirms; anything else is retried after 5 s, then doubling up to 8 hours, \
		for 24 hours, after which the endpoint is disabled with the reason. Deliveries come from a \
		durable outbox: a restart loses none, and one confirmed just before a crash may come again with \
		the same webhook-id.""")
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@Operation(summary = "Register an endpoint",
			description = "It receives the changes committed from now on. The answer holds the signing secret, "
					+ "shown this once. The URL must be http(s) and resolve to public addresses unless "
					+ "borderwatch.webhooks.allow-private-targets=true; redirects are not followed.")
	@ApiResponse(responseCode = "201", description = "Registered; `secret` is in this answer only")
	@ApiResponse(responseCode = "400", description = "A missing or refused url, or an unknown filter value, named",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<WebhookResponse> create(@RequestBody WebhookRequest request) {
		WebhookResponse created = this.webhooks.create(request);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List the endpoints (without their secrets), oldest first")
	@ApiResponse(responseCode = "200", description = "Every endpoint; there are few, so in one answer")
	WebhookList list() {
		return new WebhookList(this.webhooks.list());
	}

	/**
	 * Every registered endpoint.
	 *
	 * @param items the endpoints
	 */
	@Schema(name = "WebhookList")
	record WebhookList(List<WebhookResponse> items) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an endpoint (without its secret)")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	WebhookResponse get(@PathVariable UUID id) {
		return this.webhooks.get(id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an endpoint and its deliveries")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such endpoint",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	void delete(@PathVariable UUID id) {
		this.webhooks.delete(id);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a disabled endpoint again",
			description = "The deliveries given up are tried again, in order, for another 24 hours.")
	@ApiResponse(responseCode = "200", description = "The endpoint, enabled")
	@ApiResponse(responseCode = "404", description = "No such endpoint",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	WebhookResponse enable(@PathVariable UUID id) {
		return this.webhooks.enable(id);
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "An endpoint's deliveries, newest first, each with its attempts (status and latency)")
	@ApiResponse(responseCode = "200", description = "The deliveries")
	@ApiResponse(responseCode = "400", description = "A limit out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "No such endpoint",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	DeliveryResponse.Page deliveries(@PathVariable UUID id,
			@Parameter(description = "How many, 1 to 500 (default 50)") @RequestParam(required = false) Integer limit) {
		return this.webhooks.deliveries(id, PageLimit.check(limit));
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a delivery again",
			description = "With the same webhook-id, ahead of the endpoint's other pending deliveries.")
	@ApiResponse(responseCode = "202", description = "Queued; the delivery as it now stands")
	@ApiResponse(responseCode = "404", description = "No such endpoint or delivery",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	DeliveryResponse redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
		return this.webhooks.redeliver(id, deliveryId);
	}

}
