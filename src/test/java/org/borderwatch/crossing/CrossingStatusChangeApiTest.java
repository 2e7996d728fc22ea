package org.borderwatch.crossing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import static org.borderwatch.crossing.CrossingFixtures.CROSSINGS;
import static org.borderwatch.crossing.CrossingFixtures.changes;

@Import(SqlStatementCounter.Configuration.class)
class CrossingStatusChangeApiTest extends IntegrationTest {

	private static final String CLOSURE = """
			{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED", "allowedTraffic": [],
			 "reason": "Attacks on trade convoys from the Afghan side"}""";

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private CrossingFixtures data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new CrossingFixtures(this.api);
	}

	/**
	 * An incident row written directly: the incident feature's API is not this feature's
	 * concern.
	 */
	private String incident(String title) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into incident (id, title, start_date, end_date, date_precision, event_type, sub_event_type,
				                      country, verification, version, created_at, updated_at)
				values (:id, :title, :day, :day, 'DAY', 'VIOLENCE_AGAINST_CIVILIANS', 'ATTACK', 'PAK', 'REPORTED',
				        0, :now, :now)""")
			.param("id", id)
			.param("title", title)
			.param("day", LocalDate.of(2025, 10, 11))
			.param("now", now)
			.update();
		return id.toString();
	}

	@Test
	void recordsAChangeWithLocationETagAndTheDecidingActorsName() {
		String crossing = this.data.crossingId("Torkham");
		String pakistan = this.data.actor("Government of Pakistan").path("id").asString();
		String cause = incident("Attack on a trade convoy " + this.data.run);

		Api.Response created = this.api.post(changes(crossing),
				"""
						{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED", "allowedTraffic": [],
						 "decidedById": "%s", "reason": "Attacks on trade convoys from the Afghan side",
						 "causeIncidentId": "%s", "sourceIds": []}"""
					.formatted(pakistan, cause));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode change = created.json();
		String id = change.path("id").asString();
		assertThat(created.header("Location")).endsWith(changes(crossing) + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(change.path("crossingId").asString()).isEqualTo(crossing);
		assertThat(change.path("effectiveFrom").asString()).isEqualTo("2025-10-12T00:00:00Z");
		assertThat(change.path("datePrecision").asString()).isEqualTo("DAY");
		assertThat(change.path("status").asString()).isEqualTo("CLOSED");
		assertThat(change.path("decidedBy").path("id").asString()).isEqualTo(pakistan);
		assertThat(change.path("decidedBy").path("name").asString())
			.isEqualTo(this.data.name("Government of Pakistan"));
		assertThat(change.path("causeIncidentId").asString()).isEqualTo(cause);
		assertThat(change.path("createdAt").asString()).isNotBlank();

		Api.Response read = this.api.get(changes(crossing) + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.json().path("reason").asString()).isEqualTo("Attacks on trade convoys from the Afghan side");
		assertThat(this.api.get(changes(crossing) + "/" + id, "If-None-Match", "\"0\"").status()).isEqualTo(304);
	}

	@Test
	void listsTheHistoryOldestFirst() {
		String crossing = this.data.crossingId("Chaman");
		this.data.change(crossing, "2025-11-01T00:00:00Z", "MONTH", "PARTIALLY_OPEN", "\"REFUGEES_RETURNING\"");
		this.data.change(crossing, "2025-01-01T00:00:00Z", "OPEN", "\"PASSENGERS\", \"TRADE\"");
		this.data.change(crossing, "2025-10-12T00:00:00Z", "CLOSED", "");

		JsonNode items = this.api.get(changes(crossing)).json().path("items");

		assertThat(items.valueStream().map((item) -> item.path("status").asString())).containsExactly("OPEN", "CLOSED",
				"PARTIALLY_OPEN");
		assertThat(items.get(0).path("allowedTraffic").toString()).isEqualTo("[\"TRADE\",\"PASSENGERS\"]");
	}

	@Test
	void replacesAndPatchesAChangeAgainstItsOwnVersion() {
		String crossing = this.data.crossingId("Ghulam Khan");
		String path = changes(crossing) + "/"
				+ this.data.change(crossing, "2025-10-12T00:00:00Z", "CLOSED", "").path("id").asString();

		Api.Response replaced = this.api.put(path, """
				{"effectiveFrom": "2025-10-13T00:00:00Z", "datePrecision": "WEEK", "status": "PARTIALLY_OPEN",
				 "allowedTraffic": ["HUMANITARIAN"]}""", "If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
		assertThat(replaced.json().path("effectiveFrom").asString()).isEqualTo("2025-10-13T00:00:00Z");
		assertThat(replaced.json().path("datePrecision").asString()).isEqualTo("WEEK");

		Api.Response patched = this.api.patch(path, """
				{"allowedTraffic": ["HUMANITARIAN", "REFUGEES_RETURNING"], "reason": "Returns resumed"}""", "If-Match",
				"\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("status").asString()).isEqualTo("PARTIALLY_OPEN");
		assertThat(patched.json().path("allowedTraffic").toString())
			.isEqualTo("[\"REFUGEES_RETURNING\",\"HUMANITARIAN\"]");
		assertThat(patched.json().path("version").asLong()).isEqualTo(2);

		Api.Response closedByPatch = this.api.patch(path, "{\"status\": \"CLOSED\", \"allowedTraffic\": null}");
		assertThat(closedByPatch.status()).as(closedByPatch.body()).isEqualTo(200);
		assertThat(closedByPatch.json().path("allowedTraffic").size()).isZero();
	}

	@Test
	void refusesStaleIfMatchOnAChangeWith412AndKeepsIt() {
		String crossing = this.data.crossingId("Angoor Adda");
		String path = changes(crossing) + "/"
				+ this.data.change(crossing, "2025-10-12T00:00:00Z", "CLOSED", "").path("id").asString();
		this.api.patch(path, "{\"reason\": \"Security\"}");

		Api.Response stalePut = this.api.put(path, CLOSURE, "If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch(path, "{\"reason\": \"Other\"}", "If-Match", "\"0\"");
		Api.Response staleDelete = this.api.delete(path, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(staleDelete.contentType()).hasValue("application/problem+json");
		assertThat(this.api.get(path).json().path("reason").asString()).isEqualTo("Security");
		assertThat(this.api.delete(path, "If-Match", "\"1\"").status()).isEqualTo(204);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void unknownCrossingUnknownChangeAndAnotherCrossingsChangeAre404() {
		String torkham = this.data.crossingId("Torkham");
		String chaman = this.data.crossingId("Chaman");
		String chamanChange = this.data.change(chaman, "2025-10-12T00:00:00Z", "CLOSED", "").path("id").asString();
		String unknownCrossing = changes(UUID.randomUUID().toString());

		assertThat(this.api.post(unknownCrossing, CLOSURE).status()).isEqualTo(404);
		assertThat(this.api.get(unknownCrossing + "/" + chamanChange).status()).isEqualTo(404);
		assertThat(this.api.get(changes(torkham) + "/" + UUID.randomUUID()).status()).isEqualTo(404);

		String foreign = changes(torkham) + "/" + chamanChange;
		Api.Response read = this.api.get(foreign);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.contentType()).hasValue("application/problem+json");
		assertThat(this.api.put(foreign, CLOSURE).status()).isEqualTo(404);
		assertThat(this.api.patch(foreign, "{\"reason\": \"x\"}").status()).isEqualTo(404);
		assertThat(this.api.delete(foreign).status()).isEqualTo(404);
		assertThat(this.api.get(changes(chaman) + "/" + chamanChange).status()).isEqualTo(200);
	}

	@Test
	void refusesAClosedCrossingThatLetsTrafficThrough() {
		String crossing = this.data.crossingId("Torkham");

		Api.Response response = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED",
				 "allowedTraffic": ["TRADE"]}""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("allowedTraffic");
		assertThat(this.api.get(changes(crossing)).json().path("items").size()).isZero();
	}

	@Test
	void refusesAnOpenOrPartiallyOpenCrossingThatLetsNothingThrough() {
		String crossing = this.data.crossingId("Torkham");
		String closure = changes(crossing) + "/"
				+ this.data.change(crossing, "2025-10-12T00:00:00Z", "CLOSED", "").path("id").asString();

		Api.Response open = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-11-01T00:00:00Z", "datePrecision": "MONTH", "status": "OPEN"}""");
		Api.Response partial = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-11-01T00:00:00Z", "datePrecision": "MONTH", "status": "PARTIALLY_OPEN",
				 "allowedTraffic": []}""");
		Api.Response reopenedByPatch = this.api.patch(closure, "{\"status\": \"OPEN\"}");

		assertThat(List.of(open.status(), partial.status(), reopenedByPatch.status())).containsOnly(400);
		assertThat(open.errorFields()).containsExactly("allowedTraffic");
		assertThat(partial.errorFields()).containsExactly("allowedTraffic");
		assertThat(reopenedByPatch.errorFields()).containsExactly("allowedTraffic");
		assertThat(this.api.get(closure).json().path("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void twoChangesOfOneCrossingCannotShareAnInstant() {
		String crossing = this.data.crossingId("Torkham");
		this.data.change(crossing, "2025-10-12T00:00:00Z", "CLOSED", "");
		String later = changes(crossing) + "/"
				+ this.data.change(crossing, "2025-11-01T00:00:00Z", "PARTIALLY_OPEN", "\"REFUGEES_RETURNING\"")
					.path("id")
					.asString();

		Api.Response sameInstant = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-10-12T05:00:00+05:00", "datePrecision": "DAY", "status": "OPEN",
				 "allowedTraffic": ["TRADE"]}""");
		Api.Response movedOntoIt = this.api.patch(later, "{\"effectiveFrom\": \"2025-10-12T00:00:00Z\"}");
		Api.Response otherCrossing = this.api.post(changes(this.data.crossingId("Chaman")), CLOSURE);

		assertThat(sameInstant.status()).isEqualTo(409);
		assertThat(sameInstant.errorFields()).containsExactly("effectiveFrom");
		assertThat(movedOntoIt.status()).isEqualTo(409);
		assertThat(movedOntoIt.errorFields()).containsExactly("effectiveFrom");
		assertThat(otherCrossing.status()).isEqualTo(201);
		assertThat(this.api.patch(later, "{\"reason\": \"Refugees only\"}").status())
			.as("a change keeps its own instant")
			.isEqualTo(200);
	}

	@Test
	void rejectsMissingMalformedAndTooLongFieldsNamingThem() {
		String crossing = this.data.crossingId("Torkham");

		Api.Response missing = this.api.post(changes(crossing), """
				{"allowedTraffic": [], "reason": "%s"}""".formatted("r".repeat(2001)));
		Api.Response badInstant = this.api.post(changes(crossing), """
				{"effectiveFrom": "12 October 2025", "datePrecision": "DAY", "status": "CLOSED"}""");
		Api.Response badTraffic = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "OPEN",
				 "allowedTraffic": ["TRADE", "CARGO"]}""");
		Api.Response badPrecision = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "HOUR", "status": "CLOSED"}""");
		Api.Response unknownField = this.api.post(changes(crossing),
				"""
						{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED", "crossingId": "x"}""");

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("datePrecision", "effectiveFrom", "reason", "status");
		assertThat(badInstant.errorFields()).containsExactly("effectiveFrom");
		assertThat(badTraffic.errorFields()).containsExactly("allowedTraffic[1]");
		assertThat(badPrecision.errorFields()).containsExactly("datePrecision");
		assertThat(unknownField.errorFields()).containsExactly("crossingId");
		assertThat(this.api.get(changes(crossing)).json().path("items").size()).isZero();
	}

	@Test
	void brokenReferencesAre422NamingEachField() {
		String crossing = this.data.crossingId("Torkham");
		UUID missing = UUID.randomUUID();

		Api.Response response = this.api.post(changes(crossing), """
				{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED",
				 "decidedById": "%s", "causeIncidentId": "%s", "sourceIds": ["%s"]}""".formatted(missing, missing,
				missing));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("decidedById", "causeIncidentId", "sourceIds[0]");
		assertThat(this.api.get(changes(crossing)).json().path("items").size()).isZero();
		assertThat(this.api.get(CROSSINGS + "/" + crossing).header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void concurrentChangesAtOneInstantGiveOneCreatedAndOneConflict() throws Exception {
		String crossing = this.data.crossingId("Torkham");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Api.Response>> posts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				posts.add(pool.submit(() -> {
					start.await();
					return this.api.post(changes(crossing), CLOSURE);
				}));
			}
			start.countDown();
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> post : posts) {
				responses.add(post.get(60, TimeUnit.SECONDS));
			}

			assertThat(responses.stream().map(Api.Response::status)).containsExactlyInAnyOrder(201, 409);
			Api.Response conflict = responses.stream().filter((r) -> r.status() == 409).findFirst().orElseThrow();
			assertThat(conflict.errorFields()).containsExactly("effectiveFrom");
			assertThat(this.api.get(changes(crossing)).json().path("items").size()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void walksEveryPageOfAHistory() {
		String crossing = this.data.crossingId("Busy");
		Set<String> created = new HashSet<>();
		for (int day = 1; day <= 12; day++) {
			String status = (day % 2 == 0) ? "CLOSED" : "OPEN";
			String traffic = (day % 2 == 0) ? "" : "\"TRADE\"";
			created.add(this.data.change(crossing, "2025-10-%02dT00:00:00Z".formatted(day), status, traffic)
				.path("id")
				.asString());
		}

		Pages.Walk walk = Pages.walk(this.api, changes(crossing) + "?limit=5");

		assertThat(walk.pages()).isEqualTo(3);
		assertThat(walk.ids()).hasSize(12).doesNotHaveDuplicates();
		assertThat(new HashSet<>(walk.ids())).isEqualTo(created);
		assertThat(walk.items().stream().map((item) -> item.path("effectiveFrom").asString()).toList()).isSorted();
		assertThat(this.api.get(changes(crossing) + "?cursor=garbage").errorFields()).containsExactly("cursor");
	}

	@Test
	void historyListRunsAFixedNumberOfQueriesWhateverThePageSize() {
		String crossing = this.data.crossingId("Counted");
		for (int day = 1; day <= 12; day++) {
			String decider = this.data.actor("Decider " + day).path("id").asString();
			this.api.post(changes(crossing), """
					{"effectiveFrom": "2025-10-%02dT00:00:00Z", "datePrecision": "DAY", "status": "CLOSED",
					 "decidedById": "%s"}""".formatted(day, decider));
		}

		SqlStatementCounter.reset();
		assertThat(this.api.get(changes(crossing) + "?limit=2").json().path("items").size()).isEqualTo(2);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		JsonNode large = this.api.get(changes(crossing) + "?limit=12").json().path("items");
		long largeCount = SqlStatementCounter.count();

		assertThat(large.size()).isEqualTo(12);
		assertThat(large.get(11).path("decidedBy").path("name").asString()).isEqualTo(this.data.name("Decider 12"));
		assertThat(largeCount).isEqualTo(small);
	}

}
