package org.borderwatch.live;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.borderwatch.support.Api;
import org.borderwatch.support.EventStreamClient;
import org.borderwatch.support.EventStreamClient.Event;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change stream over HTTP: committed changes arrive as events with their feed cursor
 * as id, a client resumes after its last event id with no gap and no duplicate, the
 * filters select, and bad input is a 400 naming the parameter.
 */
class ChangeStreamApiTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String STREAM = "/api/v1/changes/stream";

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private Api api;

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	private String actor(String name) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s %s", "kind": "OTHER"}""".formatted(name, this.run));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private String incidentIn(String country) {
		Api.Response response = this.api.post("/api/v1/incidents", """
				{"title": "Stream test %s %s", "startDate": "2025-10-09", "datePrecision": "DAY",
				 "eventType": "EXPLOSIONS_REMOTE_VIOLENCE", "subEventType": "AIR_DRONE_STRIKE",
				 "location": {"country": "%s", "admin1": "Somewhere", "placeName": "Somewhere",
				              "geoPrecision": "ADMIN1"}}""".formatted(country, this.run, country));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	@Test
	void sendsEachCommittedChangeAsAnEventWithItsFeedCursorAsId() {
		try (EventStreamClient stream = EventStreamClient.open(this.port, STREAM + "?collection=actors")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");

			String id = actor("Streamed");

			List<Event> events = stream.until((event) -> id.equals(event.recordId()), PATIENCE);
			Event created = events.get(events.size() - 1);
			assertThat(created.name()).isEqualTo("actors.created");
			assertThat(created.id()).isEqualTo(created.json().path("cursor").asString());
			assertThat(created.json().path("action").asString()).isEqualTo("CREATED");
			assertThat(created.json().path("record").path("name").asString()).isEqualTo("Streamed " + this.run);
			assertThat(events).allSatisfy((event) -> assertThat(event.name()).startsWith("actors."));
		}
	}

	@Test
	void resumesAfterTheLastEventIdWithNoGapAndNoDuplicate() {
		String first;
		String second;
		String lastSeen;
		try (EventStreamClient stream = EventStreamClient.open(this.port, STREAM + "?collection=actors")) {
			first = actor("First");
			second = actor("Second");
			List<Event> events = stream.until((event) -> second.equals(event.recordId()), PATIENCE);
			lastSeen = events.stream().filter((event) -> first.equals(event.recordId())).findFirst().orElseThrow().id();
		}
		// written while no stream is open
		String third = actor("Third");

		try (EventStreamClient resumed = EventStreamClient.open(this.port, STREAM + "?collection=actors",
				"Last-Event-ID", lastSeen)) {
			List<String> ours = resumed.until((event) -> third.equals(event.recordId()), PATIENCE)
				.stream()
				.map(Event::recordId)
				.filter(Set.of(first, second, third)::contains)
				.toList();
			assertThat(ours).containsExactly(second, third);
		}
		try (EventStreamClient byQuery = EventStreamClient.open(this.port,
				STREAM + "?collection=actors&after=" + lastSeen)) {
			assertThat(byQuery.until((event) -> third.equals(event.recordId()), PATIENCE)
				.stream()
				.map(Event::recordId)
				.filter(Set.of(first, second, third)::contains)).containsExactly(second, third);
		}
	}

	@Test
	void sendsOnlyTheChangesOfTheKindAndCountryAskedFor() {
		try (EventStreamClient stream = EventStreamClient.open(this.port, STREAM + "?kind=INCIDENT&country=NPL")) {
			String elsewhere = incidentIn("BTN");
			actor("Not an incident");
			String wanted = incidentIn("NPL");

			List<Event> events = stream.until((event) -> wanted.equals(event.recordId()), PATIENCE);

			assertThat(events).extracting(Event::recordId).doesNotContain(elsewhere);
			assertThat(events).allSatisfy((event) -> assertThat(event.name()).startsWith("incidents."));
		}
	}

	@Test
	void refusesAMalformedCursorOrFilterNamingTheParameter() {
		Api.Response cursor = this.api.get(STREAM + "?after=yesterday", "Accept", "text/event-stream");
		assertThat(cursor.status()).isEqualTo(400);
		assertThat(cursor.errorFields()).containsExactly("after");

		Api.Response header = this.api.get(STREAM, "Accept", "text/event-stream", "Last-Event-ID", "12");
		assertThat(header.status()).isEqualTo(400);
		assertThat(header.errorFields()).containsExactly("Last-Event-ID");

		Api.Response kind = this.api.get(STREAM + "?kind=PARADE", "Accept", "text/event-stream");
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.errorFields()).containsExactly("kind");
	}

}
