package org.borderwatch.live;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.test.context.TestPropertySource;

import org.borderwatch.support.Api;
import org.borderwatch.support.EventStreamClient;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.ServiceInstance;

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

	private ServiceInstance other;

	private int otherPort;

	@BeforeAll
	void startSecondInstance() {
		this.other = ServiceInstance.start(Map.of("borderwatch.live.backstop", "1h"));
		this.otherPort = this.other.port();
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

	@Test
	void streamsEndWhenTheirInstanceStopsAndResumeOnAnotherWithNothingLost() {
		String path = "/api/v1/changes/stream?collection=actors";
		ServiceInstance stopping = ServiceInstance.start(Map.of());
		String lastSeen;
		String during;
		try (EventStreamClient stream = EventStreamClient.open(stopping.port(), path)) {
			String before = actor(this.port, "Before the stop");
			lastSeen = last(stream, before).id();
			stopping.close();
			assertThat(stream.awaitEnd(PATIENCE)).as("the stream ended with its instance").isTrue();
			during = actor(this.port, "While reconnecting");
		}
		finally {
			stopping.close();
		}
		try (EventStreamClient resumed = EventStreamClient.open(this.otherPort, path, "Last-Event-ID", lastSeen)) {
			assertThat(resumed.until((event) -> during.equals(event.recordId()), PATIENCE).get(0).recordId())
				.isEqualTo(during);
		}
	}

	private static String actor(int port, String name) {
		Api.Response created = new Api(port).post("/api/v1/actors", """
				{"name": "%s %s", "kind": "OTHER"}""".formatted(name, UUID.randomUUID()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private static EventStreamClient.Event last(EventStreamClient stream, String id) {
		var events = stream.until((event) -> id.equals(event.recordId()), PATIENCE);
		return events.get(events.size() - 1);
	}

}
