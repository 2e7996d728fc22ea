package org.borderwatch.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registered endpoint. The secret is shown once, in the answer to its registration.
 *
 * @param id its id
 * @param url where deliveries go
 * @param description what it is for
 * @param filters which changes it receives (empty lists: all)
 * @param enabled whether deliveries are sent
 * @param disabledReason why it was disabled, or null
 * @param disabledAt when it was disabled, or null
 * @param createdAt when it was registered
 * @param secret the signing secret, only in the registration's answer
 */
@Schema(name = "Webhook")
record WebhookResponse(UUID id, String url, String description, WebhookRequest.Filters filters, boolean enabled,
		@Schema(description = "Why deliveries stopped, null while enabled", nullable = true,
				example = "Deliveries failed for 24 hours; last: 503") String disabledReason,
		@Schema(nullable = true) Instant disabledAt, Instant createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "The signing secret (Standard Webhooks: whsec_ and base64); in the registration's answer only, "
						+ "never again",
				example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

	WebhookResponse withSecret(String shown) {
		return new WebhookResponse(this.id, this.url, this.description, this.filters, this.enabled, this.disabledReason,
				this.disabledAt, this.createdAt, shown);
	}

}
