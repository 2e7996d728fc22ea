package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records ceasefire tests need around them. Actors go through their API; incidents,
 * talks rounds and sources are written with plain SQL, since their features are not on
 * this branch. Every name carries the test's run id, so tests can run again on a database
 * they already used.
 */
final class CeasefireFixtures {

	private final Api api;

	private final JdbcClient jdbc;

	private final String run;

	CeasefireFixtures(Api api, JdbcClient jdbc, String run) {
		this.api = api;
		this.jdbc = jdbc;
		this.run = run;
	}

	/**
	 * A table that refers to ceasefires without cascading, as the timeline's will: no
	 * table of this branch does. The reference checker reads the referring tables once
	 * per application context, so it must exist before the first ceasefire is deleted:
	 * every ceasefire test class creates it before its tests.
	 */
	void ensureCitingTable() {
		this.jdbc.sql("""
				create table if not exists ceasefire_test_citation (
				    ceasefire_id uuid not null references ceasefire (id))""").update();
	}

	void cite(String ceasefireId) {
		this.jdbc.sql("insert into ceasefire_test_citation values (:id)")
			.param("id", UUID.fromString(ceasefireId))
			.update();
	}

	void uncite(String ceasefireId) {
		this.jdbc.sql("delete from ceasefire_test_citation where ceasefire_id = :id")
			.param("id", UUID.fromString(ceasefireId))
			.update();
	}

	String name(String base) {
		return base + " " + this.run;
	}

	String actor(String name) {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE"}""".formatted(name(name)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	String incident(String title, String date) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into incident (id, title, start_date, end_date, date_precision, event_type, sub_event_type,
				                      verification, version, created_at, updated_at)
				values (:id, :title, :date, :date, 'DAY', 'BATTLES', 'ARMED_CLASH', 'REPORTED', 0, now(), now())""")
			.param("id", id)
			.param("title", name(title))
			.param("date", LocalDate.parse(date))
			.update();
		return id.toString();
	}

	String talksRound(String negotiation, int round) {
		UUID negotiationId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into negotiation (id, name, version, created_at, updated_at)
				values (:id, :name, 0, now(), now())""")
			.param("id", negotiationId)
			.param("name", name(negotiation))
			.update();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into talks_round (id, negotiation_id, round_number, venue_city, venue_country, start_date,
					                         date_precision, status, version, created_at, updated_at)
					values (:id, :negotiation, :round, 'Doha', 'QAT', date '2025-10-18', 'DAY', 'CONCLUDED', 0, now(), now())""")
			.param("id", id)
			.param("negotiation", negotiationId)
			.param("round", round)
			.update();
		return id.toString();
	}

	String source(String title) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (:id, 'Associated Press', :title, 'NEWS_AGENCY', 0, now(), now())""")
			.param("id", id)
			.param("title", name(title))
			.update();
		return id.toString();
	}

	JsonNode create(CeasefireJson ceasefire) {
		Api.Response response = this.api.post("/api/v1/ceasefires", ceasefire.json());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	String createId(CeasefireJson ceasefire) {
		return create(ceasefire).path("id").asString();
	}

}
