package org.borderwatch.config;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query language's rules, the same on every endpoint: typos are refused, enums ignore
 * case, cursors stay with their filters, every error has one shape.
 */
class QueryLanguageApiTest extends IntegrationTest {

	private Api api;

	private String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode problem(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = response.json();
		assertThat(problem.path("correlationId").asString()).isNotBlank();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		return problem;
	}

	private String message(JsonNode problem, String field) {
		return problem.path("errors")
			.valueStream()
			.filter((error) -> error.path("field").asString().equals(field))
			.map((error) -> error.path("message").asString())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no error on " + field + " in " + problem));
	}

	@Test
	void refusesAMisspelledParameterNamingTheClosestKnownOne() {
		JsonNode problem = problem(this.api.get("/api/v1/incidents?contry=PAK"), 400);

		assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
		assertThat(message(problem, "contry")).contains("did you mean 'country'");
	}

	@Test
	void refusesPageAndOffsetPointingToTheCursor() {
		assertThat(message(problem(this.api.get("/api/v1/incidents?page=2"), 400), "page")).contains("cursor");
		assertThat(message(problem(this.api.get("/api/v1/actors?offset=50"), 400), "offset")).contains("cursor");
		assertThat(message(problem(this.api.get("/api/v1/ceasefires?size=5"), 400), "size")).contains("limit");
	}

	@Test
	void refusesUnknownParametersOnEveryKindOfEndpoint() {
		assertThat(message(problem(this.api.get("/api/v1/stats/incidents?intervl=week"), 400), "intervl"))
			.contains("'interval'");
		assertThat(message(problem(this.api.get("/api/v1/timeline?kinds=INCIDENT"), 400), "kinds")).contains("'kind'");
		assertThat(message(problem(this.api.get("/api/v1/situation?asof=2025-11-06"), 400), "asof")).contains("'asOf'");
		problem(this.api.get("/api/v1/actors/" + UUID.randomUUID() + "?verbose=true"), 400);
	}

	@Test
	void readsEnumerationsIgnoringCaseEverywhere() {
		assertThat(this.api.get("/api/v1/actors?kind=person").status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/ceasefires?status=in_effect").status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/incidents?type=battles").status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/crossings?status=closed").status()).isEqualTo(200);
	}

	@Test
	void namesTheBadItemAndTheAllowedValuesOfAnEnumeration() {
		String kind = message(problem(this.api.get("/api/v1/actors?kind=STATE,PERSN"), 400), "kind");
		assertThat(kind).contains("'PERSN'", "PERSON", "STATE");

		String status = message(problem(this.api.get("/api/v1/ceasefires?status=in_efect"), 400), "status");
		assertThat(status).contains("'in_efect'", "IN_EFFECT");
	}

	@Test
	void refusesACursorIssuedForOtherFilters() {
		for (int i = 0; i < 2; i++) {
			Api.Response created = this.api.post("/api/v1/actors", """
					{"name": "Cursor %d %s", "kind": "OTHER", "country": "PAK"}""".formatted(i, this.run));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		String cursor = this.api.get("/api/v1/actors?q=" + this.run + "&limit=1").json().path("nextCursor").asString();

		assertThat(this.api.get("/api/v1/actors?q=" + this.run + "&limit=1&cursor=" + cursor).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/actors?limit=5&q=" + this.run.toUpperCase() + "&cursor=" + cursor).status())
			.as("the page size and the spelling's case may change mid-walk")
			.isEqualTo(200);
		JsonNode problem = problem(
				this.api.get("/api/v1/actors?q=" + this.run + "&country=AFG&limit=1&cursor=" + cursor), 400);
		assertThat(message(problem, "cursor")).contains("other filters");
	}

	@Test
	void answersAMissingContentTypeWithTheSameProblemShape() {
		Api.Response response = this.api.send("POST", "/api/v1/actors", "{\"name\": \"x\"}", null);

		JsonNode problem = problem(response, 415);
		assertThat(problem.path("title").asString()).isEqualTo("Unsupported Media Type");
		assertThat(problem.path("detail").asString()).contains("application/json");
	}

	@Test
	void titlesAreTheStatusPhrases() {
		JsonNode problem = problem(this.api.get("/api/v1/actors/" + UUID.randomUUID()), 404);

		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
		assertThat(problem.path("type").asString("about:blank")).isEqualTo("about:blank");
	}

	@Test
	void formatParameterStandsForTheAcceptHeader() {
		Api.Response csv = this.api.get("/api/v1/incidents?format=csv&q=" + this.run);
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));

		Api.Response geojson = this.api.get("/api/v1/timeline?format=GeoJSON&q=" + this.run);
		assertThat(geojson.status()).as(geojson.body()).isEqualTo(200);
		assertThat(geojson.json().path("type").asString()).isEqualTo("FeatureCollection");

		Api.Response json = this.api.get("/api/v1/incidents?format=json&q=" + this.run, "Accept", "text/csv");
		assertThat(json.json().has("items")).isTrue();

		assertThat(message(problem(this.api.get("/api/v1/incidents?format=xml"), 400), "format")).contains("csv",
				"geojson", "ndjson");
		assertThat(message(problem(this.api.get("/api/v1/actors?format=csv"), 400), "format"))
			.contains("not a parameter");
	}

}
