package org.borderwatch.incident;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the incident API tests share: the HTTP client, a word unique to each test (so
 * tests pass again on a database they already used, and full-text search can find it),
 * and quick ways to make the actors, sources and incidents a test needs.
 */
abstract class IncidentFixtures extends IntegrationTest {

	protected static final String INCIDENTS = "/api/v1/incidents";

	private static final Random RANDOM = new Random();

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	/** Letters only, so the full-text parser keeps it one word. */
	protected String run;

	@BeforeEach
	void setUpApi() {
		this.api = new Api(this.port);
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		this.run = word.toString();
	}

	/** A tag unique to this test, to scope list queries to its own incidents. */
	protected String tag() {
		return "t-" + this.run;
	}

	protected String title(String base) {
		return base + " " + this.run;
	}

	protected String actor(String name) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s %s", "kind": "OTHER"}""".formatted(name, this.run));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	/** Sources have no API yet: written straight to their table. */
	protected String source(String title) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (:id, 'Associated Press', :title, 'NEWS_AGENCY', 0, :now, :now)""")
			.param("id", id)
			.param("title", title)
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		return id.toString();
	}

	protected JsonNode create(IncidentJson incident) {
		Api.Response response = this.api.post(INCIDENTS, incident.json());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	protected String createId(IncidentJson incident) {
		return create(incident).path("id").asString();
	}

	/** The titles a list request returns, in order. */
	protected List<String> titles(String query) {
		Api.Response response = this.api.get(INCIDENTS + "?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("title").asString()).toList();
	}

}
