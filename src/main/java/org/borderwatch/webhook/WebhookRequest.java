package org.borderwatch.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook endpoint to register.
 *
 * @param url where deliveries are POSTed
 * @param description what it is for
 * @param filters which changes it receives; absent for all
 */
@Schema(name = "WebhookRequest")
record WebhookRequest(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				example = "https://partner.example/borderwatch/hooks") String url,
		@Schema(example = "Partner desk: crossing changes") String description, Filters filters) {

	/**
	 * The change stream's filters; values of one filter are alternatives, filters
	 * combine.
	 *
	 * @param collection the feed's collections
	 * @param kind timeline kinds
	 * @param country ISO 3166-1 alpha-3 codes
	 * @param actor actor ids
	 */
	@Schema(name = "WebhookFilters")
	record Filters(@Schema(example = "[\"crossing-status-changes\"]") List<String> collection,
			@Schema(example = "[\"CROSSING_STATUS_CHANGED\"]") List<String> kind,
			@Schema(example = "[\"PAK\"]") List<String> country, List<String> actor) {
	}

}
