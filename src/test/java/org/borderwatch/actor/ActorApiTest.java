package org.borderwatch.actor;

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

@Import(SqlStatementCounter.Configuration.class)
class ActorApiTest extends IntegrationTest {

	private Api api;

	/** Unique per test run, so the tests pass again on a database they already used. */
	private String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private String name(String base) {
		return base + " " + this.run;
	}

	private JsonNode create(String json) {
		Api.Response response = this.api.post("/api/v1/actors", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private List<String> names(String path) {
		Api.Response response = this.api.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("name").asString()).toList();
	}

	private JsonNode createActor(String name, String kind) {
		return create("""
				{"name": "%s", "kind": "%s"}""".formatted(name, kind));
	}

	@Test
	void createsAndReadsAnActorWithLocationAndETag() {
		Api.Response created = this.api.post("/api/v1/actors", """
				{"name": "%s", "aliases": ["TTP", "Pakistani Taliban"], "kind": "NON_STATE_ARMED_GROUP",
				 "country": "PAK", "description": "Armed group"}""".formatted(name("Tehrik-e-Taliban Pakistan")));

		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).endsWith("/api/v1/actors/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(UUID.fromString(id).version()).isEqualTo(7);

		Api.Response read = this.api.get("/api/v1/actors/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("aliases").toString()).isEqualTo("[\"TTP\",\"Pakistani Taliban\"]");
		assertThat(read.json().path("kind").asString()).isEqualTo("NON_STATE_ARMED_GROUP");
		assertThat(read.json().path("country").asString()).isEqualTo("PAK");
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void keepsDatasetIdsThatNameOneActorOnly() {
		JsonNode created = create("""
				{"name": "%s", "kind": "GOVERNMENT", "externalIds": [{"dataset": "UCDP", "id": "142-%s"}]}"""
			.formatted(name("Government of Pakistan"), this.run));
		String id = created.path("id").asString();
		assertThat(created.path("externalIds").toString())
			.isEqualTo("[{\"dataset\":\"UCDP\",\"id\":\"142-%s\"}]".formatted(this.run));

		Api.Response taken = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "GOVERNMENT", "externalIds": [{"dataset": "UCDP", "id": "142-%s"}]}"""
			.formatted(name("Another government"), this.run));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("externalIds");

		Api.Response replaced = this.api.put("/api/v1/actors/" + id, """
				{"name": "%s", "kind": "GOVERNMENT"}""".formatted(name("Government of Pakistan")), "If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().path("externalIds").size()).as("omitted: left as they are").isEqualTo(1);
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = createActor(name("Qatar"), "STATE").path("id").asString();

		Api.Response response = this.api.get("/api/v1/actors/" + id, "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void replacesAndPatchesWithVersionBump() {
		String id = createActor(name("Turkey"), "STATE").path("id").asString();

		Api.Response replaced = this.api.put("/api/v1/actors/" + id, """
				{"name": "%s", "kind": "STATE", "country": "TUR", "aliases": ["Turkiye"]}""".formatted(name("Turkey")),
				"If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");

		Api.Response patched = this.api.patch("/api/v1/actors/" + id, """
				{"description": "Hosts the talks", "aliases": null}""", "If-Match", "\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("description").asString()).isEqualTo("Hosts the talks");
		assertThat(patched.json().path("country").asString()).isEqualTo("TUR");
		assertThat(patched.json().path("aliases").size()).isZero();
		assertThat(patched.json().path("version").asLong()).isEqualTo(2);
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = createActor(name("Afghanistan"), "STATE").path("id").asString();
		this.api.patch("/api/v1/actors/" + id, "{\"country\": \"AFG\"}");

		Api.Response stalePut = this.api.put("/api/v1/actors/" + id, """
				{"name": "%s", "kind": "STATE"}""".formatted(name("Afghanistan")), "If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch("/api/v1/actors/" + id, "{\"country\": \"PAK\"}", "If-Match", "\"0\"");
		Api.Response staleDelete = this.api.delete("/api/v1/actors/" + id, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(stalePut.contentType()).hasValue("application/problem+json");
		assertThat(this.api.get("/api/v1/actors/" + id).json().path("country").asString()).isEqualTo("AFG");
	}

	@Test
	void unknownIdIs404Problem() {
		Api.Response response = this.api.get("/api/v1/actors/" + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.json().path("correlationId").asString()).isNotBlank();
	}

	@Test
	void badUuidInPathIs400NamingIt() {
		Api.Response response = this.api.get("/api/v1/actors/not-a-uuid");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("id");
	}

	@Test
	void rejectsMalformedJson() {
		Api.Response response = this.api.post("/api/v1/actors", "{\"name\": \"x\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void rejectsUnknownFieldNamingIt() {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE", "nmae": "typo"}""".formatted(name("X")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("nmae");
	}

	@Test
	void rejectsAnArrayForTheBodyAndAStringForAListInTermsOfJson() {
		Api.Response array = this.api.post("/api/v1/actors", "[1, 2]");
		Api.Response string = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE", "aliases": "TTP"}""".formatted(name("X")));

		assertThat(array.status()).isEqualTo(400);
		assertThat(array.errorFields()).containsExactly("body");
		assertThat(array.json().path("errors").get(0).path("message").asString()).isEqualTo("expected JSON object");
		assertThat(string.status()).isEqualTo(400);
		assertThat(string.json().path("errors").get(0).path("message").asString()).isEqualTo("expected JSON array");
	}

	@Test
	void rejectsBadEnumNamingFieldAndChoices() {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "WARLORD"}""".formatted(name("X")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("kind");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("NON_STATE_ARMED_GROUP");
	}

	@Test
	void rejectsWrongTypeAndBadDateNamingNestedField() {
		String parent = createActor(name("UN"), "INTERNATIONAL_ORGANIZATION").path("id").asString();

		Api.Response badDate = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE",
				 "designations": [{"designatedBy": "%s", "designation": "Terrorist", "since": "2011-13-40"}]}"""
			.formatted(name("X"), parent));
		Api.Response wrongType = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE", "aliases": "TTP"}""".formatted(name("X")));

		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.errorFields()).containsExactly("designations[0].since");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.errorFields()).containsExactly("aliases");
	}

	@Test
	void rejectsMissingRequiredAndTooLongFields() {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "country": "Pakistan"}""".formatted("n".repeat(201)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("country", "kind", "name");
	}

	@Test
	void duplicateNameIgnoringCaseIs409() {
		createActor(name("Pakistan"), "STATE");

		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE"}""".formatted(name("PAKISTAN").toUpperCase()));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorFields()).containsExactly("name");
	}

	@Test
	void brokenReferencesAre422NamingEachField() {
		UUID missing = UUID.randomUUID();
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "PERSON", "parentId": "%s",
				 "relations": [{"kind": "PART_OF", "actorId": "%s"}], "sourceIds": ["%s"]}"""
			.formatted(name("Official"), missing, missing, missing));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("parentId", "relations[0].actorId",
				"sourceIds[0]");
		assertThat(this.api.get("/api/v1/actors?q=" + this.run).json().path("items").size()).isZero();
	}

	@Test
	void deletingAReferencedActorIs409NamingTheReferrer() {
		String government = createActor(name("Government of Pakistan"), "GOVERNMENT").path("id").asString();
		String minister = create("""
				{"name": "%s", "kind": "PERSON", "parentId": "%s", "title": "Defense Minister"}"""
			.formatted(name("Khawaja Mohammad Asif"), government)).path("id").asString();

		Api.Response refused = this.api.delete("/api/v1/actors/" + government);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("actor (parent_id)");

		assertThat(this.api.delete("/api/v1/actors/" + minister).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/v1/actors/" + government).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/actors/" + government).status()).isEqualTo(404);
	}

	@Test
	void keepsDesignationsAndRelationsWithNames() {
		String un = createActor(name("United Nations"), "INTERNATIONAL_ORGANIZATION").path("id").asString();
		String taliban = createActor(name("Afghan Taliban"), "GOVERNMENT").path("id").asString();

		JsonNode ttp = create("""
				{"name": "%s", "kind": "NON_STATE_ARMED_GROUP",
				 "designations": [{"designatedBy": "%s", "designation": "Terrorist group", "since": "2011-07-29"}],
				 "relations": [{"kind": "ALLIED_WITH", "actorId": "%s"}]}""".formatted(name("TTP"), un, taliban));

		assertThat(ttp.path("designations").get(0).path("designatedBy").path("name").asString())
			.isEqualTo(name("United Nations"));
		assertThat(ttp.path("relations").get(0).path("actor").path("name").asString())
			.isEqualTo(name("Afghan Taliban"));
	}

	@Test
	void refusesDesignationEndingBeforeItStarts() {
		Api.Response response = this.api.post("/api/v1/actors", """
				{"name": "%s", "kind": "STATE",
				 "designations": [{"designation": "Sponsor", "since": "2020-01-01", "until": "2019-01-01"}]}"""
			.formatted(name("X")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("designations[0].until");
	}

	@Test
	void filtersByKindCountryQueryAndParent() {
		String government = create("""
				{"name": "%s", "kind": "GOVERNMENT", "country": "AFG", "aliases": ["Islamic Emirate"]}"""
			.formatted(name("Taliban government"))).path("id").asString();
		create("""
				{"name": "%s", "kind": "PERSON", "country": "AFG", "parentId": "%s"}"""
			.formatted(name("Zabihullah Mujahid"), government));
		create("""
				{"name": "%s", "kind": "STATE_FORCES", "country": "PAK"}""".formatted(name("Pakistan military")));

		assertThat(names("/api/v1/actors?q=" + this.run + "&kind=PERSON,GOVERNMENT"))
			.containsExactly(name("Taliban government"), name("Zabihullah Mujahid"));
		assertThat(names("/api/v1/actors?q=" + this.run + "&country=PAK")).containsExactly(name("Pakistan military"));
		assertThat(names("/api/v1/actors?q=" + this.run + "&country=pak&country=AFG&kind=STATE_FORCES"))
			.containsExactly(name("Pakistan military"));
		assertThat(names("/api/v1/actors?parent=" + government)).containsExactly(name("Zabihullah Mujahid"));
		assertThat(names("/api/v1/actors?q=islamic%20emirate")).contains(name("Taliban government"));
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertThat(this.api.get("/api/v1/actors?kind=WARLORD").errorFields()).containsExactly("kind");
		assertThat(this.api.get("/api/v1/actors?country=XX").errorFields()).containsExactly("country");
		assertThat(this.api.get("/api/v1/actors?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get("/api/v1/actors?limit=0").status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/actors?cursor=garbage").errorFields()).containsExactly("cursor");
	}

	@Test
	void walksEveryPageOf120ActorsSeeingEachExactlyOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 120; i++) {
			created.add(createActor(name("Page walker " + i), "OTHER").path("id").asString());
		}

		Pages.Walk walk = Pages.walk(this.api, "/api/v1/actors?q=" + this.run + "&limit=25");

		assertThat(walk.pages()).isEqualTo(5);
		assertThat(walk.ids()).hasSize(120).doesNotHaveDuplicates();
		assertThat(new HashSet<>(walk.ids())).isEqualTo(created);
	}

	@Test
	void tamperedCursorIs400() {
		for (int i = 0; i < 3; i++) {
			createActor(name("Cursor " + i), "OTHER");
		}
		String cursor = this.api.get("/api/v1/actors?q=" + this.run + "&limit=1").json().path("nextCursor").asString();

		assertThat(this.api.get("/api/v1/actors?cursor=" + Pages.tampered(cursor)).status()).isEqualTo(400);
	}

	@Test
	void listRunsAFixedNumberOfQueriesWhateverThePageSize() {
		String un = createActor(name("UN body"), "INTERNATIONAL_ORGANIZATION").path("id").asString();
		for (int i = 0; i < 20; i++) {
			create("""
					{"name": "%s", "kind": "NON_STATE_ARMED_GROUP", "aliases": ["a%d"],
					 "designations": [{"designatedBy": "%s", "designation": "Listed"}],
					 "relations": [{"kind": "OPPOSES", "actorId": "%s"}]}""".formatted(name("Group " + i), i, un, un));
		}

		SqlStatementCounter.reset();
		assertThat(this.api.get("/api/v1/actors?q=" + this.run + "&limit=2").status()).isEqualTo(200);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		assertThat(this.api.get("/api/v1/actors?q=" + this.run + "&limit=21").json().path("items").size())
			.isEqualTo(21);
		long large = SqlStatementCounter.count();

		assertThat(large).isEqualTo(small);
	}

	@Test
	void oversizedBodyIs413() {
		String huge = "{\"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\", \"kind\": \"STATE\"}";

		Api.Response response = this.api.post("/api/v1/actors", huge);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).hasValue("application/problem+json");
	}

}
