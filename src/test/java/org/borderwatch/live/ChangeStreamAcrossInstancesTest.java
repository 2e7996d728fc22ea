package org.borderwatch.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import org.borderwatch.BorderwatchApplication;
import org.borderwatch.support.Api;
import org.borderwatch.support.EventStreamClient;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database: a change written through one reaches the
 * streams of both. Both read the feed by timer only once an hour here, so what brings the
 * change across is the database's notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "borderwatch.live.backstop=1h")
class ChangeStreamAcrossInstancesTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ConfigurableApplicationContext other;

	private int otherPort;

	@BeforeAll
	void startSecondInstance() {
		TestDatabase.Connection database = TestDatabase.connection();
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", database.url());
		if (database.username() != null) {
			properties.put("spring.datasource.username", database.username());
		}
		if (database.password() != null) {
			properties.put("spring.datasource.password", database.password());
		}
		properties.put("borderwatch.demo-data.enabled", "false");
		properties.put("borderwatch.security.bootstrap-admin-key", Api.ADMIN_KEY);
		properties.put("borderwatch.live.backstop", "1h");
		properties.put("spring.jmx.enabled", "false");
		this.other = new SpringApplicationBuilder(BorderwatchApplication.class).properties(properties).run();
		this.otherPort = Integer.parseInt(this.other.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.other != null) {
			this.other.close();
		}
	}

	@Test
	void aChangeWrittenThroughOneInstanceReachesTheStreamsOfBoth() {
		assertThat(this.otherPort).isNotEqualTo(this.port);
		String path = "/api/v1/changes/stream?collection=actors";
		try (EventStreamClient here = EventStreamClient.open(this.port, path);
				EventStreamClient there = EventStreamClient.open(this.otherPort, path)) {
			Api.Response created = new Api(this.otherPort).post("/api/v1/actors", """
					{"name": "Across instances %s", "kind": "OTHER"}""".formatted(UUID.randomUUID()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = created.json().path("id").asString();

			EventStreamClient.Event seenHere = last(here, id);
			EventStreamClient.Event seenThere = last(there, id);

			assertThat(seenHere.id()).isEqualTo(seenThere.id());
			assertThat(seenHere.name()).isEqualTo("actors.created");
		}
	}

	private static EventStreamClient.Event last(EventStreamClient stream, String id) {
		var events = stream.until((event) -> id.equals(event.recordId()), PATIENCE);
		return events.get(events.size() - 1);
	}

}
