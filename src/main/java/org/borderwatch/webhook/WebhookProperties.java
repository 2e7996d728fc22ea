package org.borderwatch.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhooks ({@code borderwatch.webhooks.*}).
 *
 * @param allowPrivateTargets whether endpoints may be on loopback, link-local or private
 * addresses; off, since a webhook URL would otherwise let an admin key reach the
 * service's own network
 * @param pollInterval how often the outbox is filled from the feed and sent
 * @param requestTimeout how long one delivery attempt may take
 * @param retryFor how long a failing delivery is retried before its endpoint is disabled
 * @param deliveryEnabled whether this instance sends deliveries (any one instance may)
 */
@ConfigurationProperties("borderwatch.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("true") boolean deliveryEnabled) {

}
