package org.borderwatch.crossing;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.borderwatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds crossings and their histories through the API for tests. Names carry a per-run
 * suffix so the tests pass again on a database they already used, and {@code q=<run>}
 * finds exactly this run's crossings.
 */
final class CrossingFixtures {

	static final String CROSSINGS = "/api/v1/crossings";

	private final Api api;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	CrossingFixtures(Api api) {
		this.api = api;
	}

	String name(String base) {
		return base + " " + this.run;
	}

	JsonNode crossing(String name) {
		return crossing(name, "PAK", "AFG", "ROAD");
	}

	JsonNode crossing(String name, String countryA, String countryB, String kind) {
		return created(this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "%s", "countryB": "%s", "kind": "%s"}""".formatted(name(name), countryA,
				countryB, kind)));
	}

	String crossingId(String name) {
		return crossing(name).path("id").asString();
	}

	static String changes(String crossingId) {
		return CROSSINGS + "/" + crossingId + "/status-changes";
	}

	/**
	 * Records a change; {@code traffic} is a JSON array body such as
	 * {@code "TRADE", "PASSENGERS"}.
	 */
	JsonNode change(String crossingId, String effectiveFrom, String status, String traffic) {
		return change(crossingId, effectiveFrom, "DAY", status, traffic);
	}

	JsonNode change(String crossingId, String effectiveFrom, String precision, String status, String traffic) {
		return created(this.api.post(changes(crossingId), """
				{"effectiveFrom": "%s", "datePrecision": "%s", "status": "%s", "allowedTraffic": [%s]}"""
			.formatted(effectiveFrom, precision, status, traffic)));
	}

	/**
	 * Closed on 2025-10-12 and partially reopened for returning refugees in November
	 * 2025.
	 */
	void closedThenReopenedForRefugees(String crossingId) {
		change(crossingId, "2025-10-12T00:00:00Z", "CLOSED", "");
		change(crossingId, "2025-11-01T00:00:00Z", "MONTH", "PARTIALLY_OPEN", "\"REFUGEES_RETURNING\"");
	}

	JsonNode actor(String name) {
		return created(this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "GOVERNMENT"}""".formatted(name(name))));
	}

	private static JsonNode created(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

}
