package org.borderwatch.history;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private Api api;

	private String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private Api.Response ok(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	@Test
	void recordsWhoWhyAndWhatForCreatePatchAndDeleteOfAnActor() {
		Api.Response created = ok(this.api.post("/api/v1/actors", """
				{"name": "Iran %s", "kind": "STATE", "country": "IRN"}""".formatted(this.run), "X-Change-Reason",
				"Party to the talks"), 201);
		String id = created.json().path("id").asString();
		Api.Response patched = ok(this.api.patch("/api/v1/actors/" + id, """
				{"aliases": ["Islamic Republic of Iran"], "country": null}""", "X-Change-Reason", "Official name"),
				200);
		Api.Response read = ok(this.api.get("/api/v1/actors/" + id), 200);
		ok(this.api.delete("/api/v1/actors/" + id, "X-Change-Reason", "Entered twice"), 204);

		ok(this.api.get("/api/v1/actors/" + id), 404);
		JsonNode history = ok(this.api.get("/api/v1/actors/" + id + "/history"), 200).json();
		List<JsonNode> items = history.path("items").valueStream().toList();
		assertThat(items).extracting((e) -> e.path("action").asString())
			.containsExactly("DELETED", "UPDATED", "CREATED");
		assertThat(items).extracting((e) -> e.path("version").asLong()).containsExactly(2L, 1L, 0L);
		assertThat(items).extracting((e) -> e.path("reason").asString())
			.containsExactly("Entered twice", "Official name", "Party to the talks");
		assertThat(items).allSatisfy((e) -> assertThat(e.path("by").asString()).isNotEmpty());
		assertThat(items.get(0).path("record").isNull()).isTrue();
		assertThat(items.get(0).path("patch").isNull()).isTrue();
		JsonNode patch = items.get(1).path("patch");
		assertThat(patch.path("aliases").toString()).isEqualTo("[\"Islamic Republic of Iran\"]");
		assertThat(patch.has("country")).isTrue();
		assertThat(patch.path("country").isNull()).isTrue();
		assertThat(patch.path("version").asLong()).isEqualTo(1);
		assertThat(patch.has("name")).isFalse();
		assertThat(items.get(2).path("patch").path("name").asString()).isEqualTo("Iran " + this.run);

		// Each version exactly as it was served, byte for byte.
		Api.Response first = ok(this.api.get("/api/v1/actors/" + id + "/history/0"), 200);
		assertThat(first.body()).isEqualTo(created.body());
		assertThat(first.header("ETag")).isEqualTo("\"0\"");
		Api.Response second = ok(this.api.get("/api/v1/actors/" + id + "/history/1"), 200);
		assertThat(second.body()).isEqualTo(patched.body()).isEqualTo(read.body());
		ok(this.api.get("/api/v1/actors/" + id + "/history/2"), 404);
		ok(this.api.get("/api/v1/actors/" + id + "/history/3"), 404);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"sources|{\"publisher\": \"Dawn %s\", \"title\": \"Border reopens\", \"kind\": \"NEWS_AGENCY\"}|{\"language\": \"en\"}",
			"negotiations|{\"name\": \"Talks %s\"}|{\"description\": \"Mediated by Qatar\"}",
			"crossings|{\"name\": \"Gate %s\", \"countryA\": \"PAK\", \"countryB\": \"AFG\", \"kind\": \"ROAD\"}|{\"description\": \"Closed at night\"}" })
	void recordsCreatePatchAndDeleteOfEachResourceWithEachVersionAsServed(String collection, String create,
			String patch) {
		String path = "/api/v1/" + collection;
		Api.Response created = ok(this.api.post(path, create.formatted(this.run), "X-Change-Reason", "new"), 201);
		String id = created.json().path("id").asString();
		Api.Response patched = ok(this.api.patch(path + "/" + id, patch, "X-Change-Reason", "fix"), 200);
		ok(this.api.delete(path + "/" + id, "X-Change-Reason", "gone"), 204);

		List<JsonNode> items = ok(this.api.get(path + "/" + id + "/history"), 200).json()
			.path("items")
			.valueStream()
			.toList();
		assertThat(items).extracting((e) -> e.path("action").asString() + " " + e.path("reason").asString())
			.containsExactly("DELETED gone", "UPDATED fix", "CREATED new");
		assertThat(ok(this.api.get(path + "/" + id + "/history/0"), 200).body()).isEqualTo(created.body());
		assertThat(ok(this.api.get(path + "/" + id + "/history/1"), 200).body()).isEqualTo(patched.body());
		assertThat(items.get(1).path("patch").path("version").asLong()).isEqualTo(1);
	}

	@Test
	void keepsEachVersionOfAnIncidentAsServed() {
		String actor = ok(this.api.post("/api/v1/actors", """
				{"name": "Army %s", "kind": "STATE_FORCES"}""".formatted(this.run)), 201).json().path("id").asString();
		Api.Response created = ok(this.api.post("/api/v1/incidents", """
				{"title": "Clash %s", "startDate": "2025-10-12", "datePrecision": "DAY", "eventType": "BATTLES",
				 "subEventType": "ARMED_CLASH", "verification": "REPORTED",
				 "actors": [{"actorId": "%s", "role": "INITIATOR"}],
				 "casualties": [{"category": "SECURITY_FORCES", "outcome": "KILLED", "best": 3}]}""".formatted(this.run,
				actor)), 201);
		String id = created.json().path("id").asString();
		Api.Response patched = ok(this.api.patch("/api/v1/incidents/" + id,
				"""
						{"casualties": [{"category": "SECURITY_FORCES", "outcome": "KILLED", "low": 3, "best": 5, "high": 9}]}""",
				"If-Match", "\"0\"", "X-Change-Reason", "Revised figures"), 200);

		assertThat(ok(this.api.get("/api/v1/incidents/" + id + "/history/0"), 200).body()).isEqualTo(created.body());
		assertThat(ok(this.api.get("/api/v1/incidents/" + id + "/history/1"), 200).body()).isEqualTo(patched.body());
		JsonNode latest = ok(this.api.get("/api/v1/incidents/" + id + "/history?limit=1"), 200).json();
		assertThat(latest.path("items").size()).isEqualTo(1);
		assertThat(latest.path("items").get(0).path("patch").path("fatalities").asInt()).isEqualTo(5);
		assertThat(latest.path("items").get(0).path("reason").asString()).isEqualTo("Revised figures");
		JsonNode older = ok(
				this.api
					.get("/api/v1/incidents/" + id + "/history?limit=1&cursor=" + latest.path("nextCursor").asString()),
				200)
			.json();
		assertThat(older.path("items").get(0).path("action").asString()).isEqualTo("CREATED");
		assertThat(older.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void includesAChildsChangesInItsParentsHistory() {
		Api.Response crossing = ok(this.api.post("/api/v1/crossings", """
				{"name": "Gate %s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD"}""".formatted(this.run)), 201);
		String id = crossing.json().path("id").asString();
		Api.Response change = ok(this.api.post("/api/v1/crossings/" + id + "/status-changes", """
				{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED",
				 "allowedTraffic": []}"""), 201);
		String changeId = change.json().path("id").asString();

		// A status change raises its crossing's version: both show in the crossing's
		// history.
		JsonNode history = ok(this.api.get("/api/v1/crossings/" + id + "/history"), 200).json();
		assertThat(history.path("items")
			.valueStream()
			.map((e) -> e.path("collection").asString() + " " + e.path("action").asString())
			.toList()).containsExactly("crossing-status-changes CREATED", "crossings UPDATED", "crossings CREATED");
		Api.Response childVersion = ok(
				this.api.get("/api/v1/crossings/" + id + "/status-changes/" + changeId + "/history/0"), 200);
		assertThat(childVersion.body()).isEqualTo(change.body());
		ok(this.api.get("/api/v1/crossings/" + UUID.randomUUID() + "/status-changes/" + changeId + "/history"), 404);
	}

	@Test
	void answersNotFoundForARecordThatNeverExisted() {
		Api.Response response = this.api.get("/api/v1/incidents/" + UUID.randomUUID() + "/history");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).contains("problem+json"));
	}

	@Test
	void rendersRecordsWrittenBySqlInTheServicesTransactionsUnlessTheWriterSwitchesItOff() {
		UUID rendered = UUID.randomUUID();
		UUID bulk = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> insertSource(rendered));
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("select set_config('bw.render', 'off', true)").query().listOfRows();
			insertSource(bulk);
		});

		Api.Response served = ok(this.api.get("/api/v1/sources/" + rendered), 200);
		assertThat(ok(this.api.get("/api/v1/sources/" + rendered + "/history/0"), 200).body()).isEqualTo(served.body());
		JsonNode entry = ok(this.api.get("/api/v1/sources/" + bulk + "/history"), 200).json().path("items").get(0);
		assertThat(entry.path("action").asString()).isEqualTo("CREATED");
		assertThat(entry.path("record").isNull()).isTrue();
	}

	@Test
	void attributesTheServicesTransactionsAtCompletionUnlessTheWriterAttributedItself() {
		UUID unattributed = UUID.randomUUID();
		UUID imported = UUID.randomUUID();
		UUID deleted = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> insertSource(unattributed));
		this.transactions.executeWithoutResult((status) -> {
			ChangeAttribution.apply(this.jdbc, "ucdp-importer", "IMPORTER", "GED 25.1");
			insertSource(imported);
		});
		insertSource(deleted);
		this.transactions.executeWithoutResult(
				(status) -> this.jdbc.sql("delete from source where id = :id").param("id", deleted).update());

		JsonNode system = ok(this.api.get("/api/v1/sources/" + unattributed + "/history"), 200).json()
			.path("items")
			.get(0);
		assertThat(system.path("by").asString()).isEqualTo(ChangeAuthor.SYSTEM.name());
		assertThat(system.path("reason").isNull()).isTrue();
		JsonNode importer = ok(this.api.get("/api/v1/sources/" + imported + "/history"), 200).json()
			.path("items")
			.get(0);
		assertThat(importer.path("by").asString()).isEqualTo("ucdp-importer");
		assertThat(importer.path("reason").asString()).isEqualTo("GED 25.1");
		JsonNode tombstone = ok(this.api.get("/api/v1/sources/" + deleted + "/history"), 200).json()
			.path("items")
			.get(0);
		assertThat(tombstone.path("action").asString()).isEqualTo("DELETED");
		assertThat(tombstone.path("by").asString()).isEqualTo(ChangeAuthor.SYSTEM.name());
	}

	private void insertSource(UUID id) {
		this.jdbc.sql("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (:id, 'UCDP', 'GED', 'DATASET', 0, date_trunc('milliseconds', now()),
				        date_trunc('milliseconds', now()))""").param("id", id).update();
	}

	@Test
	void attributesBulkSqlWritesToTheSettingsOfTheirTransaction() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				with who as (select set_config('bw.actor', 'ucdp-importer', true),
				                    set_config('bw.reason', 'GED 25.1', true))
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				select :id, 'UCDP', 'GED', 'DATASET', 0, now(), now() from who""").param("id", id).update();

		JsonNode entry = ok(this.api.get("/api/v1/sources/" + id + "/history"), 200).json().path("items").get(0);
		assertThat(entry.path("by").asString()).isEqualTo("ucdp-importer");
		assertThat(entry.path("reason").asString()).isEqualTo("GED 25.1");
		assertThat(entry.path("action").asString()).isEqualTo("CREATED");
	}

}
