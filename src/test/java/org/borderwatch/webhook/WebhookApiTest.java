package org.borderwatch.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end, with a receiver on localhost: registration (the secret shown
 * once), signed deliveries of every change in feed order, retries, the deliveries log,
 * redelivery, the endpoint disabled once retries run out, and delivery across the stop of
 * one instance and the start of another. Any instance running on the database may send a
 * delivery; the order and the signatures hold whichever does.
 */
class WebhookApiTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.shared();

	@Autowired
	private JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private Api api;

	private WebhookReceiver receiver;

	@BeforeEach
	void start() throws Exception {
		// webhooks are for admins, reads included
		this.api = new Api(this.port).as(Api.ADMIN_KEY);
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	private JsonNode register(String filters) {
		Api.Response created = this.api.post("/api/v1/webhooks", """
				{"url": "%s", "description": "Test receiver %s", "filters": %s}""".formatted(this.receiver.url(),
				this.run, filters));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private String actor(String name) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s %s", "kind": "OTHER"}""".formatted(name, this.run));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private static String recordId(WebhookReceiver.Received request) {
		return JSON.readTree(request.body()).path("data").path("id").asString();
	}

	private void awaitDelivered(String recordId) throws InterruptedException {
		this.receiver.awaitRequest((request) -> request.answered() < 300 && recordId.equals(recordId(request)),
				PATIENCE);
	}

	private static String signature(String secret, WebhookReceiver.Received request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] signed = mac.doFinal(
				(request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(signed);
	}

	/**
	 * The ids of the records in the successful deliveries, in the order received, once
	 * each.
	 */
	private List<String> deliveredRecords(List<String> ours) {
		return this.receiver.received()
			.stream()
			.filter((request) -> request.answered() < 300)
			.map(WebhookApiTest::recordId)
			.filter(ours::contains)
			.toList();
	}

	@Test
	void showsTheSecretOnceAndSignsEveryDeliveryWithIt() throws Exception {
		JsonNode webhook = register("{\"collection\": [\"actors\"]}");
		String secret = webhook.path("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		Api.Response read = this.api.get("/api/v1/webhooks/" + webhook.path("id").asString());
		assertThat(read.json().has("secret")).isFalse();
		assertThat(read.json().path("filters").path("collection").get(0).asString()).isEqualTo("actors");
		JsonNode listed = this.api.get("/api/v1/webhooks").json().path("items");
		assertThat(listed.valueStream().filter((item) -> item.path("id").equals(webhook.path("id")))).singleElement()
			.satisfies((item) -> assertThat(item.has("secret")).isFalse());

		String first = actor("Hooked first");
		String second = actor("Hooked second");
		String third = actor("Hooked third");
		awaitDelivered(third);

		assertThat(deliveredRecords(List.of(first, second, third))).containsExactly(first, second, third);
		for (WebhookReceiver.Received request : this.receiver.received()) {
			assertThat(request.id()).startsWith("msg_");
			assertThat(Long.parseLong(request.timestamp())).isCloseTo(System.currentTimeMillis() / 1000,
					org.assertj.core.data.Offset.offset(600L));
			assertThat(request.signature()).isEqualTo(signature(secret, request));
			JsonNode body = JSON.readTree(request.body());
			assertThat(body.path("type").asString()).isEqualTo("actors.created");
			assertThat(body.path("data").path("cursor").asString()).isEqualTo(body.path("cursor").asString());
		}
	}

	@Test
	void retriesAFailedDeliveryInOrderAndLogsEachAttempt() throws Exception {
		String webhook = register("{\"collection\": [\"actors\"]}").path("id").asString();
		this.receiver.answer(503);
		String first = actor("Retried first");
		String second = actor("Retried second");
		this.receiver.awaitRequest((request) -> first.equals(recordId(request)), PATIENCE);

		this.receiver.answer(200);
		awaitDelivered(second);

		assertThat(deliveredRecords(List.of(first, second))).containsExactly(first, second);
		assertThat(this.receiver.received().stream().filter((request) -> second.equals(recordId(request))))
			.as("the second waits for the first")
			.allMatch((request) -> request.answered() == 200);
		JsonNode deliveries = this.api.get("/api/v1/webhooks/" + webhook + "/deliveries").json().path("items");
		JsonNode firstDelivery = deliveries.get(1);
		assertThat(firstDelivery.path("status").asString()).isEqualTo("DELIVERED");
		JsonNode attempts = firstDelivery.path("attempts");
		assertThat(attempts.size()).isGreaterThanOrEqualTo(2);
		assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(503);
		assertThat(attempts.get(0).path("error").asString()).isEqualTo("HTTP 503");
		assertThat(attempts.get(attempts.size() - 1).path("statusCode").asInt()).isEqualTo(200);
		assertThat(attempts.get(attempts.size() - 1).path("latencyMs").isNumber()).isTrue();

		String deliveryId = firstDelivery.path("id").asString();
		String sentAs = this.receiver.received()
			.stream()
			.filter((request) -> first.equals(recordId(request)))
			.findFirst()
			.orElseThrow()
			.id();
		Api.Response redeliver = this.api
			.post("/api/v1/webhooks/" + webhook + "/deliveries/" + deliveryId + "/redeliver", "");
		assertThat(redeliver.status()).as(redeliver.body()).isEqualTo(202);
		this.receiver.awaitRequest((request) -> first.equals(recordId(request)) && request.answered() == 200
				&& this.receiver.received()
					.stream()
					.filter((r) -> first.equals(recordId(r)) && r.answered() == 200)
					.count() == 2,
				PATIENCE);
		assertThat(this.receiver.received().stream().filter((request) -> first.equals(recordId(request))))
			.allMatch((request) -> request.id().equals(sentAs));
	}

	@Test
	void disablesTheEndpointSayingWhyOnceRetriesRunOut() throws Exception {
		String webhook = register("{\"collection\": [\"actors\"]}").path("id").asString();
		this.receiver.answer(500);
		String doomed = actor("Never received");
		this.receiver.awaitRequest((request) -> doomed.equals(recordId(request)), PATIENCE);
		// as if it had been failing since yesterday: the next failure is the last
		this.jdbc.sql("""
				update webhook_delivery set created_at = now() - interval '25 hours', next_attempt_at = now()
				where endpoint_id = :id""").param("id", UUID.fromString(webhook)).update();

		long deadline = System.nanoTime() + PATIENCE.toNanos();
		JsonNode endpoint = this.api.get("/api/v1/webhooks/" + webhook).json();
		while (endpoint.path("enabled").asBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			endpoint = this.api.get("/api/v1/webhooks/" + webhook).json();
		}

		assertThat(endpoint.path("enabled").asBoolean()).isFalse();
		assertThat(endpoint.path("disabledReason").asString()).startsWith("Deliveries failed for 24 hours")
			.endsWith("HTTP 500");
		assertThat(this.api.get("/api/v1/webhooks/" + webhook + "/deliveries")
			.json()
			.path("items")
			.get(0)
			.path("status")
			.asString()).isEqualTo("FAILED");
	}

	@Test
	void refusesAnEndpointWithoutAUsableUrlNamingTheField() {
		Api.Response ftp = this.api.post("/api/v1/webhooks", "{\"url\": \"ftp://example.org/x\"}");
		assertThat(ftp.status()).isEqualTo(400);
		assertThat(ftp.errorFields()).containsExactly("url");
		Api.Response filter = this.api.post("/api/v1/webhooks",
				"{\"url\": \"%s\", \"filters\": {\"kind\": [\"PARADE\"]}}".formatted(this.receiver.url()));
		assertThat(filter.status()).isEqualTo(400);
		assertThat(filter.errorFields()).containsExactly("kind");
		Api.Response anonymous = this.api.anonymous()
			.post("/api/v1/webhooks", "{\"url\": \"%s\"}".formatted(this.receiver.url()));
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void deliversEveryChangeInOrderAcrossTheStopOfOneInstanceAndTheStartOfAnother() throws Exception {
		ServiceInstance before = ServiceInstance.start(Map.of());
		List<String> ours;
		try {
			int beforePort = before.port();
			Api.Response created = new Api(beforePort).as(Api.ADMIN_KEY).post("/api/v1/webhooks", """
					{"url": "%s", "filters": {"collection": ["actors"]}}""".formatted(this.receiver.url()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String one = actor("Before the restart");
			awaitDelivered(one);
			this.receiver.answer(503);
			String two = actor("During the restart");
			this.receiver.awaitRequest((request) -> two.equals(recordId(request)), PATIENCE);
			ours = new java.util.ArrayList<>(List.of(one, two));
		}
		finally {
			before.close();
		}
		String three = actor("While stopped");
		ours.add(three);
		this.receiver.answer(200);
		ServiceInstance after = ServiceInstance.start(Map.of());
		try {
			awaitDelivered(three);
			assertThat(deliveredRecords(ours)).containsExactlyElementsOf(ours);
		}
		finally {
			after.close();
		}
	}

}
