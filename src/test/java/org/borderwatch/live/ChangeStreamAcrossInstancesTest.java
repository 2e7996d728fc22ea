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

	private static EventStreamClient.Event last(EventStreamClient stream, String id) {
		var events = stream.until((event) -> id.equals(event.recordId()), PATIENCE);
		return events.get(events.size() - 1);
	}

}
