package org.borderwatch.ceasefire;

import java.util.Comparator;
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
import org.borderwatch.support.Pages;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.ceasefire.CeasefireJson.ended;
import static org.borderwatch.ceasefire.CeasefireJson.inEffect;
import static org.borderwatch.ceasefire.CeasefireJson.mediator;
import static org.borderwatch.ceasefire.CeasefireJson.proposed;

@Import(SqlStatementCounter.Configuration.class)
class CeasefireApiTest extends IntegrationTest {

	private static final String CEASEFIRES = "/api/v1/ceasefires";

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private CeasefireFixtures fixtures;

	/** Unique per test run, so the tests pass again on a database they already used. */
	private String run;

	private String pakistan;

	private String afghanistan;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.fixtures = new CeasefireFixtures(this.api, this.jdbc, this.run);
		this.fixtures.ensureCitingTable();
		this.pakistan = this.fixtures.actor("Pakistan");
		this.afghanistan = this.fixtures.actor("Afghanistan");
	}

	private String name(String base) {
		return this.fixtures.name(base);
	}

	private String path(String id) {
		return CEASEFIRES + "/" + id;
	}

	private Api.Response post(CeasefireJson ceasefire) {
		return this.api.post(CEASEFIRES, ceasefire.json());
	}

	private String create(CeasefireJson ceasefire) {
		return this.fixtures.createId(ceasefire);
	}

	private List<String> names(String query) {
		Api.Response response = this.api.get(CEASEFIRES + "?q=" + this.run + "&" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("name").asString()).toList();
	}

	private static String end(String status, String date) {
		return """
				{"date": "%s", "status": "%s"}""".formatted(date, status);
	}

	private static void assertRefused(Api.Response response, int status, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.errorFields()).containsExactly(fields);
	}

	// --- create, read, replace, patch, delete ---

	@Test
	void createsAndReadsACeasefireWithPartiesMediatorsLocationAndETag() {
		String qatar = this.fixtures.actor("Qatar");
		String turkey = this.fixtures.actor("Turkey");
		String round = this.fixtures.talksRound("Pakistan-Afghanistan talks", 1);
		String source = this.fixtures.source("Ceasefire agreed in Doha");

		Api.Response created = post(inEffect(name("Doha ceasefire 2025"), "2025-10-19", this.pakistan, this.afghanistan)
			.set("mediators", List.of(mediator(qatar, "MEDIATOR"), mediator(turkey, "FACILITATOR")))
			.set("terms", "Immediate halt to hostilities")
			.set("scope", "The Pakistan-Afghanistan border")
			.set("talksRoundId", round)
			.set("sourceIds", List.of(source)));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(UUID.fromString(id).version()).isEqualTo(7);
		assertThat(created.header("Location")).endsWith(path(id));
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.json().path("createdAt").asString()).isNotBlank();

		Api.Response read = this.api.get(path(id));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		JsonNode body = read.json();
		assertThat(body.path("name").asString()).isEqualTo(name("Doha ceasefire 2025"));
		assertThat(body.path("arrangement").asString()).isEqualTo("BILATERAL");
		assertThat(body.path("form").asString()).isEqualTo("VERBAL");
		assertThat(body.path("parties").valueStream().map((p) -> p.path("name").asString()))
			.containsExactly(name("Afghanistan"), name("Pakistan"));
		assertThat(body.path("mediators").get(0).path("actor").path("name").asString()).isEqualTo(name("Qatar"));
		assertThat(body.path("mediators").get(0).path("role").asString()).isEqualTo("MEDIATOR");
		assertThat(body.path("mediators").get(1).path("role").asString()).isEqualTo("FACILITATOR");
		assertThat(body.path("agreedOn").asString()).isEqualTo("2025-10-19");
		assertThat(body.path("effectiveFrom").asString()).isEqualTo("2025-10-19");
		assertThat(body.path("endedOn").isNull()).isTrue();
		assertThat(body.path("datePrecision").asString()).isEqualTo("DAY");
		assertThat(body.path("status").asString()).isEqualTo("IN_EFFECT");
		assertThat(body.path("endedBy").isNull()).isTrue();
		assertThat(body.path("talksRoundId").asString()).isEqualTo(round);
		assertThat(body.path("sourceIds").get(0).asString()).isEqualTo(source);
		assertThat(body.path("violationCount").asLong()).isZero();
		assertThat(body.path("version").asLong()).isZero();
		assertThat(body.path("createdAt").asString()).isNotBlank();
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = create(proposed(name("Proposal"), this.pakistan, this.afghanistan));

		Api.Response response = this.api.get(path(id), "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
		assertThat(this.api.get(path(id), "If-None-Match", "\"7\"").status()).isEqualTo(200);
	}

	@Test
	void replacesAndPatchesWithVersionBump() {
		String id = create(proposed(name("Proposal"), this.pakistan, this.afghanistan));

		Api.Response replaced = this.api.put(path(id),
				inEffect(name("Proposal"), "2025-10-19", this.pakistan, this.afghanistan).set("form", "WRITTEN").json(),
				"If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
		assertThat(replaced.json().path("status").asString()).isEqualTo("IN_EFFECT");

		Api.Response patched = this.api.patch(path(id), """
				{"terms": "Halt to cross-border fire", "form": "VERBAL", "agreedOn": null}""", "If-Match", "\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("terms").asString()).isEqualTo("Halt to cross-border fire");
		assertThat(patched.json().path("form").asString()).isEqualTo("VERBAL");
		assertThat(patched.json().path("agreedOn").isNull()).isTrue();
		assertThat(patched.json().path("effectiveFrom").asString()).isEqualTo("2025-10-19");
		assertThat(patched.json().path("parties").size()).isEqualTo(2);
		assertThat(patched.json().path("version").asLong()).isEqualTo(2);
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan));
		this.api.patch(path(id), "{\"terms\": \"first\"}");

		Api.Response stalePut = this.api.put(path(id),
				inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan).set("terms", "second").json(),
				"If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch(path(id), "{\"terms\": \"third\"}", "If-Match", "\"0\"");
		Api.Response staleEnd = this.api.post(path(id) + "/end", end("COLLAPSED", "2025-11-01"), "If-Match", "\"0\"");
		Api.Response staleDelete = this.api.delete(path(id), "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleEnd.status(), staleDelete.status()))
			.containsOnly(412);
		assertThat(stalePut.contentType()).hasValue("application/problem+json");
		JsonNode stored = this.api.get(path(id)).json();
		assertThat(stored.path("terms").asString()).isEqualTo("first");
		assertThat(stored.path("status").asString()).isEqualTo("IN_EFFECT");
		assertThat(stored.path("version").asLong()).isEqualTo(1);
	}

	@Test
	void unknownIdIs404ProblemForEveryOperation() {
		String unknown = path(UUID.randomUUID().toString());
		String body = proposed(name("Nobody's"), this.pakistan, this.afghanistan).json();

		List<Api.Response> responses = List.of(this.api.get(unknown), this.api.put(unknown, body),
				this.api.patch(unknown, "{\"terms\": \"x\"}"), this.api.delete(unknown),
				this.api.post(unknown + "/end", end("COLLAPSED", "2025-11-01")));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.contentType()).hasValue("application/problem+json");
		});
		assertThat(this.api.get(CEASEFIRES + "?q=" + this.run).json().path("items").size()).isZero();
	}

	@Test
	void deletesACeasefire() {
		String id = create(proposed(name("Short-lived proposal"), this.pakistan, this.afghanistan));

		assertThat(this.api.delete(path(id), "If-Match", "\"0\"").status()).isEqualTo(204);
		assertThat(this.api.get(path(id)).status()).isEqualTo(404);
		assertThat(this.api.delete(path(id)).status()).isEqualTo(404);
	}

	@Test
	void deletingACeasefireStillReferencedIs409NamingTheReferrer() {
		String id = create(proposed(name("Cited proposal"), this.pakistan, this.afghanistan));
		this.fixtures.cite(id);
		try {
			Api.Response refused = this.api.delete(path(id));

			assertThat(refused.status()).as(refused.body()).isEqualTo(409);
			assertThat(refused.json().path("detail").asString()).contains("ceasefire test citation (ceasefire_id)");
			assertThat(this.api.get(path(id)).status()).isEqualTo(200);
		}
		finally {
			this.fixtures.uncite(id);
		}
		assertThat(this.api.delete(path(id)).status()).isEqualTo(204);
	}

	@Test
	void duplicateNameIgnoringCaseIs409() {
		create(proposed(name("Doha ceasefire"), this.pakistan, this.afghanistan));

		Api.Response response = post(proposed(name("DOHA CEASEFIRE").toUpperCase(), this.pakistan, this.afghanistan));

		assertRefused(response, 409, "name");
	}

	// --- bad input: 400 naming the field ---

	@Test
	void badUuidInPathIs400NamingIt() {
		assertRefused(this.api.get(CEASEFIRES + "/not-a-uuid"), 400, "id");
	}

	@Test
	void rejectsMalformedJson() {
		Api.Response response = this.api.post(CEASEFIRES, "{\"name\": \"x\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void rejectsUnknownFieldNamingIt() {
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("partys", List.of())), 400,
				"partys");
	}

	@Test
	void rejectsBadEnumNamingFieldAndChoices() {
		Api.Response response = post(
				proposed(name("X"), this.pakistan, this.afghanistan).set("arrangement", "TRILATERAL"));

		assertRefused(response, 400, "arrangement");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("MULTILATERAL");
	}

	@Test
	void rejectsBadDatesAndWrongTypesNamingTheField() {
		assertRefused(post(
				inEffect(name("X"), "2025-10-19", this.pakistan, this.afghanistan).set("effectiveFrom", "2025-13-40")),
				400, "effectiveFrom");
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("partyIds", "Pakistan")), 400,
				"partyIds");
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("partyIds",
				List.of(this.pakistan, "not-a-uuid"))), 400, "partyIds[1]");
		assertRefused(
				post(proposed(name("X"), this.pakistan, this.afghanistan).set("mediators",
						List.of(java.util.Map.of("actorId", this.pakistan, "role", "REFEREE")))),
				400, "mediators[0].role");
	}

	@Test
	void acceptsACeasefireWhoseFormWasNotReported() {
		Api.Response response = post(proposed(name("Unknown form"), this.pakistan, this.afghanistan).set("form", null));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("form").isNull()).isTrue();
	}

	@Test
	void rejectsMissingRequiredAndTooLongFields() {
		Api.Response response = this.api.post(CEASEFIRES, """
				{"name": "%s", "partyIds": ["%s"], "endReason": "%s",
				 "mediators": [{"role": "MEDIATOR"}]}""".formatted("n".repeat(201), this.pakistan, "r".repeat(2001)));

		assertRefused(response, 400, "arrangement", "endReason", "mediators[0].actorId", "name", "status");
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertRefused(this.api.get(CEASEFIRES + "?status=SIGNED"), 400, "status");
		assertRefused(this.api.get(CEASEFIRES + "?party=pakistan"), 400, "party");
		assertRefused(this.api.get(CEASEFIRES + "?mediator=qatar"), 400, "mediator");
		assertRefused(this.api.get(CEASEFIRES + "?inEffectOn=2025-02-30"), 400, "inEffectOn");
		assertRefused(this.api.get(CEASEFIRES + "?from=2025-11-01&to=2025-10-01"), 400, "to");
		assertRefused(this.api.get(CEASEFIRES + "?limit=501"), 400, "limit");
		assertRefused(this.api.get(CEASEFIRES + "?limit=0"), 400, "limit");
		assertRefused(this.api.get(CEASEFIRES + "?cursor=garbage"), 400, "cursor");
	}

	// --- broken references: 422 naming each field, nothing written ---

	@Test
	void brokenReferencesAre422NamingEachFieldAndWriteNothing() {
		String missing = UUID.randomUUID().toString();

		Api.Response response = post(
				ended(name("Broken"), "TERMINATED", "2022-06-01", "2022-11-28", this.pakistan, missing)
					.set("mediators", List.of(mediator(missing, "MEDIATOR")))
					.set("endedById", missing)
					.set("talksRoundId", missing)
					.set("sourceIds", List.of(missing)));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("partyIds[1]", "mediators[0].actorId", "endedById",
				"talksRoundId", "sourceIds[0]");
		assertThat(names("")).isEmpty();
	}

	@Test
	void aRequestRefusedByALifecycleRuleLeavesNothingBehind() {
		String id = create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan).set("terms", "kept"));
		String source = this.fixtures.source("Report");

		Api.Response refusedCreate = post(
				ended(name("Inverted"), "COLLAPSED", "2025-10-19", "2025-10-01", this.pakistan, this.afghanistan));
		Api.Response refusedPut = this.api.put(path(id),
				ended(name("Doha renamed"), "COLLAPSED", "2025-10-19", "2025-10-01", this.pakistan, this.afghanistan)
					.set("terms", "lost")
					.set("sourceIds", List.of(source))
					.json());

		assertRefused(refusedCreate, 400, "endedOn");
		assertRefused(refusedPut, 400, "endedOn");
		assertThat(names("")).containsExactly(name("Doha"));
		JsonNode stored = this.api.get(path(id)).json();
		assertThat(stored.path("terms").asString()).isEqualTo("kept");
		assertThat(stored.path("sourceIds").size()).isZero();
		assertThat(stored.path("version").asLong()).isZero();
	}

	// --- lifecycle rules, enforced by the aggregate ---

	@Test
	void rejectsAnEndOnAProposedCeasefire() {
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("endedOn", "2025-11-01")), 400,
				"endedOn");
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("endedById", this.pakistan)), 400,
				"endedById");
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("endReason", "Rejected")), 400,
				"endReason");
	}

	@Test
	void rejectsCeasefireRecordedAsEndingBeforeItStarts() {
		Api.Response response = post(
				ended(name("X"), "COLLAPSED", "2025-10-19", "2025-10-18", this.pakistan, this.afghanistan));

		assertRefused(response, 400, "endedOn");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("effectiveFrom");
	}

	@Test
	void requiresExactlyOnePartyForAUnilateralCeasefire() {
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan).set("arrangement", "UNILATERAL")), 400,
				"partyIds");
		assertRefused(post(proposed(name("X"), this.pakistan).set("partyIds", List.of())), 400, "partyIds");
		assertThat(post(proposed(name("Declared by one side"), this.pakistan)).status()).isEqualTo(201);
	}

	@Test
	void requiresExactlyTwoPartiesForABilateralCeasefire() {
		String ttp = this.fixtures.actor("TTP");

		assertRefused(post(proposed(name("X"), this.pakistan).set("arrangement", "BILATERAL")), 400, "partyIds");
		assertRefused(post(proposed(name("X"), this.pakistan, this.afghanistan, ttp).set("arrangement", "BILATERAL")),
				400, "partyIds");
	}

	@Test
	void recordsAnEndedCeasefireDirectlyAsHistory() {
		String ttp = this.fixtures.actor("Tehrik-e-Taliban Pakistan");
		String kabul = this.fixtures.actor("Taliban government");

		JsonNode ceasefire = this.fixtures
			.create(ended(name("TTP ceasefire 2022"), "TERMINATED", "2022-01-01", "2022-11-28", ttp, this.pakistan)
				.set("datePrecision", "YEAR")
				.set("mediators", List.of(mediator(kabul, "MEDIATOR")))
				.set("endedById", ttp)
				.set("endReason", "Accused the military of violating it"));

		assertThat(ceasefire.path("status").asString()).isEqualTo("TERMINATED");
		assertThat(ceasefire.path("datePrecision").asString()).isEqualTo("YEAR");
		assertThat(ceasefire.path("endedOn").asString()).isEqualTo("2022-11-28");
		assertThat(ceasefire.path("endedBy").path("name").asString()).isEqualTo(name("Tehrik-e-Taliban Pakistan"));
		assertThat(ceasefire.path("endReason").asString()).isEqualTo("Accused the military of violating it");
	}

	@Test
	void aPatchCannotBreakALifecycleRule() {
		String id = create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan));

		assertRefused(this.api.patch(path(id), "{\"status\": \"COLLAPSED\"}"), 400, "endedOn");
		assertRefused(this.api.patch(path(id), "{\"effectiveFrom\": null}"), 400, "effectiveFrom");
		assertRefused(this.api.patch(path(id), "{\"endedOn\": \"2025-11-01\"}"), 400, "endedOn");
		assertRefused(this.api.patch(path(id), "{\"partyIds\": [\"%s\"]}".formatted(this.pakistan)), 400, "partyIds");
		assertRefused(this.api.patch(path(id), "{\"nmae\": \"typo\"}"), 400, "nmae");

		Api.Response history = this.api.patch(path(id), """
				{"status": "COLLAPSED", "endedOn": "2025-11-01", "endedById": "%s"}""".formatted(this.afghanistan));
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		assertThat(history.json().path("version").asLong()).isEqualTo(1);
	}

	// --- ending a ceasefire ---

	@Test
	void endsACeasefireInEffect() {
		String ttp = this.fixtures.actor("TTP");
		String id = create(inEffect(name("TTP ceasefire"), "2022-06-01", ttp, this.pakistan));

		Api.Response response = this.api.post(path(id) + "/end", """
				{"date": "2022-11-28", "status": "TERMINATED", "endedById": "%s",
				 "reason": "Accused the military of violating it"}""".formatted(ttp), "If-Match", "\"0\"");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		JsonNode body = response.json();
		assertThat(body.path("status").asString()).isEqualTo("TERMINATED");
		assertThat(body.path("endedOn").asString()).isEqualTo("2022-11-28");
		assertThat(body.path("endedBy").path("name").asString()).isEqualTo(name("TTP"));
		assertThat(body.path("endReason").asString()).isEqualTo("Accused the military of violating it");
		assertThat(this.api.get(path(id)).json().path("status").asString()).isEqualTo("TERMINATED");
	}

	@Test
	void endsACeasefireOnTheDayItTookEffect() {
		String id = create(inEffect(name("One-day truce"), "2025-10-19", this.pakistan, this.afghanistan));

		Api.Response response = this.api.post(path(id) + "/end", end("COLLAPSED", "2025-10-19"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("endedBy").isNull()).isTrue();
	}

	@Test
	void refusesEndingACeasefireThatIsNotInEffect() {
		String proposal = create(proposed(name("Proposal"), this.pakistan, this.afghanistan));
		String over = create(
				ended(name("Over"), "EXPIRED", "2025-01-01", "2025-02-01", this.pakistan, this.afghanistan));

		Api.Response neverInEffect = this.api.post(path(proposal) + "/end", end("COLLAPSED", "2025-11-01"));
		Api.Response alreadyEnded = this.api.post(path(over) + "/end", end("TERMINATED", "2025-03-01"));

		assertRefused(neverInEffect, 409, "status");
		assertRefused(alreadyEnded, 409, "status");
		assertThat(this.api.get(path(over)).json().path("status").asString()).isEqualTo("EXPIRED");
		assertThat(this.api.get(path(over)).json().path("version").asLong()).isZero();
	}

	@Test
	void rejectsCeasefireEndingBeforeItStarts() {
		String id = create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan));

		Api.Response response = this.api.post(path(id) + "/end", end("COLLAPSED", "2025-10-18"));

		assertRefused(response, 400, "date");
		assertThat(this.api.get(path(id)).json().path("status").asString()).isEqualTo("IN_EFFECT");
	}

	@Test
	void rejectsMalformedEndRequestsNamingTheField() {
		String id = create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan));

		assertRefused(this.api.post(path(id) + "/end", "{\"status\": \"COLLAPSED\"}"), 400, "date");
		assertRefused(this.api.post(path(id) + "/end", end("BROKEN", "2025-11-01")), 400, "status");
		assertRefused(this.api.post(path(id) + "/end", end("COLLAPSED", "2025-11-31")), 400, "date");
		assertRefused(this.api.post(path(id) + "/end", """
				{"date": "2025-11-01", "status": "COLLAPSED", "by": "someone"}"""), 400, "by");
		assertRefused(this.api.post(path(id) + "/end", """
				{"date": "2025-11-01", "status": "COLLAPSED", "endedById": "%s"}""".formatted(UUID.randomUUID())), 422,
				"endedById");
		assertThat(this.api.get(path(id)).json().path("version").asLong()).isZero();
	}

	@Test
	void twoConcurrentEndsOfTheSameCeasefireHaveExactlyOneWinner() throws Exception {
		for (int attempt = 0; attempt < 5; attempt++) {
			String id = create(inEffect(name("Contested " + attempt), "2025-10-19", this.pakistan, this.afghanistan));
			List<String> bodies = List.of("""
					{"date": "2025-11-01", "status": "COLLAPSED", "reason": "first"}""", """
					{"date": "2025-11-02", "status": "TERMINATED", "reason": "second"}""");

			List<Api.Response> responses = Concurrently.run(bodies.size(),
					(i) -> this.api.post(path(id) + "/end", bodies.get(i)));

			List<Api.Response> winners = responses.stream().filter((r) -> r.status() == 200).toList();
			assertThat(winners).as(responses.toString()).hasSize(1);
			assertThat(responses).filteredOn((r) -> r.status() != 200)
				.singleElement()
				.satisfies((loser) -> assertThat(loser.status()).as(loser.body()).isEqualTo(409));
			JsonNode stored = this.api.get(path(id)).json();
			assertThat(stored.path("version").asLong()).isEqualTo(1);
			assertThat(stored.path("endReason").asString())
				.isEqualTo(winners.get(0).json().path("endReason").asString());
			assertThat(stored.path("endedOn").asString()).isEqualTo(winners.get(0).json().path("endedOn").asString());
		}
	}

	// --- the list: filters, order, pages ---

	@Test
	void listsCeasefiresInEffectOnADate() {
		create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan));
		create(ended(name("October truce"), "COLLAPSED", "2025-10-01", "2025-10-10", this.pakistan, this.afghanistan));
		create(proposed(name("Planned"), this.pakistan, this.afghanistan).set("agreedOn", "2025-10-25")
			.set("effectiveFrom", "2025-11-01"));

		assertThat(names("inEffectOn=2025-11-06")).containsExactly(name("Doha"));
		assertThat(names("inEffectOn=2025-10-19")).containsExactly(name("Doha"));
		assertThat(names("inEffectOn=2025-10-18")).isEmpty();
		assertThat(names("inEffectOn=2025-10-01")).containsExactly(name("October truce"));
		assertThat(names("inEffectOn=2025-10-10")).containsExactly(name("October truce"));
		assertThat(names("inEffectOn=2025-10-11")).isEmpty();
	}

	@Test
	void countsACeasefireKnownOnlyByYearAsInEffectFromTheStartOfThatYear() {
		String ttp = this.fixtures.actor("TTP");
		create(ended(name("TTP ceasefire 2022"), "TERMINATED", "2022-06-01", "2022-11-28", ttp, this.pakistan)
			.set("datePrecision", "YEAR"));
		create(ended(name("Day-precise 2022"), "EXPIRED", "2022-06-01", "2022-07-01", ttp, this.pakistan));

		assertThat(names("inEffectOn=2022-02-01")).containsExactly(name("TTP ceasefire 2022"));
		assertThat(names("inEffectOn=2022-06-15")).containsExactlyInAnyOrder(name("TTP ceasefire 2022"),
				name("Day-precise 2022"));
		assertThat(names("inEffectOn=2022-11-28")).containsExactly(name("TTP ceasefire 2022"));
		assertThat(names("inEffectOn=2022-11-29")).isEmpty();
		assertThat(names("inEffectOn=2021-12-31")).isEmpty();
	}

	@Test
	void filtersByPartyMediatorStatusPeriodAndText() {
		String ttp = this.fixtures.actor("TTP");
		String qatar = this.fixtures.actor("Qatar");
		String kabul = this.fixtures.actor("Kabul");
		create(inEffect(name("Doha"), "2025-10-19", this.pakistan, this.afghanistan)
			.set("mediators", List.of(mediator(qatar, "MEDIATOR")))
			.set("terms", "Halt to cross-border FIRE"));
		create(ended(name("TTP 2022"), "TERMINATED", "2022-06-01", "2022-11-28", ttp, this.pakistan).set("mediators",
				List.of(mediator(kabul, "MEDIATOR"))));
		create(proposed(name("Unilateral offer"), ttp).set("agreedOn", "2025-11-02"));

		assertThat(names("party=" + ttp)).containsExactly(name("Unilateral offer"), name("TTP 2022"));
		assertThat(names("party=" + this.afghanistan + "," + ttp)).hasSize(3);
		assertThat(names("party=" + this.afghanistan + "&party=" + ttp + "&mediator=" + kabul))
			.containsExactly(name("TTP 2022"));
		assertThat(names("mediator=" + qatar)).containsExactly(name("Doha"));
		assertThat(names("status=IN_EFFECT,TERMINATED")).containsExactly(name("Doha"), name("TTP 2022"));
		assertThat(names("status=PROPOSED&status=TERMINATED")).containsExactly(name("Unilateral offer"),
				name("TTP 2022"));
		assertThat(names("from=2025-10-01&to=2025-10-31")).containsExactly(name("Doha"));
		assertThat(names("from=2025-11-01")).containsExactly(name("Unilateral offer"), name("Doha"));
		assertThat(names("to=2022-12-31")).containsExactly(name("TTP 2022"));
		assertThat(names("from=2022-11-28&to=2022-11-28")).containsExactly(name("TTP 2022"));
		assertThat(names("from=2022-11-29&to=2025-10-18")).isEmpty();
		assertThat(this.api.get(CEASEFIRES + "?q=cross-border%20fire&party=" + this.pakistan)
			.json()
			.path("items")
			.valueStream()
			.map((item) -> item.path("name").asString())).containsExactly(name("Doha"));
	}

	@Test
	void walksEveryPageNewestFirstSeeingEachCeasefireOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			String day = "2024-%02d-%02d".formatted(1 + i % 12, 1 + i % 3);
			CeasefireJson ceasefire = switch (i % 4) {
				case 0 -> proposed(name("Walk " + i), this.pakistan, this.afghanistan);
				case 1 -> proposed(name("Walk " + i), this.pakistan, this.afghanistan).set("agreedOn", day);
				default -> inEffect(name("Walk " + i), day, this.pakistan, this.afghanistan);
			};
			created.add(create(ceasefire));
		}

		Pages.Walk walk = Pages.walk(this.api, CEASEFIRES + "?q=" + this.run + "&limit=7");
		List<JsonNode> seen = walk.items();

		assertThat(walk.pages()).isEqualTo(6);
		List<String> ids = walk.ids();
		assertThat(ids).hasSize(40).doesNotHaveDuplicates();
		assertThat(new HashSet<>(ids)).isEqualTo(created);
		Comparator<JsonNode> newestFirst = Comparator
			.comparing((JsonNode item) -> sortDate(item), Comparator.reverseOrder())
			.thenComparing((JsonNode item) -> item.path("id").asString(), Comparator.reverseOrder());
		assertThat(seen).isSortedAccordingTo(newestFirst);
		assertThat(sortDate(seen.get(seen.size() - 1))).isEmpty();
	}

	/** effectiveFrom, else agreedOn, else "" (undated: last). ISO dates sort as text. */
	private static String sortDate(JsonNode item) {
		String effective = item.path("effectiveFrom").asString(null);
		String agreed = item.path("agreedOn").asString(null);
		return (effective != null) ? effective : (agreed != null) ? agreed : "";
	}

	@Test
	void tamperedCursorIs400() {
		for (int i = 0; i < 3; i++) {
			create(proposed(name("Cursor " + i), this.pakistan, this.afghanistan));
		}
		String cursor = this.api.get(CEASEFIRES + "?q=" + this.run + "&limit=1").json().path("nextCursor").asString();

		assertRefused(this.api.get(CEASEFIRES + "?cursor=" + Pages.tampered(cursor)), 400, "cursor");
	}

	@Test
	void listRunsAFixedNumberOfQueriesWhateverThePageSize() {
		String qatar = this.fixtures.actor("Qatar");
		String kabul = this.fixtures.actor("Kabul");
		String source = this.fixtures.source("Report");
		for (int i = 0; i < 21; i++) {
			String id = create(ended(name("Counted " + i), "COLLAPSED", "2025-10-19", "2025-11-01", this.pakistan,
					this.afghanistan)
				.set("mediators", List.of(mediator(qatar, "MEDIATOR"), mediator(kabul, "HOST")))
				.set("endedById", this.pakistan)
				.set("sourceIds", List.of(source)));
			String incident = this.fixtures.incident("Clash " + i, "2025-10-25");
			assertThat(this.api.post(path(id) + "/violations", "{\"incidentId\": \"%s\"}".formatted(incident)).status())
				.isEqualTo(201);
		}

		SqlStatementCounter.reset();
		assertThat(this.api.get(CEASEFIRES + "?q=" + this.run + "&limit=2").status()).isEqualTo(200);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		JsonNode page = this.api.get(CEASEFIRES + "?q=" + this.run + "&limit=21").json();
		long large = SqlStatementCounter.count();

		assertThat(page.path("items").size()).isEqualTo(21);
		assertThat(page.path("items").valueStream().map((item) -> item.path("violationCount").asLong()))
			.containsOnly(1L);
		assertThat(page.path("items").get(0).path("mediators").get(1).path("actor").path("name").asString())
			.isEqualTo(name("Kabul"));
		assertThat(large).isEqualTo(small);
	}

}
