package org.borderwatch.history;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write's history entry is completed with the record the write answered: the record is
 * read and rendered once per transaction, so no statement that reads it is sent twice.
 */
@Import(SqlStatementCounter.Configuration.class)
class ServedRecordHistoryTest extends IntegrationTest {

	private Api api;

	private String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port).as(Api.ADMIN_KEY);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private Api.Response ok(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return response;
	}

	/** The statements that read (select) sent more than once since the last reset. */
	private static List<String> repeatedReads() {
		List<String> reads = SqlStatementCounter.statements()
			.stream()
			.filter((sql) -> sql.strip().toLowerCase().startsWith("select"))
			.filter((sql) -> !sql.contains("set_config"))
			.toList();
		return reads.stream().filter((sql) -> reads.indexOf(sql) != reads.lastIndexOf(sql)).distinct().toList();
	}

	@Test
	void createsAndPatchesAnIncidentReadingItsRecordOnce() {
		String first = ok(this.api.post("/api/v1/actors", """
				{"name": "Army %s", "kind": "STATE_FORCES"}""".formatted(this.run)), 201).json().path("id").asString();
		String second = ok(this.api.post("/api/v1/actors", """
				{"name": "Militia %s", "kind": "NON_STATE_ARMED_GROUP"}""".formatted(this.run)), 201).json()
			.path("id")
			.asString();

		SqlStatementCounter.reset();
		Api.Response created = ok(this.api.post("/api/v1/incidents", """
				{"title": "Clash %s", "startDate": "2025-10-12", "datePrecision": "DAY", "eventType": "BATTLES",
				 "subEventType": "ARMED_CLASH", "actors": [{"actorId": "%s", "role": "INITIATOR"},
				 {"actorId": "%s", "role": "TARGET"}],
				 "casualties": [{"category": "SECURITY_FORCES", "outcome": "KILLED", "best": 3}]}""".formatted(this.run,
				first, second), "X-Change-Reason", "reported"), 201);
		assertThat(repeatedReads()).isEmpty();

		String id = created.json().path("id").asString();
		SqlStatementCounter.reset();
		Api.Response patched = ok(this.api.patch("/api/v1/incidents/" + id, """
				{"description": "Revised"}""", "X-Change-Reason", "revised"), 200);
		assertThat(repeatedReads()).isEmpty();

		assertThat(ok(this.api.get("/api/v1/incidents/" + id + "/history/0"), 200).body()).isEqualTo(created.body());
		assertThat(ok(this.api.get("/api/v1/incidents/" + id + "/history/1"), 200).body()).isEqualTo(patched.body());
	}

	@Test
	void completesTheHistoryOfAnActorWithTheAnswerOfItsCreate() {
		String parent = ok(this.api.post("/api/v1/actors", """
				{"name": "Government %s", "kind": "STATE"}""".formatted(this.run)), 201).json().path("id").asString();
		SqlStatementCounter.reset();
		Api.Response created = ok(this.api.post("/api/v1/actors", """
				{"name": "Council %s", "kind": "OTHER", "country": "PAK", "parentId": "%s"}""".formatted(this.run,
				parent), "X-Change-Reason", "new"), 201);
		assertThat(repeatedReads()).isEmpty();
		String id = created.json().path("id").asString();
		assertThat(ok(this.api.get("/api/v1/actors/" + id + "/history/0"), 200).body()).isEqualTo(created.body());
	}

}
