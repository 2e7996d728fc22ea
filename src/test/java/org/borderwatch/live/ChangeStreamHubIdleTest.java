package org.borderwatch.live;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.Api;
import org.borderwatch.support.EventStreamClient;
import org.borderwatch.support.EventStreamClient.Event;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared reader while no stream is open: commits read nothing from the feed, and the
 * first stream to open afterwards starts at the feed's end, so it is given neither the
 * changes committed before it opened nor a backlog to read.
 */
class ChangeStreamHubIdleTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String STREAM = "/api/v1/changes/stream?collection=actors";

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private ChangeStreamHub hub;

	private Api api;

	@BeforeEach
	void noStreamOpen() throws InterruptedException {
		this.api = new Api(this.port);
		// streams of earlier tests are forgotten once their connection has ended
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (this.hub.openStreams() > 0 && System.nanoTime() - deadline < 0) {
			Thread.sleep(20);
		}
		assertThat(this.hub.openStreams()).isZero();
	}

	private String actor(String name) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s %s", "kind": "OTHER"}""".formatted(name, this.run));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	@Test
	void commitsReadNothingFromTheFeedWhileNoStreamIsOpen() {
		long before = this.hub.readsStarted();

		actor("Unwatched one");
		actor("Unwatched two");

		// the commit wakes the hub before the answer is sent
		assertThat(this.hub.readsStarted()).isEqualTo(before);
	}

	@Test
	void aStreamOpenedAfterUnwatchedCommitsIsGivenOnlyTheChangesAfterIt() {
		String unwatched = actor("Before the stream");

		try (EventStreamClient stream = EventStreamClient.open(this.port, STREAM)) {
			assertThat(stream.status()).isEqualTo(200);
			long before = this.hub.readsStarted();
			String watched = actor("After the stream");

			List<Event> events = stream.until((event) -> watched.equals(event.recordId()), PATIENCE);

			assertThat(events).extracting(Event::recordId).doesNotContain(unwatched);
			assertThat(this.hub.readsStarted()).isGreaterThan(before);
		}
	}

}
