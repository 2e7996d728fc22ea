package org.borderwatch.talks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

@Import(SqlStatementCounter.Configuration.class)
class TalksRoundApiTest extends IntegrationTest {

	private static final String ROUNDS = "/api/v1/talks-rounds";

	private static final String AGENDA = "Ensuring Afghan territory is not used for attacks inside Pakistan";

	private static final String UNCONFIRMED = "Head reported by the Afghan side; not publicly confirmed by Islamabad";

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TalksFixtures fixtures;

	private String pakistan;

	private String afghanistan;

	private String qatar;

	private String turkey;

	private String wasiq;

	private String malik;

	private String talks;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.fixtures = new TalksFixtures(this.api, this.jdbc);
		this.pakistan = this.fixtures.state("Pakistan");
		this.afghanistan = this.fixtures.state("Afghanistan");
		this.qatar = this.fixtures.state("Qatar");
		this.turkey = this.fixtures.state("Turkey");
		this.wasiq = this.fixtures.person("Abdul Haq Wasiq");
		this.malik = this.fixtures.person("Asim Malik");
		this.talks = this.fixtures.negotiation("Pakistan-Afghanistan talks 2025", this.pakistan, this.afghanistan);
	}

	private String name(String base) {
		return this.fixtures.name(base);
	}

	private TalksFixtures.Round round(int number) {
		return this.fixtures.round(this.talks, number);
	}

	/** The Istanbul round as the report describes it. */
	private TalksFixtures.Round istanbul(int number) {
		return round(number).venue("Istanbul", "TUR")
			.agenda(AGENDA)
			.delegation(this.afghanistan, this.wasiq, null)
			.delegation(this.pakistan, this.malik, UNCONFIRMED)
			.mediator(this.qatar, "MEDIATOR")
			.mediator(this.turkey, "HOST");
	}

	private JsonNode create(TalksFixtures.Round round) {
		Api.Response response = this.api.post(ROUNDS, round.json());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String createId(TalksFixtures.Round round) {
		return create(round).path("id").asString();
	}

	private List<Integer> roundNumbers(String path) {
		Api.Response response = this.api.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("roundNumber").asInt()).toList();
	}

	private long delegationRows(String roundId) {
		return this.jdbc.sql("select count(*) from talks_delegation where talks_round_id = :id")
			.param("id", UUID.fromString(roundId))
			.query(Long.class)
			.single();
	}

	private long memberRows(String roundId) {
		return this.jdbc.sql("""
				select count(*) from talks_delegation_member m
				join talks_delegation d on d.id = m.delegation_id
				where d.talks_round_id = :id""").param("id", UUID.fromString(roundId)).query(Long.class).single();
	}

	// --- create and read

	@Test
	void createsTheIstanbulRoundWithDelegationsMediatorsAndNames() {
		String source = this.fixtures.source();

		Api.Response created = this.api.post(ROUNDS, istanbul(3).sources(source).json());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode round = created.json();
		String id = round.path("id").asString();
		assertThat(UUID.fromString(id).version()).isEqualTo(7);
		assertThat(created.header("Location")).endsWith(ROUNDS + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(round.path("negotiation").path("id").asString()).isEqualTo(this.talks);
		assertThat(round.path("negotiation").path("name").asString())
			.isEqualTo(name("Pakistan-Afghanistan talks 2025"));
		assertThat(round.path("roundNumber").asInt()).isEqualTo(3);
		assertThat(round.path("venue").path("city").asString()).isEqualTo("Istanbul");
		assertThat(round.path("venue").path("country").asString()).isEqualTo("TUR");
		assertThat(round.path("startDate").asString()).isEqualTo("2025-11-06");
		assertThat(round.path("endDate").isNull()).isTrue();
		assertThat(round.path("datePrecision").asString()).isEqualTo("DAY");
		assertThat(round.path("status").asString()).isEqualTo("ONGOING");
		assertThat(round.path("agendaItems").toString()).isEqualTo("[\"" + AGENDA + "\"]");
		JsonNode afghan = round.path("delegations").get(0);
		JsonNode pakistani = round.path("delegations").get(1);
		assertThat(afghan.path("party").path("name").asString()).isEqualTo(name("Afghanistan"));
		assertThat(afghan.path("head").path("name").asString()).isEqualTo(name("Abdul Haq Wasiq"));
		assertThat(afghan.path("members").size()).isZero();
		assertThat(pakistani.path("party").path("id").asString()).isEqualTo(this.pakistan);
		assertThat(pakistani.path("head").path("name").asString()).isEqualTo(name("Asim Malik"));
		assertThat(pakistani.path("note").asString()).isEqualTo(UNCONFIRMED);
		assertThat(round.path("mediators").get(0).path("actor").path("name").asString()).isEqualTo(name("Qatar"));
		assertThat(round.path("mediators").get(0).path("role").asString()).isEqualTo("MEDIATOR");
		assertThat(round.path("mediators").get(1).path("actor").path("name").asString()).isEqualTo(name("Turkey"));
		assertThat(round.path("mediators").get(1).path("role").asString()).isEqualTo("HOST");
		assertThat(round.path("sourceIds").toString()).isEqualTo("[\"" + source + "\"]");

		Api.Response read = this.api.get(ROUNDS + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.json().path("delegations")).isEqualTo(round.path("delegations"));
		assertThat(read.json().path("mediators")).isEqualTo(round.path("mediators"));
	}

	@Test
	void oneActorMayBothMediateAndHost() {
		JsonNode round = create(round(1).delegation(this.pakistan, null, null)
			.mediator(this.turkey, "MEDIATOR")
			.mediator(this.turkey, "HOST"));

		assertThat(round.path("mediators").size()).isEqualTo(2);
	}

	@Test
	void roundWithoutVenueOrDelegationsIsAllowed() {
		JsonNode round = create(round(1).status("SCHEDULED").remove("delegations").remove("mediators"));

		assertThat(round.path("venue").isNull()).isTrue();
		assertThat(round.path("delegations").size()).isZero();
		assertThat(round.path("agendaItems").size()).isZero();
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = createId(istanbul(1));

		Api.Response response = this.api.get(ROUNDS + "/" + id, "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void unknownIdIs404ForEveryMethod() {
		String path = ROUNDS + "/" + UUID.randomUUID();

		assertThat(this.api.get(path).status()).isEqualTo(404);
		assertThat(this.api.put(path, round(1).json()).status()).isEqualTo(404);
		assertThat(this.api.patch(path, "{\"status\": \"CONCLUDED\"}").status()).isEqualTo(404);
		Api.Response delete = this.api.delete(path);
		assertThat(delete.status()).isEqualTo(404);
		assertThat(delete.contentType()).hasValue("application/problem+json");
	}

	// --- replace and patch

	@Test
	void putReplacesDelegationsWithDifferentOnes() {
		String id = createId(istanbul(1));
		String asif = this.fixtures.person("Khawaja Mohammad Asif");
		String mujahid = this.fixtures.person("Zabihullah Mujahid");

		// same number of delegations, every position taken by a different one
		Api.Response swapped = this.api.put(ROUNDS + "/" + id,
				round(1).delegation(this.pakistan, asif, "Named by the Defense Minister", this.malik)
					.delegation(this.afghanistan, mujahid, null, this.wasiq)
					.json(),
				"If-Match", "\"0\"");
		assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
		assertThat(swapped.header("ETag")).isEqualTo("\"1\"");
		JsonNode delegations = this.api.get(ROUNDS + "/" + id).json().path("delegations");
		assertThat(delegations.get(0).path("party").path("id").asString()).isEqualTo(this.pakistan);
		assertThat(delegations.get(0).path("head").path("id").asString()).isEqualTo(asif);
		assertThat(delegations.get(0).path("members").get(0).path("name").asString()).isEqualTo(name("Asim Malik"));
		assertThat(delegations.get(1).path("party").path("id").asString()).isEqualTo(this.afghanistan);
		assertThat(delegations.get(1).path("members").get(0).path("id").asString()).isEqualTo(this.wasiq);
		assertThat(delegationRows(id)).isEqualTo(2);
		assertThat(memberRows(id)).isEqualTo(2);

		// fewer
		Api.Response fewer = this.api.put(ROUNDS + "/" + id,
				round(1).delegation(this.afghanistan, this.wasiq, null).json());
		assertThat(fewer.status()).as(fewer.body()).isEqualTo(200);
		assertThat(fewer.json().path("delegations").size()).isEqualTo(1);
		assertThat(delegationRows(id)).isEqualTo(1);
		assertThat(memberRows(id)).isZero();

		// more
		Api.Response more = this.api.put(ROUNDS + "/" + id,
				round(1).delegation(this.afghanistan, this.wasiq, null, mujahid)
					.delegation(this.pakistan, null, UNCONFIRMED, this.malik, asif)
					.json());
		assertThat(more.status()).as(more.body()).isEqualTo(200);
		assertThat(more.json().path("delegations").get(1).path("members").size()).isEqualTo(2);
		assertThat(more.json().path("delegations").get(1).path("head").isNull()).isTrue();
		assertThat(delegationRows(id)).isEqualTo(2);
		assertThat(memberRows(id)).isEqualTo(3);

		// none
		Api.Response none = this.api.put(ROUNDS + "/" + id, round(1).json());
		assertThat(none.status()).as(none.body()).isEqualTo(200);
		assertThat(delegationRows(id)).isZero();
		assertThat(memberRows(id)).isZero();
		assertThat(none.json().path("version").asLong()).isEqualTo(4);
	}

	@Test
	void changingOnlyADelegationNoteBumpsTheVersion() {
		String id = createId(istanbul(1));

		Api.Response changed = this.api.put(ROUNDS + "/" + id, istanbul(1).json().replace(UNCONFIRMED, "Confirmed"),
				"If-Match", "\"0\"");

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		assertThat(changed.json().path("delegations").get(1).path("note").asString()).isEqualTo("Confirmed");
	}

	@Test
	void patchChangesStatusAndKeepsEverythingElse() {
		JsonNode created = create(istanbul(1));
		String id = created.path("id").asString();

		Api.Response patched = this.api.patch(ROUNDS + "/" + id, """
				{"status": "CONCLUDED", "endDate": "2025-11-07", "outcome": "Talks ended without agreement"}""",
				"If-Match", "\"0\"");

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"1\"");
		JsonNode round = patched.json();
		assertThat(round.path("status").asString()).isEqualTo("CONCLUDED");
		assertThat(round.path("endDate").asString()).isEqualTo("2025-11-07");
		assertThat(round.path("outcome").asString()).isEqualTo("Talks ended without agreement");
		assertThat(round.path("delegations")).isEqualTo(created.path("delegations"));
		assertThat(round.path("mediators")).isEqualTo(created.path("mediators"));
		assertThat(round.path("venue")).isEqualTo(created.path("venue"));

		Api.Response cleared = this.api.patch(ROUNDS + "/" + id, "{\"venue\": null, \"delegations\": []}");
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().path("venue").isNull()).isTrue();
		assertThat(cleared.json().path("delegations").size()).isZero();
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = createId(istanbul(1));
		assertThat(this.api.patch(ROUNDS + "/" + id, "{\"status\": \"SUSPENDED\"}").status()).isEqualTo(200);

		Api.Response stalePut = this.api.put(ROUNDS + "/" + id, round(1).json(), "If-Match", "\"0\"");
		Api.Response stalePatch = this.api.patch(ROUNDS + "/" + id, "{\"status\": \"COLLAPSED\"}", "If-Match", "\"0\"");
		Api.Response staleDelete = this.api.delete(ROUNDS + "/" + id, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(stalePut.contentType()).hasValue("application/problem+json");
		JsonNode round = this.api.get(ROUNDS + "/" + id).json();
		assertThat(round.path("status").asString()).isEqualTo("SUSPENDED");
		assertThat(round.path("delegations").size()).isEqualTo(2);
	}

	@Test
	void concurrentPutsWithTheSameIfMatchDoNotLoseAnUpdate() throws Exception {
		String id = createId(istanbul(1));
		String asif = this.fixtures.person("Khawaja Mohammad Asif");
		String first = round(1).status("CONCLUDED").delegation(this.pakistan, asif, "first writer").json();
		String second = round(1).status("COLLAPSED")
			.delegation(this.afghanistan, this.wasiq, "second writer")
			.delegation(this.pakistan, this.malik, "second writer")
			.json();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Api.Response>> writers = List.of(() -> {
				start.await();
				return this.api.put(ROUNDS + "/" + id, first, "If-Match", "\"0\"");
			}, () -> {
				start.await();
				return this.api.put(ROUNDS + "/" + id, second, "If-Match", "\"0\"");
			});
			List<Future<Api.Response>> results = new ArrayList<>();
			writers.forEach((writer) -> results.add(pool.submit(writer)));
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			Api.Response winner = null;
			for (Future<Api.Response> result : results) {
				Api.Response response = result.get();
				statuses.add(response.status());
				if (response.status() == 200) {
					winner = response;
				}
			}

			assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200);
			assertThat(statuses).allMatch((status) -> status == 200 || status == 412 || status == 409);
			JsonNode stored = this.api.get(ROUNDS + "/" + id).json();
			assertThat(stored.path("version").asLong()).isEqualTo(1);
			assertThat(stored.path("status")).isEqualTo(winner.json().path("status"));
			assertThat(stored.path("delegations")).isEqualTo(winner.json().path("delegations"));
			assertThat(delegationRows(id)).isEqualTo(winner.json().path("delegations").size());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void deletesARoundAndItsDelegations() {
		String id = createId(istanbul(1));

		assertThat(this.api.delete(ROUNDS + "/" + id, "If-Match", "\"0\"").status()).isEqualTo(204);

		assertThat(this.api.get(ROUNDS + "/" + id).status()).isEqualTo(404);
		assertThat(delegationRows(id)).isZero();
	}

	// --- 400: input the API cannot read or that breaks a field rule

	@Test
	void rejectsMalformedJson() {
		Api.Response response = this.api.post(ROUNDS, "{\"negotiationId\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void rejectsUnknownFieldsNamingThemEvenNested() {
		Api.Response top = this.api.post(ROUNDS, round(1).set("location", "Istanbul").json());
		Api.Response nested = this.api.post(ROUNDS,
				round(1).delegation(this.pakistan, null, null)
					.json()
					.replace("\"partyId\"", "\"leader\": 1, \"partyId\""));

		assertThat(top.status()).isEqualTo(400);
		assertThat(top.errorFields()).containsExactly("location");
		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.errorFields()).containsExactly("delegations[0].leader");
	}

	@Test
	void rejectsBadEnumsDatesAndTypesNamingTheField() {
		Api.Response status = this.api.post(ROUNDS, round(1).status("PAUSED").json());
		Api.Response precision = this.api.post(ROUNDS, round(1).set("datePrecision", "DECADE").json());
		Api.Response role = this.api.post(ROUNDS, round(1).mediator(this.qatar, "BROKER").json());
		Api.Response date = this.api.post(ROUNDS, round(1).dates("2025-11-31", null).json());
		Api.Response number = this.api.post(ROUNDS, round(1).set("roundNumber", "third").json());
		Api.Response memberId = this.api.post(ROUNDS,
				round(1).delegation(this.pakistan, null, null, "not-a-uuid").json());

		assertThat(status.status()).isEqualTo(400);
		assertThat(status.errorFields()).containsExactly("status");
		assertThat(status.json().path("errors").get(0).path("message").asString()).contains("COLLAPSED");
		assertThat(precision.errorFields()).containsExactly("datePrecision");
		assertThat(role.errorFields()).containsExactly("mediators[0].role");
		assertThat(date.errorFields()).containsExactly("startDate");
		assertThat(number.errorFields()).containsExactly("roundNumber");
		assertThat(memberId.errorFields()).containsExactly("delegations[0].memberIds[0]");
	}

	@Test
	void rejectsMissingRequiredFieldsNamingEach() {
		Api.Response response = this.api.post(ROUNDS, "{}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("datePrecision", "negotiationId", "roundNumber", "startDate",
				"status");
	}

	@Test
	void rejectsNullsBlanksAndOversizedValuesInNestedFields() {
		Api.Response response = this.api.post(ROUNDS,
				round(1).venue("x".repeat(201), "Turkey")
					.agenda(" ")
					.set("outcome", "o".repeat(10001))
					.delegation(this.pakistan, null, "n".repeat(2001))
					.json()
					.replace("\"memberIds\":[]", "\"memberIds\":[null]")
					.replace("\"mediators\":[]", "\"mediators\":[{\"role\":\"HOST\"}]"));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("agendaItems[0]", "delegations[0].memberIds[0]",
				"delegations[0].note", "mediators[0].actorId", "outcome", "venue.city", "venue.country");
	}

	@Test
	void badUuidInPathIs400NamingIt() {
		assertThat(this.api.get(ROUNDS + "/nope").errorFields()).containsExactly("id");
	}

	// --- lifecycle

	@Test
	void patchMovesARoundAlongItsLifecycle() {
		String path = ROUNDS + "/" + createId(istanbul(4).status("SCHEDULED"));

		assertThat(status(this.api.patch(path, "{\"status\": \"ONGOING\"}"))).isEqualTo("ONGOING");
		assertThat(status(this.api.patch(path, """
				{"status": "SUSPENDED", "outcome": "Adjourned for consultations"}"""))).isEqualTo("SUSPENDED");
		assertThat(status(this.api.patch(path, "{\"status\": \"ONGOING\", \"outcome\": null}"))).isEqualTo("ONGOING");
		Api.Response concluded = this.api.patch(path, """
				{"status": "CONCLUDED", "endDate": "2025-11-07", "outcome": "Agreed to meet again"}""");

		assertThat(status(concluded)).isEqualTo("CONCLUDED");
		assertThat(concluded.json().path("outcome").asString()).isEqualTo("Agreed to meet again");
		assertThat(concluded.header("ETag")).isEqualTo("\"4\"");
	}

	@Test
	void scheduledRoundIsCancelledAndStaysSo() {
		String path = ROUNDS + "/" + createId(round(4).status("SCHEDULED"));

		assertThat(status(this.api.patch(path, "{\"status\": \"CANCELLED\"}"))).isEqualTo("CANCELLED");
		assertThat(this.api.get(ROUNDS + "?negotiation=" + this.talks + "&status=CANCELLED").json().path("items"))
			.hasSize(1);
	}

	@Test
	void aMoveTheLifecycleForbidsIs409NamingStatusAndChangesNothing() {
		String concluded = ROUNDS + "/" + createId(istanbul(3).status("CONCLUDED").set("outcome", "No agreement"));
		String held = ROUNDS + "/" + createId(istanbul(4));

		Api.Response reopened = this.api.patch(concluded, "{\"status\": \"ONGOING\", \"outcome\": null}");
		Api.Response cancelled = this.api.put(held, istanbul(4).status("CANCELLED").json());

		assertThat(List.of(reopened.status(), cancelled.status())).containsOnly(409);
		assertThat(reopened.contentType()).hasValue("application/problem+json");
		assertThat(reopened.errorFields()).containsExactly("status");
		assertThat(reopened.json().path("detail").asString()).contains("CONCLUDED is final");
		assertThat(cancelled.errorFields()).containsExactly("status");
		assertThat(this.api.get(concluded).json().path("version").asLong()).isZero();
		assertThat(this.api.get(held).json().path("status").asString()).isEqualTo("ONGOING");
	}

	@Test
	void anOutcomeForARoundThatTakesNoneIs400NamingOutcome() {
		Api.Response created = this.api.post(ROUNDS, round(1).status("SCHEDULED").set("outcome", "Agreed").json());
		String suspended = ROUNDS + "/"
				+ createId(round(2).status("SUSPENDED").set("outcome", "Adjourned for consultations"));
		Api.Response resumedKeepingOutcome = this.api.patch(suspended, "{\"status\": \"ONGOING\"}");

		assertThat(List.of(created.status(), resumedKeepingOutcome.status())).containsOnly(400);
		assertThat(created.errorFields()).containsExactly("outcome");
		assertThat(resumedKeepingOutcome.errorFields()).containsExactly("outcome");
		assertThat(this.api.get(suspended).json().path("status").asString()).isEqualTo("SUSPENDED");
	}

	@Test
	void documentsTheLifecycleInOpenApi() {
		JsonNode docs = this.api.get("/v3/api-docs").json();

		JsonNode status = docs.path("components").path("schemas").path("TalksRound").path("properties").path("status");
		// null is listed too: the document declares the field nullable, as every record
		// field
		assertThat(status.path("enum").valueStream().filter((value) -> !value.isNull()).map(JsonNode::asString))
			.containsExactly("SCHEDULED", "ONGOING", "CONCLUDED", "SUSPENDED", "COLLAPSED", "CANCELLED");
		assertThat(status.path("description").asString()).contains("SCHEDULED -> CANCELLED");
		assertThat(docs.path("paths").path(ROUNDS + "/{id}").path("patch").path("description").asString())
			.contains("409 naming status");
		assertThat(docs.path("components")
			.path("schemas")
			.path("TalksRoundRequest")
			.path("properties")
			.path("outcome")
			.path("description")
			.asString()).contains("only for a SUSPENDED, CONCLUDED or COLLAPSED round");
	}

	private static String status(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("status").asString();
	}

	// --- domain rules

	@Test
	void refusesRoundEndingBeforeItStarts() {
		Api.Response response = this.api.post(ROUNDS, round(1).dates("2025-11-06", "2025-11-05").json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("endDate");
	}

	@Test
	void acceptsRoundEndingOnItsStartDay() {
		assertThat(create(round(1).dates("2025-11-06", "2025-11-06")).path("endDate").asString())
			.isEqualTo("2025-11-06");
	}

	@Test
	void refusesRoundNumberBelowOne() {
		Api.Response zero = this.api.post(ROUNDS, round(0).json());
		Api.Response negative = this.api.post(ROUNDS, round(-2).json());

		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.errorFields()).containsExactly("roundNumber");
		assertThat(negative.errorFields()).containsExactly("roundNumber");
	}

	@Test
	void refusesSecondDelegationOfTheSameParty() {
		Api.Response response = this.api.post(ROUNDS,
				round(1).delegation(this.pakistan, this.malik, null)
					.delegation(this.pakistan, null, "a second Pakistani delegation")
					.json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("delegations[1].partyId");
	}

	@Test
	void domainRulesApplyToPutAndPatchToo() {
		String id = createId(istanbul(1));

		Api.Response put = this.api.put(ROUNDS + "/" + id, istanbul(1).mediator(this.pakistan, "GUARANTOR").json());
		Api.Response patch = this.api.patch(ROUNDS + "/" + id, "{\"endDate\": \"2025-11-01\"}");

		assertThat(put.status()).isEqualTo(400);
		assertThat(put.errorFields()).containsExactly("mediators[2].actorId");
		assertThat(patch.status()).isEqualTo(400);
		assertThat(patch.errorFields()).containsExactly("endDate");
		assertThat(this.api.get(ROUNDS + "/" + id).json().path("version").asLong()).isZero();
	}

	@Test
	void duplicateRoundNumberInTheSameNegotiationIs409() {
		createId(istanbul(3));

		Api.Response duplicate = this.api.post(ROUNDS, round(3).dates("2025-12-01", null).json());

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("roundNumber");
	}

	@Test
	void renumberingOntoATakenNumberIs409AndTheSameNumberElsewhereIsFine() {
		createId(round(1));
		String second = createId(round(2));
		String other = this.fixtures.negotiation("TTP talks", this.pakistan);

		Api.Response clash = this.api.patch(ROUNDS + "/" + second, "{\"roundNumber\": 1}");
		Api.Response elsewhere = this.api.post(ROUNDS, this.fixtures.round(other, 1).json());

		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.errorFields()).containsExactly("roundNumber");
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
	}

	@Test
	void movingARoundToAnotherNegotiationMovesItInBothRoundCounts() {
		String id = createId(istanbul(3));
		String other = this.fixtures.negotiation("Istanbul process", this.pakistan, this.afghanistan);
		String otherTag = this.api.get("/api/v1/negotiations/" + other).header("ETag");

		Api.Response moved = this.api.patch(ROUNDS + "/" + id,
				"{\"negotiationId\": \"%s\", \"roundNumber\": 1}".formatted(other));

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().path("negotiation").path("name").asString()).isEqualTo(name("Istanbul process"));
		assertThat(this.api.get("/api/v1/negotiations/" + this.talks).json().path("roundCount").asLong()).isZero();
		Api.Response target = this.api.get("/api/v1/negotiations/" + other);
		assertThat(target.json().path("roundCount").asLong()).isEqualTo(1);
		assertThat(target.header("ETag")).isNotEqualTo(otherTag);
		assertThat(roundNumbers("/api/v1/negotiations/" + other + "/rounds")).containsExactly(1);
	}

	// --- 422: references to records that do not exist

	@Test
	void brokenReferencesAre422NamingEachField() {
		String missing = UUID.randomUUID().toString();

		Api.Response response = this.api.post(ROUNDS,
				round(1).delegation(this.afghanistan, this.wasiq, null)
					.delegation(missing, missing, null, this.malik, missing)
					.mediator(missing, "HOST")
					.sources(missing)
					.json());

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("delegations[1].partyId", "delegations[1].headId",
				"delegations[1].memberIds[1]", "mediators[0].actorId", "sourceIds[0]");
	}

	@Test
	void unknownNegotiationIs422() {
		Api.Response response = this.api.post(ROUNDS, this.fixtures.round(UUID.randomUUID().toString(), 1).json());

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("negotiationId");
	}

	@Test
	void aFailedRequestLeavesNothingBehind() {
		String negotiationTag = this.api.get("/api/v1/negotiations/" + this.talks).header("ETag");
		String missing = UUID.randomUUID().toString();

		Api.Response broken = this.api.post(ROUNDS, istanbul(1).sources(missing).json());
		Api.Response ruled = this.api.post(ROUNDS, istanbul(1).mediator(this.pakistan, "MONITOR").json());

		assertThat(broken.status()).isEqualTo(422);
		assertThat(ruled.status()).isEqualTo(400);
		assertThat(roundNumbers(ROUNDS + "?negotiation=" + this.talks)).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from talks_delegation d
				where d.party_actor_id in (:parties)""")
			.param("parties", List.of(UUID.fromString(this.pakistan), UUID.fromString(this.afghanistan)))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get("/api/v1/negotiations/" + this.talks).header("ETag")).isEqualTo(negotiationTag);

		String id = createId(istanbul(1));
		Api.Response failedPut = this.api.put(ROUNDS + "/" + id,
				round(1).delegation(this.pakistan, null, null)
					.delegation(this.afghanistan, null, null, missing)
					.json());
		assertThat(failedPut.status()).isEqualTo(422);
		JsonNode kept = this.api.get(ROUNDS + "/" + id).json();
		assertThat(kept.path("version").asLong()).isZero();
		assertThat(kept.path("delegations").get(1).path("note").asString()).isEqualTo(UNCONFIRMED);
		assertThat(delegationRows(id)).isEqualTo(2);
	}

	// --- lists

	@Test
	void filtersByNegotiationPartyMediatorStatusAndVenueCountry() {
		String other = this.fixtures.negotiation("Doha talks", this.afghanistan);
		createId(istanbul(1).status("CONCLUDED"));
		createId(round(2).venue("Doha", "QAT").delegation(this.pakistan, null, null).mediator(this.qatar, "MEDIATOR"));
		createId(this.fixtures.round(other, 7)
			.venue("Doha", "QAT")
			.delegation(this.afghanistan, null, null)
			.mediator(this.turkey, "FACILITATOR")
			.status("SUSPENDED"));
		String both = "negotiation=" + this.talks + "," + other;

		assertThat(roundNumbers(ROUNDS + "?negotiation=" + this.talks)).containsExactlyInAnyOrder(1, 2);
		assertThat(roundNumbers(ROUNDS + "?negotiation=" + this.talks + "&negotiation=" + other))
			.containsExactlyInAnyOrder(1, 2, 7);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&party=" + this.afghanistan)).containsExactlyInAnyOrder(1, 7);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&party=" + this.pakistan + "&venueCountry=QAT"))
			.containsExactly(2);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&mediator=" + this.qatar)).containsExactlyInAnyOrder(1, 2);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&mediator=" + this.turkey)).containsExactlyInAnyOrder(1, 7);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&status=CONCLUDED,SUSPENDED")).containsExactlyInAnyOrder(1, 7);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&status=ONGOING")).containsExactly(2);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&venueCountry=tur")).containsExactly(1);
		assertThat(roundNumbers(ROUNDS + "?" + both + "&venueCountry=TUR&venueCountry=QAT"))
			.containsExactlyInAnyOrder(1, 2, 7);
		assertThat(roundNumbers(ROUNDS + "?party=" + this.qatar)).isEmpty();
	}

	@Test
	void fromAndToSelectRoundsOverlappingTheRange() {
		// one day, a span, an open-ended (one-day) round
		createId(round(1).dates("2025-10-25", null));
		createId(round(2).dates("2025-10-30", "2025-11-02"));
		createId(round(3).dates("2025-11-06", null));
		String path = ROUNDS + "?negotiation=" + this.talks;

		assertThat(roundNumbers(path + "&from=2025-11-01")).containsExactly(3, 2);
		assertThat(roundNumbers(path + "&from=2025-11-03")).containsExactly(3);
		assertThat(roundNumbers(path + "&to=2025-10-30")).containsExactly(2, 1);
		assertThat(roundNumbers(path + "&from=2025-10-26&to=2025-10-29")).isEmpty();
		assertThat(roundNumbers(path + "&from=2025-10-25&to=2025-10-25")).containsExactly(1);
		assertThat(roundNumbers(path + "&from=2025-11-02&to=2025-11-06")).containsExactly(3, 2);
	}

	@Test
	void listIsLatestFirstAndNegotiationRoundsAreInNumberOrder() {
		createId(round(2).dates("2025-10-30", null));
		createId(round(1).dates("2025-10-25", null));
		createId(istanbul(3));

		assertThat(roundNumbers(ROUNDS + "?negotiation=" + this.talks)).containsExactly(3, 2, 1);
		assertThat(roundNumbers("/api/v1/negotiations/" + this.talks + "/rounds")).containsExactly(1, 2, 3);
		assertThat(roundNumbers("/api/v1/negotiations/" + this.talks + "/rounds?venueCountry=TUR")).containsExactly(3);
		assertThat(this.api.get("/api/v1/negotiations/" + UUID.randomUUID() + "/rounds").status()).isEqualTo(404);
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertThat(this.api.get(ROUNDS + "?status=PAUSED").errorFields()).containsExactly("status");
		assertThat(this.api.get(ROUNDS + "?venueCountry=Turkey").errorFields()).containsExactly("venueCountry");
		assertThat(this.api.get(ROUNDS + "?party=someone").errorFields()).containsExactly("party");
		assertThat(this.api.get(ROUNDS + "?from=2025-11-31").errorFields()).containsExactly("from");
		assertThat(this.api.get(ROUNDS + "?from=2025-11-06&to=2025-11-01").errorFields()).containsExactly("to");
		assertThat(this.api.get(ROUNDS + "?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get(ROUNDS + "?cursor=garbage").errorFields()).containsExactly("cursor");
	}

	@Test
	void cursorOfAnotherListIs400() {
		for (int i = 1; i <= 3; i++) {
			createId(round(i));
		}
		String byDate = this.api.get(ROUNDS + "?negotiation=" + this.talks + "&limit=1")
			.json()
			.path("nextCursor")
			.asString();
		String byNumber = this.api.get("/api/v1/negotiations/" + this.talks + "/rounds?limit=1")
			.json()
			.path("nextCursor")
			.asString();

		assertThat(this.api.get("/api/v1/negotiations/" + this.talks + "/rounds?cursor=" + byDate).errorFields())
			.containsExactly("cursor");
		assertThat(this.api.get(ROUNDS + "?cursor=" + byNumber).errorFields()).containsExactly("cursor");
	}

	@Test
	void walksEveryPageSeeingEachRoundExactlyOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 1; i <= 23; i++) {
			// several rounds share a start date, so the id must break the ties
			created.add(createId(round(i).dates("2025-10-%02d".formatted(1 + i / 4), null)));
		}

		Pages.Walk byDate = Pages.walk(this.api, ROUNDS + "?negotiation=" + this.talks + "&limit=5");
		Pages.Walk byNumber = Pages.walk(this.api, "/api/v1/negotiations/" + this.talks + "/rounds?limit=4");

		assertThat(byDate.pages()).isEqualTo(5);
		assertThat(byDate.ids()).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
		assertThat(byNumber.pages()).isEqualTo(6);
		assertThat(byNumber.ids()).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void listRunsAFixedNumberOfStatementsWhateverThePageSize() {
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			people.add(this.fixtures.person("Delegate " + i));
		}
		String source = this.fixtures.source();
		for (int i = 1; i <= 15; i++) {
			createId(round(i).venue("Istanbul", "TUR")
				.agenda(AGENDA)
				.delegation(this.afghanistan, this.wasiq, null, people.get(0), people.get(1))
				.delegation(this.pakistan, this.malik, UNCONFIRMED, people.get(2), people.get(3))
				.mediator(this.qatar, "MEDIATOR")
				.mediator(this.turkey, "HOST")
				.sources(source));
		}
		String path = ROUNDS + "?negotiation=" + this.talks;

		SqlStatementCounter.reset();
		assertThat(this.api.get(path + "&limit=2").json().path("items").size()).isEqualTo(2);
		long small = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		JsonNode large = this.api.get(path + "&limit=15").json();
		long largeCount = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		assertThat(this.api.get("/api/v1/negotiations/" + this.talks + "/rounds?limit=15").json().path("items").size())
			.isEqualTo(15);
		long byNumber = SqlStatementCounter.count();

		assertThat(large.path("items").size()).isEqualTo(15);
		assertThat(
				large.path("items").get(14).path("delegations").get(1).path("members").get(1).path("name").asString())
			.isEqualTo(name("Delegate 3"));
		assertThat(largeCount).isEqualTo(small);
		assertThat(byNumber).isEqualTo(small + 1);
	}

}
