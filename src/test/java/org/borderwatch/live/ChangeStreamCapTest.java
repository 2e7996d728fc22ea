package org.borderwatch.live;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.borderwatch.support.Api;
import org.borderwatch.support.EventStreamClient;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on open streams: one past it is a 503 problem, and a closed stream frees its
 * place.
 */
@TestPropertySource(properties = "borderwatch.live.max-streams=1")
class ChangeStreamCapTest extends IntegrationTest {

	@Test
	void refusesAStreamPastTheCapWith503() {
		Api api = new Api(this.port);
		try (EventStreamClient first = EventStreamClient.open(this.port, "/api/v1/changes/stream")) {
			assertThat(first.status()).isEqualTo(200);

			Api.Response second = api.get("/api/v1/changes/stream", "Accept", "text/event-stream");

			assertThat(second.status()).isEqualTo(503);
			assertThat(second.contentType())
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(second.json().path("detail").asString()).contains("maximum of 1 open streams");
		}
	}

}
