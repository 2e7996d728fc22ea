package org.borderwatch.crossing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import org.borderwatch.support.Api;
import org.borderwatch.support.Pages;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.crossing.CrossingFixtures.CROSSINGS;
import static org.borderwatch.crossing.CrossingFixtures.changes;

@Import(SqlStatementCounter.Configuration.class)
class CrossingApiTest extends IntegrationTest {

	private Api api;

	private CrossingFixtures data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new CrossingFixtures(this.api);
	}

	private String name(String base) {
		return this.data.name(base);
	}

	private List<String> names(String query) {
		Api.Response response = this.api.get(CROSSINGS + "?q=" + this.data.run + "&" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("name").asString()).toList();
	}

	private JsonNode only(String query) {
		Api.Response response = this.api.get(CROSSINGS + "?q=" + this.data.run + "&" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("items").size()).as(response.body()).isEqualTo(1);
		return response.json().path("items").get(0);
	}

	@Test
	void createsAndReadsACrossingWithLocationAndETag() {
		Api.Response created = this.api.post(CROSSINGS, """
				{"name": "%s", "alternateNames": ["Torkham Border Crossing"], "countryA": "PAK", "countryB": "AFG",
				 "latitude": 34.1125, "longitude": 71.0903, "kind": "ROAD", "description": "Khyber Pass road",
				 "sourceIds": []}""".formatted(name("Torkham")));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).endsWith(CROSSINGS + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(UUID.fromString(id).version()).isEqualTo(7);
		assertThat(created.json().path("currentStatus").isNull()).isTrue();
		assertThat(created.json().path("createdAt").asString()).isNotBlank();

		Api.Response read = this.api.get(CROSSINGS + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		JsonNode crossing = read.json();
		assertThat(crossing.path("alternateNames").toString()).isEqualTo("[\"Torkham Border Crossing\"]");
		assertThat(crossing.path("countryA").asString()).isEqualTo("PAK");
		assertThat(crossing.path("countryB").asString()).isEqualTo("AFG");
		assertThat(crossing.path("latitude").asDouble()).isEqualTo(34.1125);
		assertThat(crossing.path("longitude").asDouble()).isEqualTo(71.0903);
		assertThat(crossing.path("kind").asString()).isEqualTo("ROAD");
		assertThat(crossing.has("currentStatus")).isTrue();
		assertThat(crossing.path("currentStatus").isNull()).isTrue();
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = this.data.crossingId("Chaman");

		Api.Response response = this.api.get(CROSSINGS + "/" + id, "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void replacesAndPatchesWithVersionBump() {
		String id = this.data.crossingId("Ghulam Khan");

		Api.Response replaced = this.api.put(CROSSINGS + "/" + id,
				"""
						{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "MIXED", "latitude": 33.2, "longitude": 69.8,
						 "alternateNames": ["Ghulam Khan Kalay"]}"""
					.formatted(name("Ghulam Khan")),
				"If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
		assertThat(replaced.json().path("kind").asString()).isEqualTo("MIXED");

		Api.Response patched = this.api.patch(CROSSINGS + "/" + id, """
				{"description": "North Waziristan", "alternateNames": null, "latitude": null, "longitude": null}""",
				"If-Match", "\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("description").asString()).isEqualTo("North Waziristan");
		assertThat(patched.json().path("kind").asString()).isEqualTo("MIXED");
		assertThat(patched.json().path("alternateNames").size()).isZero();
		assertThat(patched.json().path("latitude").isNull()).isTrue();
		assertThat(patched.json().path("version").asLong()).isEqualTo(2);
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = this.data.crossingId("Angoor Adda");
		this.api.patch(CROSSINGS + "/" + id, "{\"kind\": \"PEDESTRIAN\"}");

		Api.Response stalePut = this.api.put(CROSSINGS + "/" + id, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "RAIL"}""".formatted(name("Angoor Adda")),
				"If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch(CROSSINGS + "/" + id, "{\"kind\": \"RAIL\"}", "If-Match", "\"0\"");
		Api.Response staleDelete = this.api.delete(CROSSINGS + "/" + id, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(stalePut.contentType()).hasValue("application/problem+json");
		assertThat(this.api.get(CROSSINGS + "/" + id).json().path("kind").asString()).isEqualTo("PEDESTRIAN");
	}

	@Test
	void unknownCrossingIs404Everywhere() {
		String path = CROSSINGS + "/" + UUID.randomUUID();
		String body = """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD"}""".formatted(name("Nowhere"));

		assertThat(this.api.get(path).status()).isEqualTo(404);
		assertThat(this.api.put(path, body).status()).isEqualTo(404);
		assertThat(this.api.patch(path, "{\"kind\": \"RAIL\"}").status()).isEqualTo(404);
		assertThat(this.api.delete(path).status()).isEqualTo(404);
		assertThat(this.api.get(path + "/status").status()).isEqualTo(404);
		Api.Response problem = this.api.get(path + "/status-changes");
		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.contentType()).hasValue("application/problem+json");
	}

	@Test
	void rejectsTheSameCountryOnBothSidesNamingCountryB() {
		Api.Response response = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "PAK", "kind": "ROAD"}""".formatted(name("Loop")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("countryB");
	}

	@Test
	void rejectsCoordinatesOutOfRangeNamingEach() {
		Api.Response response = this.api.post(CROSSINGS,
				"""
						{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "latitude": 90.5, "longitude": -180.01}"""
					.formatted(name("Off the map")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("latitude", "longitude");
	}

	@Test
	void rejectsHalfAPositionNamingTheMissingCoordinate() {
		Api.Response noLongitude = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "latitude": 34.1}"""
			.formatted(name("Half")));
		Api.Response noLatitude = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "longitude": 71.0}"""
			.formatted(name("Half")));

		assertThat(noLongitude.status()).isEqualTo(400);
		assertThat(noLongitude.errorFields()).containsExactly("longitude");
		assertThat(noLatitude.status()).isEqualTo(400);
		assertThat(noLatitude.errorFields()).containsExactly("latitude");
		assertThat(names("")).isEmpty();
	}

	@Test
	void rejectsMissingRequiredTooLongAndBadCountryFields() {
		Api.Response response = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "Pakistan", "alternateNames": [""]}""".formatted("n".repeat(201)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("alternateNames[0]", "countryA", "countryB", "kind", "name");
	}

	@Test
	void rejectsUnknownFieldBadEnumAndWrongTypeNamingThem() {
		Api.Response unknown = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "staus": "OPEN"}"""
			.formatted(name("X")));
		Api.Response badKind = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "BRIDGE"}""".formatted(name("X")));
		Api.Response wrongType = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "latitude": "north"}"""
			.formatted(name("X")));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("staus");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.errorFields()).containsExactly("kind");
		assertThat(badKind.json().path("errors").get(0).path("message").asString()).contains("PEDESTRIAN");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.errorFields()).containsExactly("latitude");
	}

	@Test
	void duplicateNameIgnoringCaseIs409NamingName() {
		this.data.crossing("Kharlachi");
		String other = this.data.crossingId("Kurram");

		Api.Response created = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD"}"""
			.formatted(name("Kharlachi").toUpperCase()));
		Api.Response renamed = this.api.patch(CROSSINGS + "/" + other,
				"{\"name\": \"%s\"}".formatted(name("kharlachi").toLowerCase()));

		assertThat(created.status()).isEqualTo(409);
		assertThat(created.errorFields()).containsExactly("name");
		assertThat(renamed.status()).isEqualTo(409);
		assertThat(renamed.errorFields()).containsExactly("name");
	}

	@Test
	void unknownSourceIs422NamingIt() {
		Api.Response response = this.api.post(CROSSINGS, """
				{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "sourceIds": ["%s"]}"""
			.formatted(name("Sourced"), UUID.randomUUID()));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("sourceIds[0]");
		assertThat(names("")).isEmpty();
	}

	@Test
	void deletingACrossingDeletesItsHistory() {
		String id = this.data.crossingId("Torkham to delete");
		String change = this.data.change(id, "2025-10-12T00:00:00Z", "CLOSED", "").path("id").asString();

		assertThat(this.api.delete(CROSSINGS + "/" + id).status()).isEqualTo(204);

		assertThat(this.api.get(CROSSINGS + "/" + id).status()).isEqualTo(404);
		assertThat(this.api.get(changes(id) + "/" + change).status()).isEqualTo(404);
	}

	@Test
	void showsTheStatusInForceAtAnInstantOrADate() {
		this.data.closedThenReopenedForRefugees(this.data.crossingId("Torkham"));

		JsonNode closed = only("asOf=2025-10-15").path("currentStatus");
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("allowedTraffic").size()).isZero();
		assertThat(closed.path("since").asString()).isEqualTo("2025-10-12T00:00:00Z");
		assertThat(closed.path("datePrecision").asString()).isEqualTo("DAY");

		JsonNode reopened = only("asOf=2025-11-06").path("currentStatus");
		assertThat(reopened.path("status").asString()).isEqualTo("PARTIALLY_OPEN");
		assertThat(reopened.path("allowedTraffic").toString()).isEqualTo("[\"REFUGEES_RETURNING\"]");
		assertThat(reopened.path("datePrecision").asString()).isEqualTo("MONTH");

		// A date means the end of that day: the closure at midnight counts on its own
		// day.
		assertThat(only("asOf=2025-10-12").path("currentStatus").path("status").asString()).isEqualTo("CLOSED");
		assertThat(only("asOf=2025-10-12T00:00:00Z").path("currentStatus").path("status").asString())
			.isEqualTo("CLOSED");
		assertThat(only("asOf=2025-10-11T23:59:59.999999Z").path("currentStatus").isNull()).isTrue();
		assertThat(only("asOf=2025-10-11").path("currentStatus").isNull()).isTrue();
		assertThat(only("asOf=2025-10-31T23:00:00Z").path("currentStatus").path("status").asString())
			.isEqualTo("CLOSED");
		assertThat(only("asOf=2025-11-01T05:00:00%2B05:00").path("currentStatus").path("status").asString())
			.isEqualTo("PARTIALLY_OPEN");
		assertThat(only("").path("currentStatus").path("status").asString()).isEqualTo("PARTIALLY_OPEN");
	}

	@Test
	void statusEndpointAnswersTheStatusAtAnInstantAndUnknownBeforeTheHistory() {
		String id = this.data.crossingId("Chaman");
		this.data.closedThenReopenedForRefugees(id);

		JsonNode before = this.api.get(CROSSINGS + "/" + id + "/status?at=2025-10-01").json();
		assertThat(before.path("status").asString()).isEqualTo("UNKNOWN");
		assertThat(before.path("allowedTraffic").size()).isZero();
		assertThat(before.path("since").isNull()).isTrue();
		assertThat(before.path("at").asString()).isEqualTo("2025-10-01T23:59:59.999999Z");

		JsonNode closed = this.api.get(CROSSINGS + "/" + id + "/status?at=2025-10-15T12:00:00Z").json();
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("crossingId").asString()).isEqualTo(id);

		JsonNode now = this.api.get(CROSSINGS + "/" + id + "/status").json();
		assertThat(now.path("status").asString()).isEqualTo("PARTIALLY_OPEN");
		assertThat(now.path("allowedTraffic").toString()).isEqualTo("[\"REFUGEES_RETURNING\"]");

		Api.Response bad = this.api.get(CROSSINGS + "/" + id + "/status?at=last-week");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("at");
	}

	@Test
	void filtersByStatusAndAllowedTrafficAtAsOf() {
		this.data.closedThenReopenedForRefugees(this.data.crossingId("A Torkham"));
		this.data.change(this.data.crossingId("B Chaman"), "2025-10-12T00:00:00Z", "CLOSED", "");
		this.data.crossingId("C Unrecorded");
		this.data.change(this.data.crossingId("D Wagah"), "2025-01-01T00:00:00Z", "OPEN", "\"TRADE\", \"PASSENGERS\"");

		assertThat(names("asOf=2025-10-15&status=CLOSED")).containsExactly(name("A Torkham"), name("B Chaman"));
		assertThat(names("asOf=2025-11-06&status=PARTIALLY_OPEN,OPEN")).containsExactly(name("A Torkham"),
				name("D Wagah"));
		assertThat(names("asOf=2025-11-06&status=open&status=closed")).containsExactly(name("B Chaman"),
				name("D Wagah"));
		assertThat(names("status=UNKNOWN")).containsExactly(name("C Unrecorded"));
		assertThat(names("asOf=2024-12-31&status=UNKNOWN")).hasSize(4);
		assertThat(names("asOf=2025-11-06&allows=REFUGEES_RETURNING")).containsExactly(name("A Torkham"));
		assertThat(names("asOf=2025-10-15&allows=REFUGEES_RETURNING")).isEmpty();
		assertThat(names("allows=REFUGEES_RETURNING,TRADE")).containsExactly(name("A Torkham"), name("D Wagah"));
		assertThat(names("allows=PASSENGERS&status=PARTIALLY_OPEN")).isEmpty();
	}

	@Test
	void filtersByCountryOnEitherSideKindAndName() {
		this.data.crossing("Torkham", "PAK", "AFG", "ROAD");
		this.data.crossing("Islam Qala", "IRN", "AFG", "MIXED");
		this.api.patch(CROSSINGS + "/" + this.data.crossing("Wagah", "IND", "PAK", "PEDESTRIAN").path("id").asString(),
				"{\"alternateNames\": [\"Attari\"]}");

		assertThat(names("country=AFG")).containsExactly(name("Islam Qala"), name("Torkham"));
		assertThat(names("country=pak")).containsExactly(name("Torkham"), name("Wagah"));
		assertThat(names("country=IRN&country=IND")).containsExactly(name("Islam Qala"), name("Wagah"));
		assertThat(names("country=PAK&kind=PEDESTRIAN,RAIL")).containsExactly(name("Wagah"));
		assertThat(this.api.get(CROSSINGS + "?q=attari")
			.json()
			.path("items")
			.valueStream()
			.map((item) -> item.path("name").asString())).contains(name("Wagah"));
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertThat(this.api.get(CROSSINGS + "?asOf=yesterday").errorFields()).containsExactly("asOf");
		assertThat(this.api.get(CROSSINGS + "?asOf=2025-13-01").errorFields()).containsExactly("asOf");
		assertThat(this.api.get(CROSSINGS + "?status=AJAR").errorFields()).containsExactly("status");
		assertThat(this.api.get(CROSSINGS + "?allows=CARGO").errorFields()).containsExactly("allows");
		assertThat(this.api.get(CROSSINGS + "?kind=BRIDGE").errorFields()).containsExactly("kind");
		assertThat(this.api.get(CROSSINGS + "?country=XX").errorFields()).containsExactly("country");
		assertThat(this.api.get(CROSSINGS + "?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get(CROSSINGS + "?cursor=garbage").errorFields()).containsExactly("cursor");
	}

	@Test
	void currentStatusFollowsTheHistoryAndTheETagWithIt() {
		String id = this.data.crossingId("Torkham");
		String path = CROSSINGS + "/" + id;

		JsonNode closure = this.data.change(id, "2025-10-12T00:00:00Z", "CLOSED", "");
		Api.Response afterClosure = this.api.get(path, "If-None-Match", "\"0\"");
		assertThat(afterClosure.status()).as("a history write makes the old ETag stale").isEqualTo(200);
		assertThat(afterClosure.header("ETag")).isEqualTo("\"1\"");
		assertThat(afterClosure.json().path("currentStatus").path("status").asString()).isEqualTo("CLOSED");
		assertThat(afterClosure.json().path("currentStatus").path("statusChangeId").asString())
			.isEqualTo(closure.path("id").asString());

		JsonNode reopening = this.data.change(id, "2025-11-01T00:00:00Z", "PARTIALLY_OPEN", "\"REFUGEES_RETURNING\"");
		assertThat(this.api.get(path).json().path("currentStatus").path("statusChangeId").asString())
			.isEqualTo(reopening.path("id").asString());

		assertThat(this.api.delete(changes(id) + "/" + reopening.path("id").asString()).status()).isEqualTo(204);
		assertThat(this.api.get(path).json().path("currentStatus").path("status").asString()).isEqualTo("CLOSED");

		assertThat(this.api.delete(changes(id) + "/" + closure.path("id").asString()).status()).isEqualTo(204);
		Api.Response emptied = this.api.get(path);
		assertThat(emptied.json().path("currentStatus").isNull()).isTrue();
		assertThat(emptied.header("ETag")).isEqualTo("\"4\"");
		assertThat(
				this.api
					.put(path,
							"""
									{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD"}"""
								.formatted(name("Torkham")),
							"If-Match", "\"3\"")
					.status())
			.isEqualTo(412);
	}

	@Test
	void neverAnswersNotModifiedWhileAFutureChangeIsPending() {
		String id = this.data.crossingId("Scheduled");
		this.data.change(id, "2025-10-12T00:00:00Z", "CLOSED", "");
		this.data.change(id, "2999-01-01T00:00:00Z", "OPEN", "\"TRADE\"");

		Api.Response response = this.api.get(CROSSINGS + "/" + id, "If-None-Match", "\"2\"");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"2\"");
		assertThat(response.json().path("currentStatus").path("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void walksEveryPageSeeingEachCrossingExactlyOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 23; i++) {
			created.add(this.data.crossingId("Page walker " + i));
		}

		Pages.Walk walk = Pages.walk(this.api, CROSSINGS + "?q=" + this.data.run + "&limit=5");

		assertThat(walk.pages()).isEqualTo(5);
		assertThat(walk.ids()).hasSize(23).doesNotHaveDuplicates();
		assertThat(new HashSet<>(walk.ids())).isEqualTo(created);
	}

	@Test
	void listRunsAFixedNumberOfQueriesWhateverThePageSize() {
		String decider = this.data.actor("Government of Pakistan").path("id").asString();
		for (int i = 0; i < 15; i++) {
			String id = this.api
				.post(CROSSINGS,
						"""
								{"name": "%s", "countryA": "PAK", "countryB": "AFG", "kind": "ROAD", "alternateNames": ["alt %d"]}"""
							.formatted(name("Counted " + i), i))
				.json()
				.path("id")
				.asString();
			this.data.change(id, "2025-01-01T00:00:00Z", "OPEN", "\"TRADE\", \"PASSENGERS\"");
			this.api.post(changes(id), """
					{"effectiveFrom": "2025-10-12T00:00:00Z", "datePrecision": "DAY", "status": "CLOSED",
					 "decidedById": "%s", "reason": "Attacks on trade convoys"}""".formatted(decider));
			this.data.change(id, "2025-11-01T00:00:00Z", "MONTH", "PARTIALLY_OPEN", "\"REFUGEES_RETURNING\"");
		}

		SqlStatementCounter.reset();
		Api.Response small = this.api.get(CROSSINGS + "?q=" + this.data.run + "&limit=2&asOf=2025-10-15");
		long smallCount = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		Api.Response large = this.api.get(CROSSINGS + "?q=" + this.data.run + "&limit=15&asOf=2025-10-15");
		long largeCount = SqlStatementCounter.count();

		assertThat(small.json().path("items").size()).isEqualTo(2);
		assertThat(large.json().path("items").size()).isEqualTo(15);
		assertThat(large.json()
			.path("items")
			.valueStream()
			.map((item) -> item.path("currentStatus").path("status").asString())).containsOnly("CLOSED");
		assertThat(largeCount).isEqualTo(smallCount);
	}

	@Test
	void describesTheEndpointsInOpenApi() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.has("/api/v1/crossings")).isTrue();
		assertThat(paths.has("/api/v1/crossings/{id}/status")).isTrue();
		assertThat(paths.has("/api/v1/crossings/{crossingId}/status-changes/{changeId}")).isTrue();
		assertThat(paths.path("/api/v1/crossings")
			.path("get")
			.path("parameters")
			.valueStream()
			.map((parameter) -> parameter.path("name").asString()))
			.contains("asOf", "country", "status", "allows", "q");
	}

}
