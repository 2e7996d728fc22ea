package org.borderwatch.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.live.LiveFeed;
import org.borderwatch.live.StreamFilter;

/**
 * Registering, listing and removing webhook endpoints; their deliveries and redelivery.
 */
@Service
class WebhookService {

	private static final int DESCRIPTION_MAX = 500;

	private final JdbcClient jdbc;

	private final WebhookTargets targets;

	private final LiveFeed feed;

	WebhookService(JdbcClient jdbc, WebhookTargets targets, LiveFeed feed) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.feed = feed;
	}

	/**
	 * Registers an endpoint that receives the changes committed from now on.
	 * @return the endpoint, with its secret (shown this once)
	 */
	@Transactional
	WebhookResponse create(WebhookRequest request) {
		if (request == null) {
			throw InvalidInputException.forField("url", "is required");
		}
		String url = this.targets.check(request.url()).toString();
		if (request.description() != null && request.description().length() > DESCRIPTION_MAX) {
			throw InvalidInputException.forField("description", "is longer than " + DESCRIPTION_MAX + " characters");
		}
		WebhookRequest.Filters given = request.filters();
		StreamFilter filter = (given != null)
				? StreamFilter.parse(given.collection(), given.kind(), given.country(), given.actor())
				: StreamFilter.ALL;
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into webhook_endpoint (id, url, description, secret, filter_collections, filter_kinds,
				                              filter_countries, filter_actors, position, created_at, updated_at)
				values (:id, :url, :description, :secret, :collections, :kinds, :countries, :actors, :position,
				        :now, :now)""")
			.param("id", id)
			.param("url", url)
			.param("description", request.description())
			.param("secret", secret)
			.param("collections", filter.collections().toArray(String[]::new))
			.param("kinds", filter.kinds().toArray(String[]::new))
			.param("countries", filter.countries().toArray(String[]::new))
			.param("actors", filter.actors().toArray(UUID[]::new))
			.param("position", this.feed.end().toString())
			.param("now", now)
			.update();
		return get(id).withSecret(secret);
	}

	@Transactional(readOnly = true)
	List<WebhookResponse> list() {
		return this.jdbc.sql("select * from webhook_endpoint order by created_at, id")
			.query(WebhookService::endpoint)
			.list();
	}

	@Transactional(readOnly = true)
	WebhookResponse get(UUID id) {
		return this.jdbc.sql("select * from webhook_endpoint where id = :id")
			.param("id", id)
			.query(WebhookService::endpoint)
			.optional()
			.orElseThrow(() -> NotFoundException.of("webhook", id));
	}

	@Transactional
	void delete(UUID id) {
		if (this.jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update() == 0) {
			throw NotFoundException.of("webhook", id);
		}
	}

	/**
	 * Enables a disabled endpoint again; the deliveries that were given up are tried
	 * again, in their order.
	 */
	@Transactional
	WebhookResponse enable(UUID id) {
		get(id);
		this.jdbc.sql("""
				update webhook_endpoint set enabled = true, disabled_reason = null, disabled_at = null,
				                            updated_at = now()
				where id = :id""").param("id", id).update();
		this.jdbc.sql("""
				update webhook_delivery set status = 'PENDING', next_attempt_at = now(), created_at = now()
				where endpoint_id = :id and status = 'FAILED'""").param("id", id).update();
		return get(id);
	}

	/** The latest deliveries of an endpoint, newest first, with their attempts. */
	@Transactional(readOnly = true)
	DeliveryResponse.Page deliveries(UUID endpointId, int limit) {
		get(endpointId);
		Map<UUID, DeliveryResponse> byId = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, event_type, cursor, status, next_attempt_at, created_at, delivered_at
				from webhook_delivery where endpoint_id = :id order by ordinal desc limit :limit""")
			.param("id", endpointId)
			.param("limit", limit)
			.query((rs) -> {
				String status = rs.getString("status");
				byId.put(rs.getObject("id", UUID.class),
						new DeliveryResponse(rs.getObject("id", UUID.class), rs.getString("event_type"),
								rs.getString("cursor"), status,
								"PENDING".equals(status) ? instant(rs, "next_attempt_at") : null,
								instant(rs, "created_at"), instant(rs, "delivered_at"), new ArrayList<>()));
			});
		if (!byId.isEmpty()) {
			this.jdbc.sql("""
					select delivery_id, attempted_at, status_code, error, latency_ms from webhook_attempt
					where delivery_id = any(:ids) order by id""")
				.param("ids", byId.keySet().toArray(UUID[]::new))
				.query((rs) -> {
					byId.get(rs.getObject("delivery_id", UUID.class))
						.attempts()
						.add(new DeliveryResponse.Attempt(instant(rs, "attempted_at"),
								rs.getObject("status_code", Integer.class), rs.getString("error"),
								rs.getLong("latency_ms")));
				});
		}
		return new DeliveryResponse.Page(List.copyOf(byId.values()));
	}

	/**
	 * Asks for a delivery to be sent again (with the same id, so the receiver can tell it
	 * apart from a new change); it goes ahead of the endpoint's pending deliveries.
	 */
	@Transactional
	DeliveryResponse redeliver(UUID endpointId, UUID deliveryId) {
		int updated = this.jdbc.sql("""
				update webhook_delivery set status = 'PENDING', next_attempt_at = now(), created_at = now(),
				                            delivered_at = null
				where id = :delivery and endpoint_id = :endpoint""")
			.param("delivery", deliveryId)
			.param("endpoint", endpointId)
			.update();
		if (updated == 0) {
			throw NotFoundException.of("delivery of webhook " + endpointId, deliveryId);
		}
		return deliveries(endpointId, 500).items()
			.stream()
			.filter((delivery) -> delivery.id().equals(deliveryId))
			.findFirst()
			.orElseThrow();
	}

	private static WebhookResponse endpoint(ResultSet rs, int row) throws SQLException {
		WebhookRequest.Filters filters = new WebhookRequest.Filters(strings(rs.getArray("filter_collections")),
				strings(rs.getArray("filter_kinds")), strings(rs.getArray("filter_countries")),
				strings(rs.getArray("filter_actors")));
		return new WebhookResponse(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
				filters, rs.getBoolean("enabled"), rs.getString("disabled_reason"), instant(rs, "disabled_at"),
				instant(rs, "created_at"), null);
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
