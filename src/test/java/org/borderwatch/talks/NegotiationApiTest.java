package org.borderwatch.talks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

@Import(SqlStatementCounter.Configuration.class)
class NegotiationApiTest extends IntegrationTest {

	private static final String NEGOTIATIONS = "/api/v1/negotiations";

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TalksFixtures fixtures;

	private String pakistan;

	private String afghanistan;

	private String qatar;

	private String turkey;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new TalksFixtures(this.api, this.jdbc);
		this.pakistan = this.fixtures.state("Pakistan");
		this.afghanistan = this.fixtures.state("Afghanistan");
		this.qatar = this.fixtures.state("Qatar");
		this.turkey = this.fixtures.state("Turkey");
	}

	private String name(String base) {
		return this.fixtures.name(base);
	}

	private String body(String name, String parties, String mediators) {
		return """
				{"name": "%s", "partyIds": [%s], "mediators": [%s]}""".formatted(name, parties, mediators);
	}

	private String talks2025() {
		return body(name("Pakistan-Afghanistan talks 2025"), quoted(this.pakistan, this.afghanistan),
				mediator(this.qatar, "MEDIATOR") + ", " + mediator(this.turkey, "FACILITATOR"));
	}

	private static String quoted(String... ids) {
		return String.join(", ", java.util.Arrays.stream(ids).map((id) -> "\"" + id + "\"").toList());
	}

	private static String mediator(String actorId, String role) {
		return """
				{"actorId": "%s", "role": "%s"}""".formatted(actorId, role);
	}

	private JsonNode create(String json) {
		Api.Response response = this.api.post(NEGOTIATIONS, json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private List<String> names(String path) {
		Api.Response response = this.api.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("name").asString()).toList();
	}

	@Test
	void createsAndReadsANegotiationWithPartiesMediatorsAndNames() {
		String source = this.fixtures.source();
		Api.Response created = this.api.post(NEGOTIATIONS,
				"""
						{"name": "%s", "description": "Talks on cross-border militancy",
						 "partyIds": ["%s", "%s"], "mediators": [%s, %s], "sourceIds": ["%s"]}""".formatted(
						name("Pakistan-Afghanistan talks 2025"), this.pakistan, this.afghanistan,
						mediator(this.qatar, "MEDIATOR"), mediator(this.turkey, "FACILITATOR"), source));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).endsWith(NEGOTIATIONS + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		Api.Response read = this.api.get(NEGOTIATIONS + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		JsonNode negotiation = read.json();
		assertThat(negotiation.path("name").asString()).isEqualTo(name("Pakistan-Afghanistan talks 2025"));
		assertThat(negotiation.path("description").asString()).isEqualTo("Talks on cross-border militancy");
		// parties come in name order
		assertThat(negotiation.path("parties").get(0).path("name").asString()).isEqualTo(name("Afghanistan"));
		assertThat(negotiation.path("parties").get(1).path("id").asString()).isEqualTo(this.pakistan);
		assertThat(negotiation.path("mediators").get(0).path("actor").path("name").asString()).isEqualTo(name("Qatar"));
		assertThat(negotiation.path("mediators").get(0).path("role").asString()).isEqualTo("MEDIATOR");
		assertThat(negotiation.path("mediators").get(1).path("actor").path("id").asString()).isEqualTo(this.turkey);
		assertThat(negotiation.path("mediators").get(1).path("role").asString()).isEqualTo("FACILITATOR");
		assertThat(negotiation.path("sourceIds").toString()).isEqualTo("[\"" + source + "\"]");
		assertThat(negotiation.path("roundCount").asLong()).isZero();
		assertThat(negotiation.path("version").asLong()).isZero();
		assertThat(negotiation.path("createdAt").asString()).endsWith("Z");
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = create(talks2025()).path("id").asString();

		Api.Response response = this.api.get(NEGOTIATIONS + "/" + id, "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void replacesAndPatchesWithVersionBump() {
		String id = create(talks2025()).path("id").asString();

		Api.Response replaced = this.api.put(NEGOTIATIONS + "/" + id,
				body(name("Istanbul process"), quoted(this.pakistan, this.afghanistan), mediator(this.turkey, "HOST")),
				"If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
		assertThat(replaced.json().path("mediators").size()).isEqualTo(1);

		Api.Response patched = this.api.patch(NEGOTIATIONS + "/" + id, """
				{"description": "Hosted by Turkey", "partyIds": ["%s"]}""".formatted(this.afghanistan), "If-Match",
				"\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");
		assertThat(patched.json().path("name").asString()).isEqualTo(name("Istanbul process"));
		assertThat(patched.json().path("description").asString()).isEqualTo("Hosted by Turkey");
		assertThat(patched.json().path("parties").size()).isEqualTo(1);
		assertThat(patched.json().path("mediators").get(0).path("role").asString()).isEqualTo("HOST");
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = create(talks2025()).path("id").asString();
		assertThat(this.api.patch(NEGOTIATIONS + "/" + id, "{\"description\": \"first\"}").status()).isEqualTo(200);

		Api.Response stalePut = this.api.put(NEGOTIATIONS + "/" + id, body(name("Other"), "", ""), "If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch(NEGOTIATIONS + "/" + id, "{\"description\": \"second\"}", "If-Match",
				"\"0\"");
		Api.Response staleDelete = this.api.delete(NEGOTIATIONS + "/" + id, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(staleDelete.contentType()).hasValue("application/problem+json");
		assertThat(this.api.get(NEGOTIATIONS + "/" + id).json().path("description").asString()).isEqualTo("first");
	}

	@Test
	void unknownIdIs404ForEveryMethod() {
		String path = NEGOTIATIONS + "/" + UUID.randomUUID();

		assertThat(this.api.get(path).status()).isEqualTo(404);
		assertThat(this.api.put(path, body(name("X"), "", "")).status()).isEqualTo(404);
		assertThat(this.api.patch(path, "{\"description\": \"x\"}").status()).isEqualTo(404);
		assertThat(this.api.delete(path).status()).isEqualTo(404);
		assertThat(this.api.get(path + "/rounds").status()).isEqualTo(404);
	}

	@Test
	void badUuidInPathIs400NamingIt() {
		assertThat(this.api.get(NEGOTIATIONS + "/talks").errorFields()).containsExactly("id");
	}

	@Test
	void rejectsMalformedJsonUnknownFieldsAndBadEnums() {
		Api.Response malformed = this.api.post(NEGOTIATIONS, "{\"name\": ");
		Api.Response unknown = this.api.post(NEGOTIATIONS, """
				{"name": "%s", "parties": []}""".formatted(name("X")));
		Api.Response role = this.api.post(NEGOTIATIONS, body(name("X"), "", mediator(this.qatar, "BROKER")));
		Api.Response partyId = this.api.post(NEGOTIATIONS, body(name("X"), "\"Pakistan\"", ""));

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).hasValue("application/problem+json");
		assertThat(unknown.errorFields()).containsExactly("parties");
		assertThat(role.errorFields()).containsExactly("mediators[0].role");
		assertThat(role.json().path("errors").get(0).path("message").asString()).contains("FACILITATOR");
		assertThat(partyId.errorFields()).containsExactly("partyIds[0]");
	}

	@Test
	void rejectsMissingBlankTooLongAndNullValuesNamingEach() {
		Api.Response missing = this.api.post(NEGOTIATIONS, "{}");
		Api.Response invalid = this.api.post(NEGOTIATIONS, """
				{"name": "%s", "description": "%s", "partyIds": [null], "mediators": [{"role": "HOST"}],
				 "sourceIds": [null]}""".formatted("n".repeat(301), "d".repeat(10001)));
		Api.Response blank = this.api.post(NEGOTIATIONS, "{\"name\": \"  \"}");

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("name");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.errorFields()).containsExactly("description", "mediators[0].actorId", "name", "partyIds[0]",
				"sourceIds[0]");
		assertThat(blank.errorFields()).containsExactly("name");
	}

	@Test
	void duplicateNameIgnoringCaseIs409OnCreateAndRename() {
		create(talks2025());
		String other = create(body(name("Doha talks"), "", "")).path("id").asString();

		Api.Response duplicate = this.api.post(NEGOTIATIONS,
				body(name("Pakistan-Afghanistan talks 2025").toUpperCase(), "", ""));
		Api.Response rename = this.api.patch(NEGOTIATIONS + "/" + other,
				"{\"name\": \"%s\"}".formatted(name("pakistan-afghanistan TALKS 2025")));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("name");
		assertThat(rename.status()).isEqualTo(409);
		assertThat(rename.errorFields()).containsExactly("name");
	}

	@Test
	void refusesMediatorWhoIsAParty() {
		Api.Response response = this.api.post(NEGOTIATIONS, body(name("X"), quoted(this.pakistan, this.afghanistan),
				mediator(this.qatar, "MEDIATOR") + ", " + mediator(this.pakistan, "GUARANTOR")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("mediators[1].actorId");
	}

	@Test
	void brokenReferencesAre422NamingEachFieldAndCreateNothing() {
		String missing = UUID.randomUUID().toString();

		Api.Response response = this.api.post(NEGOTIATIONS, """
				{"name": "%s", "partyIds": ["%s", "%s"], "mediators": [%s], "sourceIds": ["%s"]}"""
			.formatted(name("Broken"), this.pakistan, missing, mediator(missing, "HOST"), missing));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("partyIds[1]", "mediators[0].actorId",
				"sourceIds[0]");
		assertThat(names(NEGOTIATIONS + "?q=" + this.fixtures.run)).isEmpty();
	}

	@Test
	void roundCountFollowsTheRoundsAndChangesTheETag() {
		JsonNode created = create(talks2025());
		String id = created.path("id").asString();
		String tag = this.api.get(NEGOTIATIONS + "/" + id).header("ETag");

		Api.Response round = this.api.post("/api/v1/talks-rounds", this.fixtures.round(id, 1).json());
		assertThat(round.status()).as(round.body()).isEqualTo(201);

		Api.Response afterRound = this.api.get(NEGOTIATIONS + "/" + id, "If-None-Match", tag);
		assertThat(afterRound.status()).isEqualTo(200);
		assertThat(afterRound.json().path("roundCount").asLong()).isEqualTo(1);
		assertThat(afterRound.header("ETag")).isNotEqualTo(tag);
		assertThat(names(NEGOTIATIONS + "?q=" + this.fixtures.run)).hasSize(1);
		assertThat(this.api.get(NEGOTIATIONS + "?q=" + this.fixtures.run)
			.json()
			.path("items")
			.get(0)
			.path("roundCount")
			.asLong()).isEqualTo(1);

		String roundId = round.json().path("id").asString();
		assertThat(this.api.delete("/api/v1/talks-rounds/" + roundId).status()).isEqualTo(204);
		Api.Response afterDelete = this.api.get(NEGOTIATIONS + "/" + id);
		assertThat(afterDelete.json().path("roundCount").asLong()).isZero();
		assertThat(afterDelete.header("ETag")).isNotEqualTo(afterRound.header("ETag"));
	}

	@Test
	void deletingANegotiationWithRoundsIs409UntilTheRoundsAreGone() {
		String id = create(talks2025()).path("id").asString();
		String round = this.api.post("/api/v1/talks-rounds", this.fixtures.round(id, 1).json())
			.json()
			.path("id")
			.asString();

		Api.Response refused = this.api.delete(NEGOTIATIONS + "/" + id);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("talks round (negotiation_id)");
		assertThat(this.api.get(NEGOTIATIONS + "/" + id).status()).isEqualTo(200);
		assertThat(this.api.delete("/api/v1/talks-rounds/" + round).status()).isEqualTo(204);
		assertThat(this.api.delete(NEGOTIATIONS + "/" + id).status()).isEqualTo(204);
		assertThat(this.api.get(NEGOTIATIONS + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void filtersByPartyMediatorAndName() {
		create(talks2025());
		create(body(name("Doha ceasefire talks"), quoted(this.afghanistan), mediator(this.qatar, "MEDIATOR")));
		create(body(name("TTP talks"), quoted(this.pakistan), ""));
		String mine = "q=" + this.fixtures.run;

		assertThat(names(NEGOTIATIONS + "?" + mine)).containsExactly(name("Doha ceasefire talks"),
				name("Pakistan-Afghanistan talks 2025"), name("TTP talks"));
		assertThat(names(NEGOTIATIONS + "?party=" + this.pakistan))
			.containsExactly(name("Pakistan-Afghanistan talks 2025"), name("TTP talks"));
		assertThat(names(NEGOTIATIONS + "?party=" + this.pakistan + "&mediator=" + this.qatar))
			.containsExactly(name("Pakistan-Afghanistan talks 2025"));
		assertThat(names(NEGOTIATIONS + "?mediator=" + this.qatar + "," + this.turkey))
			.containsExactly(name("Doha ceasefire talks"), name("Pakistan-Afghanistan talks 2025"));
		assertThat(names(NEGOTIATIONS + "?mediator=" + this.turkey + "&mediator=" + this.qatar + "&q=DOHA"))
			.containsExactly(name("Doha ceasefire talks"));
		assertThat(names(NEGOTIATIONS + "?q=100%25_" + this.fixtures.run)).isEmpty();
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertThat(this.api.get(NEGOTIATIONS + "?party=pakistan").errorFields()).containsExactly("party");
		assertThat(this.api.get(NEGOTIATIONS + "?mediator=qatar").errorFields()).containsExactly("mediator");
		assertThat(this.api.get(NEGOTIATIONS + "?limit=0").errorFields()).containsExactly("limit");
		assertThat(this.api.get(NEGOTIATIONS + "?cursor=abc.def").errorFields()).containsExactly("cursor");
	}

	@Test
	void walksEveryPageSeeingEachNegotiationExactlyOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			created.add(create(body(name("Process " + i), quoted(this.pakistan), "")).path("id").asString());
		}

		List<String> seen = new ArrayList<>();
		String next = NEGOTIATIONS + "?q=" + this.fixtures.run + "&limit=5";
		int pages = 0;
		while (next != null) {
			Api.Response page = this.api.get(next);
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach((item) -> seen.add(item.path("id").asString()));
			String link = page.header("Link");
			next = (link != null) ? link.substring(link.indexOf('<') + 1, link.indexOf('>')) : null;
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(12).doesNotHaveDuplicates();
		assertThat(new HashSet<>(seen)).isEqualTo(created);
	}

	@Test
	void openApiDescribesTheNegotiationAndRoundEndpoints() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.has("/api/v1/negotiations/{id}/rounds")).isTrue();
		assertThat(paths.path("/api/v1/talks-rounds")
			.path("get")
			.path("parameters")
			.valueStream()
			.map((parameter) -> parameter.path("name").asString())
			.toList()).contains("negotiation", "party", "mediator", "from", "to", "status", "venueCountry");
		assertThat(docs.json().path("components").path("schemas").has("TalksRoundRequest")).isTrue();
	}

	@Test
	void listRunsAFixedNumberOfStatementsWhateverThePageSize() {
		for (int i = 0; i < 12; i++) {
			create(body(name("Counted " + i), quoted(this.pakistan, this.afghanistan),
					mediator(this.qatar, "MEDIATOR") + ", " + mediator(this.turkey, "HOST")));
		}
		String path = NEGOTIATIONS + "?q=" + this.fixtures.run;

		SqlStatementCounter.reset();
		assertThat(this.api.get(path + "&limit=2").json().path("items").size()).isEqualTo(2);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		JsonNode large = this.api.get(path + "&limit=12").json();
		long largeCount = SqlStatementCounter.count();

		assertThat(large.path("items").size()).isEqualTo(12);
		assertThat(large.path("items").get(11).path("mediators").get(1).path("actor").path("name").asString())
			.isEqualTo(name("Turkey"));
		assertThat(largeCount).isEqualTo(small);
	}

}
