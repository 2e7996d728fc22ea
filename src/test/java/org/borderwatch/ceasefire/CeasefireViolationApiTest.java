package org.borderwatch.ceasefire;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.Pages;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.ceasefire.CeasefireJson.inEffect;

@Import(SqlStatementCounter.Configuration.class)
class CeasefireViolationApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private CeasefireFixtures fixtures;

	private String pakistan;

	private String afghanistan;

	private String ceasefire;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new CeasefireFixtures(this.api, this.jdbc, UUID.randomUUID().toString().substring(0, 8));
		this.fixtures.ensureCitingTable();
		this.pakistan = this.fixtures.actor("Pakistan");
		this.afghanistan = this.fixtures.actor("Afghanistan");
		this.ceasefire = this.fixtures
			.createId(inEffect(this.fixtures.name("Doha ceasefire"), "2025-10-19", this.pakistan, this.afghanistan));
	}

	private String violations(String ceasefire) {
		return "/api/v1/ceasefires/" + ceasefire + "/violations";
	}

	private Api.Response allege(String ceasefire, String incident, String allegedBy, String note) {
		return this.api.post(violations(ceasefire), """
				{"incidentId": "%s", "allegedById": %s, "note": %s}""".formatted(incident,
				(allegedBy != null) ? "\"" + allegedBy + "\"" : "null", (note != null) ? "\"" + note + "\"" : "null"));
	}

	private JsonNode ceasefire(String id) {
		return this.api.get("/api/v1/ceasefires/" + id).json();
	}

	@Test
	void recordsAViolationWithTheIncidentTitleAndWhoAllegedIt() {
		String incident = this.fixtures.incident("Shelling in Kurram", "2025-10-25");

		Api.Response created = allege(this.ceasefire, incident, this.afghanistan, "Reported by state media");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.path("id").asString();
		assertThat(created.header("Location")).endsWith(violations(this.ceasefire) + "/" + id);
		assertThat(body.path("incidentId").asString()).isEqualTo(incident);
		assertThat(body.path("incidentTitle").asString()).isEqualTo(this.fixtures.name("Shelling in Kurram"));
		assertThat(body.path("allegedBy").path("id").asString()).isEqualTo(this.afghanistan);
		assertThat(body.path("allegedBy").path("name").asString()).isEqualTo(this.fixtures.name("Afghanistan"));
		assertThat(body.path("note").asString()).isEqualTo("Reported by state media");
		assertThat(body.path("createdAt").asString()).isNotBlank();

		Api.Response read = this.api.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(body);
	}

	@Test
	void aViolationMovesTheCeasefireVersionAndCount() {
		Api.Response before = this.api.get("/api/v1/ceasefires/" + this.ceasefire);
		assertThat(before.json().path("violationCount").asLong()).isZero();

		String id = allege(this.ceasefire, this.fixtures.incident("Clash", "2025-10-25"), null, null).json()
			.path("id")
			.asString();

		Api.Response after = this.api.get("/api/v1/ceasefires/" + this.ceasefire, "If-None-Match",
				before.header("ETag"));
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().path("violationCount").asLong()).isEqualTo(1);
		assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
		Api.Response stale = this.api.patch("/api/v1/ceasefires/" + this.ceasefire, "{\"terms\": \"x\"}", "If-Match",
				before.header("ETag"));
		assertThat(stale.status()).isEqualTo(412);

		assertThat(this.api.delete(violations(this.ceasefire) + "/" + id).status()).isEqualTo(204);
		JsonNode removed = ceasefire(this.ceasefire);
		assertThat(removed.path("violationCount").asLong()).isZero();
		assertThat(removed.path("version").asLong()).isEqualTo(after.json().path("version").asLong() + 1);
	}

	@Test
	void theSameIncidentTwiceForTheSameCeasefireIs409NamingIncidentId() {
		String incident = this.fixtures.incident("Clash", "2025-10-25");
		String other = this.fixtures
			.createId(inEffect(this.fixtures.name("Another truce"), "2025-10-20", this.pakistan, this.afghanistan));
		assertThat(allege(this.ceasefire, incident, null, null).status()).isEqualTo(201);

		Api.Response duplicate = allege(this.ceasefire, incident, this.pakistan, "again");

		assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("incidentId");
		assertThat(allege(other, incident, null, null).status()).isEqualTo(201);
		assertThat(ceasefire(this.ceasefire).path("violationCount").asLong()).isEqualTo(1);
	}

	@Test
	void concurrentAllegationsOfTheSameIncidentRecordItOnce() throws Exception {
		String incident = this.fixtures.incident("Clash", "2025-10-25");

		List<Api.Response> responses = Concurrently.run(4, (i) -> allege(this.ceasefire, incident, null, "try " + i));

		assertThat(responses.stream().map(Api.Response::status)).as(responses.toString())
			.containsExactlyInAnyOrder(201, 409, 409, 409);
		JsonNode stored = ceasefire(this.ceasefire);
		assertThat(stored.path("violationCount").asLong()).isEqualTo(1);
		assertThat(stored.path("version").asLong()).isEqualTo(1);
	}

	@Test
	void concurrentAllegationsOfDifferentIncidentsAreAllKept() throws Exception {
		List<String> incidents = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			incidents.add(this.fixtures.incident("Clash " + i, "2025-10-25"));
		}

		List<Api.Response> responses = Concurrently.run(4, (i) -> allege(this.ceasefire, incidents.get(i), null, null));

		assertThat(responses.stream().map(Api.Response::status)).as(responses.toString()).containsOnly(201);
		JsonNode stored = ceasefire(this.ceasefire);
		assertThat(stored.path("violationCount").asLong()).isEqualTo(4);
		assertThat(stored.path("version").asLong()).isEqualTo(4);
	}

	@Test
	void brokenReferencesAre422NamingEachFieldAndRecordNothing() {
		Api.Response response = allege(this.ceasefire, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				null);

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("incidentId", "allegedById");
		JsonNode stored = ceasefire(this.ceasefire);
		assertThat(stored.path("violationCount").asLong()).isZero();
		assertThat(stored.path("version").asLong()).isZero();
	}

	@Test
	void badViolationRequestsAre400NamingTheField() {
		assertThat(this.api.post(violations(this.ceasefire), "{\"note\": \"no incident\"}").errorFields())
			.containsExactly("incidentId");
		assertThat(this.api.post(violations(this.ceasefire), "{\"incidentId\": \"nope\"}").errorFields())
			.containsExactly("incidentId");
		assertThat(this.api.post(violations(this.ceasefire), """
				{"incidentId": "%s", "note": "%s"}""".formatted(UUID.randomUUID(), "n".repeat(2001))).errorFields())
			.containsExactly("note");
		assertThat(this.api.post(violations(this.ceasefire), """
				{"incidentId": "%s", "alleged": "x"}""".formatted(UUID.randomUUID())).errorFields())
			.containsExactly("alleged");
		assertThat(this.api.get(violations(this.ceasefire) + "?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get(violations(this.ceasefire) + "?cursor=garbage").errorFields())
			.containsExactly("cursor");
	}

	@Test
	void violationsOfAnUnknownCeasefireAre404() {
		String unknown = UUID.randomUUID().toString();
		String incident = this.fixtures.incident("Clash", "2025-10-25");

		assertThat(allege(unknown, incident, null, null).status()).isEqualTo(404);
		assertThat(this.api.get(violations(unknown)).status()).isEqualTo(404);
		assertThat(this.api.get(violations(unknown) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.delete(violations(unknown) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void aViolationIsOnlyFoundUnderItsOwnCeasefire() {
		String other = this.fixtures
			.createId(inEffect(this.fixtures.name("Another truce"), "2025-10-20", this.pakistan, this.afghanistan));
		String id = allege(this.ceasefire, this.fixtures.incident("Clash", "2025-10-25"), null, null).json()
			.path("id")
			.asString();

		assertThat(this.api.get(violations(other) + "/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete(violations(other) + "/" + id).status()).isEqualTo(404);
		assertThat(this.api.get(violations(this.ceasefire) + "/" + id).status()).isEqualTo(200);
	}

	@Test
	void removesAViolationAndKeepsTheIncident() {
		String incident = this.fixtures.incident("Clash", "2025-10-25");
		String id = allege(this.ceasefire, incident, null, null).json().path("id").asString();

		assertThat(this.api.delete(violations(this.ceasefire) + "/" + id).status()).isEqualTo(204);

		assertThat(this.api.get(violations(this.ceasefire) + "/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete(violations(this.ceasefire) + "/" + id).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from incident where id = :id")
			.param("id", UUID.fromString(incident))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(allege(this.ceasefire, incident, null, "recorded again").status()).isEqualTo(201);
	}

	@Test
	void listsViolationsInTheOrderRecordedPageByPage() {
		List<String> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recorded.add(allege(this.ceasefire, this.fixtures.incident("Clash " + i, "2025-10-2" + i), this.afghanistan,
					null)
				.json()
				.path("id")
				.asString());
		}

		Pages.Walk walk = Pages.walk(this.api, violations(this.ceasefire) + "?limit=2");

		assertThat(walk.pages()).isEqualTo(3);
		assertThat(walk.ids()).isEqualTo(recorded);
		walk.items().forEach((item) -> {
			assertThat(item.path("allegedBy").path("name").asString()).isEqualTo(this.fixtures.name("Afghanistan"));
			assertThat(item.path("incidentTitle").asString()).startsWith("Clash");
		});
	}

	@Test
	void violationListRunsAFixedNumberOfQueriesWhateverThePageSize() {
		for (int i = 0; i < 12; i++) {
			String alleger = (i % 2 == 0) ? this.pakistan : this.fixtures.actor("Alleger " + i);
			allege(this.ceasefire, this.fixtures.incident("Clash " + i, "2025-10-25"), alleger, "note " + i);
		}

		SqlStatementCounter.reset();
		assertThat(this.api.get(violations(this.ceasefire) + "?limit=2").status()).isEqualTo(200);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		assertThat(this.api.get(violations(this.ceasefire) + "?limit=12").json().path("items").size()).isEqualTo(12);
		long large = SqlStatementCounter.count();

		assertThat(large).isEqualTo(small);
	}

	@Test
	void deletingACeasefireRemovesItsViolationsButNotTheIncidents() {
		String incident = this.fixtures.incident("Clash", "2025-10-25");
		String id = allege(this.ceasefire, incident, null, null).json().path("id").asString();

		assertThat(this.api.delete("/api/v1/ceasefires/" + this.ceasefire).status()).isEqualTo(204);

		assertThat(this.jdbc.sql("select count(*) from ceasefire_violation where id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from incident where id = :id")
			.param("id", UUID.fromString(incident))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
