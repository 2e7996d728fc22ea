package org.borderwatch.timeline;

import org.borderwatch.support.TimelineFixtures;
import org.borderwatch.support.TimelineScenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.Csv;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

@Import(SqlStatementCounter.Configuration.class)
class TimelineApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TimelineScenario s;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.s = new TimelineScenario(new TimelineFixtures(this.jdbc, UUID.randomUUID().toString().substring(0, 8)));
	}

	private JsonNode ok(String path, String... headers) {
		Api.Response response = this.api.get(path, headers);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * The titles of one page of the scenario's own timeline (other runs' records filtered
	 * out).
	 */
	private List<String> titles(String query) {
		return titlesOf(ok("/api/v1/timeline?" + this.s.actorFilter() + "&limit=500&" + query));
	}

	private static List<String> titlesOf(JsonNode page) {
		return page.path("items").valueStream().map((item) -> stripSuffix(item.path("title").asString())).toList();
	}

	/** "Torkham 1a2b3c4d CLOSED" -> "Torkham CLOSED": titles without the run's suffix. */
	private static String stripSuffix(String title) {
		return title.replaceAll(" [0-9a-f]{8}\\b", "");
	}

	private static final List<String> SCENARIO_IN_ORDER = List.of("TTP ceasefire of 2022 agreed",
			"TTP ceasefire of 2022 ended", "Explosions in Kabul; Taliban \"vow retaliation\"", "Deadly border clashes",
			"Torkham CLOSED", "Chaman CLOSED", "Ghulam Khan CLOSED", "Doha ceasefire agreed",
			"Mortar fire near Torkham", "Militant attack in Bannu", "Torkham PARTIALLY_OPEN", "Chaman PARTIALLY_OPEN",
			"Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");

	@Test
	void listsTheScenarioInChronologicalOrderBothWays() {
		assertThat(titles("")).containsExactlyElementsOf(SCENARIO_IN_ORDER);
		assertThat(titles("order=desc")).containsExactlyElementsOf(reversed(SCENARIO_IN_ORDER));
		assertThat(titles("order=DESC")).containsExactlyElementsOf(reversed(SCENARIO_IN_ORDER));
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

	@Test
	void describesEachKindOfEntry() {
		JsonNode items = ok("/api/v1/timeline?" + this.s.actorFilter() + "&from=2025-10-01&to=2025-11-10")
			.path("items");
		JsonNode kabul = find(items, this.s.kabul);
		assertThat(kabul.path("kind").asString()).isEqualTo("INCIDENT");
		assertThat(kabul.path("date").asString()).isEqualTo("2025-10-09");
		assertThat(kabul.path("datePrecision").asString()).isEqualTo("DAY");
		assertThat(kabul.path("summary").asString())
			.startsWith("Explosions/Remote violence / Air/drone strike; Kabul, AFG");
		assertThat(kabul.path("countries").toString()).isEqualTo("[\"AFG\"]");
		assertThat(kabul.path("location").path("placeName").asString()).isEqualTo("Kabul");
		assertThat(kabul.path("location").path("latitude").asDouble()).isEqualTo(34.5553);
		assertThat(parts(kabul)).containsExactly("Taliban government:ACCUSER", "Pakistan:ACCUSED");
		assertThat(kabul.path("link").asString()).isEqualTo("/api/v1/incidents/" + this.s.kabul);

		JsonNode clashes = find(items, this.s.clashes);
		assertThat(clashes.path("datePrecision").asString()).isEqualTo("MONTH");
		assertThat(clashes.path("date").asString()).as("October, but not before the explosions")
			.isEqualTo("2025-10-09");
		assertThat(clashes.path("endDate").asString()).isEqualTo("2025-10-31");
		assertThat(clashes.path("countries").toString()).isEqualTo("[\"PAK\",\"AFG\"]");
		assertThat(clashes.path("instant").isNull()).as("shown for crossing changes only").isTrue();
		assertThat(clashes.path("fatalities").asInt()).isEqualTo(40);
		assertThat(clashes.path("summary").asString()).contains("40 killed, 200 wounded");

		JsonNode bannu = find(items, this.s.bannu);
		assertThat(parts(bannu)).containsExactly("Tehrik-e-Taliban Pakistan:CLAIMANT", "Taliban government:DENIER");

		JsonNode doha = find(items, this.s.doha);
		assertThat(doha.path("kind").asString()).isEqualTo("CEASEFIRE_AGREED");
		assertThat(doha.path("date").asString()).isEqualTo("2025-10-19");
		assertThat(doha.path("countries").toString()).isEqualTo("[\"AFG\",\"PAK\"]");
		assertThat(doha.path("summary").asString()).contains("brokered by Qatar").contains("(mediator)");
		assertThat(parts(doha)).containsExactlyInAnyOrder("Pakistan:PARTY", "Afghanistan:PARTY", "Qatar:MEDIATOR");
		JsonNode qatar = doha.path("actors")
			.valueStream()
			.filter((a) -> a.path("part").asString().equals("MEDIATOR"))
			.findFirst()
			.orElseThrow();
		assertThat(qatar.path("role").asString()).isEqualTo("MEDIATOR");
		assertThat(doha.path("link").asString()).isEqualTo("/api/v1/ceasefires/" + this.s.doha);

		JsonNode round = find(items, this.s.round3);
		assertThat(round.path("kind").asString()).isEqualTo("TALKS_ROUND");
		assertThat(stripSuffix(round.path("title").asString()))
			.isEqualTo("Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
		assertThat(round.path("countries").toString()).isEqualTo("[\"AFG\",\"PAK\",\"TUR\"]");
		assertThat(round.path("location").path("placeName").asString()).isEqualTo("Istanbul");
		assertThat(round.path("location").path("latitude").isNull()).isTrue();
		assertThat(parts(round)).contains("Pakistan:PARTY", "Afghanistan:PARTY", "Turkey:MEDIATOR", "Qatar:MEDIATOR",
				"Abdul Haq Wasiq:DELEGATION_HEAD", "Asim Malik:DELEGATION_HEAD");
		assertThat(round.path("link").asString()).isEqualTo("/api/v1/talks-rounds/" + this.s.round3);

		JsonNode reopened = find(items, this.s.torkhamReopened);
		assertThat(reopened.path("kind").asString()).isEqualTo("CROSSING_STATUS_CHANGED");
		assertThat(reopened.path("date").asString()).isEqualTo("2025-11-01");
		assertThat(reopened.path("instant").asString()).isEqualTo("2025-11-01T04:00:00Z");
		assertThat(reopened.path("summary").asString())
			.startsWith("Allowed: refugees returning; Afghan refugees allowed to return home");
		assertThat(reopened.path("location").path("longitude").asDouble()).isEqualTo(71.0936);
		assertThat(parts(reopened)).containsExactly("Government of Pakistan:DECIDED_BY");
		assertThat(reopened.path("link").asString())
			.isEqualTo("/api/v1/crossings/" + this.s.torkham + "/status-changes/" + this.s.torkhamReopened);

		JsonNode ended = find(ok("/api/v1/timeline?kind=CEASEFIRE_ENDED&actor=" + this.s.ttp).path("items"),
				this.s.truce2022);
		assertThat(parts(ended)).contains("Tehrik-e-Taliban Pakistan:ENDED_BY", "Taliban government:MEDIATOR");
		assertThat(ended.path("summary").asString()).startsWith("Terminated; ended by Tehrik-e-Taliban Pakistan");
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map((item) -> item.path("recordId").asString()).toList();
	}

	private static JsonNode find(JsonNode items, UUID recordId) {
		return items.valueStream()
			.filter((item) -> item.path("recordId").asString().equals(recordId.toString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry for " + recordId + " in " + items));
	}

	private static List<String> parts(JsonNode entry) {
		return entry.path("actors")
			.valueStream()
			.map((a) -> stripSuffix(a.path("name").asString()) + ":" + a.path("part").asString())
			.toList();
	}

	@Test
	void filtersByDateRangeKindCountryActorTextBboxAndFatalities() {
		assertThat(titles("from=2025-10-12&to=2025-10-19")).containsExactly("Torkham CLOSED", "Chaman CLOSED",
				"Ghulam Khan CLOSED", "Doha ceasefire agreed");
		assertThat(titles("kind=TALKS_ROUND,CEASEFIRE_ENDED")).containsExactly("TTP ceasefire of 2022 ended",
				"Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
		assertThat(titles("kind=CEASEFIRE_AGREED&kind=ceasefire_ended")).containsExactly("TTP ceasefire of 2022 agreed",
				"TTP ceasefire of 2022 ended", "Doha ceasefire agreed");
		assertThat(titles("country=AFG&from=2025-10-01&kind=INCIDENT,CEASEFIRE_AGREED")).containsExactly(
				"Explosions in Kabul; Taliban \"vow retaliation\"", "Deadly border clashes", "Doha ceasefire agreed");
		assertThat(titles("country=PAK&from=2025-10-01&to=2025-10-10&kind=INCIDENT"))
			.as("the clashes of both countries are found by either")
			.containsExactly("Deadly border clashes");
		assertThat(titles("country=TUR")).containsExactly("Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
		assertThat(titles("q=Torkham")).containsExactly("Torkham CLOSED", "Mortar fire near Torkham",
				"Torkham PARTIALLY_OPEN");
		assertThat(titles("q=ceasefire")).containsExactly("TTP ceasefire of 2022 agreed", "TTP ceasefire of 2022 ended",
				"Doha ceasefire agreed");
		assertThat(titles("bbox=70.9,33.9,71.3,34.3")).containsExactly("Torkham CLOSED", "Mortar fire near Torkham",
				"Torkham PARTIALLY_OPEN");
		assertThat(titles("minFatalities=5")).containsExactly("Deadly border clashes", "Militant attack in Bannu");
		assertThat(titles("minFatalities=5&kind=TALKS_ROUND")).isEmpty();

		// One actor alone drives the scan through its facet; the result is the same as a
		// filter.
		assertThat(titlesOf(ok("/api/v1/timeline?limit=500&actor=" + this.s.ttp)))
			.containsExactly("TTP ceasefire of 2022 agreed", "TTP ceasefire of 2022 ended", "Militant attack in Bannu");
		assertThat(titlesOf(ok("/api/v1/timeline?limit=500&actor=" + this.s.qatar + "&country=QAT"))).isEmpty();
		assertThat(titlesOf(ok("/api/v1/timeline?limit=500&actor=" + this.s.qatar + "&country=pak")))
			.containsExactly("Doha ceasefire agreed", "Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
	}

	@Test
	void boundsMayNameARecord() {
		assertThat(titles("from=ceasefire:" + this.s.doha + "&to=talks-round:" + this.s.round3)).containsExactly(
				"Doha ceasefire agreed", "Mortar fire near Torkham", "Militant attack in Bannu",
				"Torkham PARTIALLY_OPEN", "Chaman PARTIALLY_OPEN",
				"Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
		assertThat(titles("from=incident:" + this.s.kabul + "&to=crossing-change:" + this.s.chamanClosed))
			.containsExactly("Explosions in Kabul; Taliban \"vow retaliation\"", "Deadly border clashes",
					"Torkham CLOSED", "Chaman CLOSED", "Ghulam Khan CLOSED");
		assertThat(titles("from=crossing-change:" + this.s.torkhamReopened)).startsWith("Torkham PARTIALLY_OPEN");
	}

	@Test
	void boundNamingAnUnknownRecordIs422NamingTheParameter() {
		Api.Response unknownFrom = this.api.get("/api/v1/timeline?from=ceasefire:" + UUID.randomUUID());
		assertThat(unknownFrom.status()).isEqualTo(422);
		assertThat(unknownFrom.contentType()).hasValue("application/problem+json");
		assertThat(unknownFrom.errorFields()).containsExactly("from");

		Api.Response unknownBoth = this.api
			.get("/api/v1/timeline?from=incident:" + UUID.randomUUID() + "&to=talks-round:" + UUID.randomUUID());
		assertThat(unknownBoth.status()).isEqualTo(422);
		assertThat(unknownBoth.errorFields()).containsExactly("from", "to");
	}

	@Test
	void malformedParametersAre400NamingThem() {
		assertThat(this.api.get("/api/v1/timeline?from=ceasefire:not-a-uuid").errorFields()).containsExactly("from");
		assertThat(this.api.get("/api/v1/timeline?to=treaty:" + UUID.randomUUID()).errorFields()).containsExactly("to");
		assertThat(this.api.get("/api/v1/timeline?from=2025-13-01").errorFields()).containsExactly("from");
		assertThat(this.api.get("/api/v1/timeline?from=2025-11-01&to=2025-10-01").errorFields()).containsExactly("to");
		assertThat(this.api.get("/api/v1/timeline?kind=BATTLE").errorFields()).containsExactly("kind");
		assertThat(this.api.get("/api/v1/timeline?country=XX").errorFields()).containsExactly("country");
		assertThat(this.api.get("/api/v1/timeline?actor=nobody").errorFields()).containsExactly("actor");
		assertThat(this.api.get("/api/v1/timeline?bbox=1,2,3").errorFields()).containsExactly("bbox");
		assertThat(this.api.get("/api/v1/timeline?bbox=72,30,60,35").errorFields()).containsExactly("bbox");
		assertThat(this.api.get("/api/v1/timeline?minFatalities=-1").errorFields()).containsExactly("minFatalities");
		assertThat(this.api.get("/api/v1/timeline?minFatalities=many").errorFields()).containsExactly("minFatalities");
		assertThat(this.api.get("/api/v1/timeline?order=sideways").errorFields()).containsExactly("order");
		assertThat(this.api.get("/api/v1/timeline?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get("/api/v1/timeline?limit=0").errorFields()).containsExactly("limit");
		assertThat(this.api.get("/api/v1/timeline?cursor=garbage").errorFields()).containsExactly("cursor");
		Api.Response csv = this.api.get("/api/v1/timeline?country=XX", "Accept", "text/csv");
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.errorFields()).containsExactly("country");
	}

	@Test
	void cursorOfOneOrderIsRefusedByTheOther() {
		JsonNode page = ok("/api/v1/timeline?" + this.s.actorFilter() + "&limit=2");
		String cursor = page.path("nextCursor").asString();

		Api.Response other = this.api
			.get("/api/v1/timeline?" + this.s.actorFilter() + "&limit=2&order=desc&cursor=" + cursor);

		assertThat(other.status()).isEqualTo(400);
		assertThat(other.errorFields()).containsExactly("cursor");
	}

	@Test
	void walksEveryPageOnceInOrderWhileRecordsAreAdded() {
		for (String order : List.of("asc", "desc")) {
			UUID walker = this.s.fixture.actor("Walker " + order, "OTHER", "PAK");
			Set<UUID> initial = new HashSet<>();
			for (int day = 1; day <= 20; day++) {
				initial.add(walkerIncident(walker, LocalDate.of(2024, 3, day), "Initial " + day));
			}
			List<JsonNode> seen = new ArrayList<>();
			Set<UUID> addedAhead = new HashSet<>();
			Set<UUID> addedBehind = new HashSet<>();
			String next = "/api/v1/timeline?actor=" + walker + "&limit=3&order=" + order;
			int pages = 0;
			while (next != null) {
				JsonNode page = ok(next);
				page.path("items").forEach(seen::add);
				// While the walk goes on, entries appear behind the cursor, at it, and
				// ahead of it.
				LocalDate last = LocalDate.parse(seen.get(seen.size() - 1).path("date").asString());
				boolean ascending = order.equals("asc");
				addedBehind.add(walkerIncident(walker, ascending ? last.minusDays(1) : last.plusDays(1), "Behind"));
				walkerIncident(walker, last, "Same day");
				if (pages < 4) {
					LocalDate ahead = ascending ? LocalDate.of(2024, 3, 25) : LocalDate.of(2024, 2, 25);
					addedAhead.add(walkerIncident(walker, ahead, "Ahead"));
				}
				String cursor = page.path("nextCursor").asString(null);
				next = (cursor != null)
						? "/api/v1/timeline?actor=" + walker + "&limit=3&order=" + order + "&cursor=" + cursor : null;
				pages++;
			}
			List<String> ids = seen.stream().map((e) -> e.path("recordId").asString()).toList();
			assertThat(ids).as(order).doesNotHaveDuplicates();
			Set<UUID> seenIds = new HashSet<>(ids.stream().map(UUID::fromString).toList());
			assertThat(seenIds).as(order)
				.containsAll(initial)
				.containsAll(addedAhead)
				.doesNotContainAnyElementsOf(addedBehind);
			List<String> keys = seen.stream()
				.map((e) -> e.path("date").asString() + " " + e.path("recordId").asString())
				.toList();
			List<String> sorted = new ArrayList<>(keys);
			sorted.sort(order.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder());
			assertThat(keys).as(order).containsExactlyElementsOf(sorted);
		}
	}

	private UUID walkerIncident(UUID walker, LocalDate date, String title) {
		return this.s.fixture.incident(title, date)
			.at("Peshawar", "PAK", 34.0, 71.5)
			.actor(walker, "PARTICIPANT")
			.create();
	}

	@Test
	void pagesRunAFixedNumberOfStatements() {
		long[] counts = new long[4];
		String[] queries = { "limit=1", "limit=20", "limit=20&country=PAK&from=ceasefire:" + this.s.doha,
				"limit=5&q=Torkham&bbox=60,29,72,37&order=desc" };
		for (int i = 0; i < queries.length; i++) {
			ok("/api/v1/timeline?" + this.s.actorFilter() + "&" + queries[i]);
			SqlStatementCounter.reset();
			ok("/api/v1/timeline?" + this.s.actorFilter() + "&" + queries[i]);
			counts[i] = SqlStatementCounter.count();
		}
		assertThat(counts[0]).isEqualTo(1);
		assertThat(counts[1]).isEqualTo(1);
		assertThat(counts[2]).as("plus one to resolve the record bound").isEqualTo(2);
		assertThat(counts[3]).isEqualTo(1);

		SqlStatementCounter.reset();
		ok("/api/v1/actors/" + this.s.pakistan + "/timeline?limit=50");
		assertThat(SqlStatementCounter.count()).as("one to check the actor, one for the page").isEqualTo(2);
	}

	@Test
	void keepsEntriesInStepWithUpdatesAndDeletes() {
		String pakistanOnly = "/api/v1/timeline?limit=500&actor=" + this.s.pakistan;
		this.jdbc.sql(
				"update incident set title = 'Blasts in Kabul', start_date = '2025-10-10', end_date = '2025-10-10' where id = :id")
			.param("id", this.s.kabul)
			.update();
		JsonNode kabul = find(ok(pakistanOnly).path("items"), this.s.kabul);
		assertThat(kabul.path("title").asString()).isEqualTo("Blasts in Kabul");
		assertThat(kabul.path("date").asString()).isEqualTo("2025-10-10");

		this.jdbc.sql("update actor set name = name || ' (renamed)' where id = :id")
			.param("id", this.s.pakistan)
			.update();
		assertThat(parts(find(ok(pakistanOnly).path("items"), this.s.doha))).contains("Pakistan (renamed):PARTY");

		this.jdbc.sql("delete from incident_claim where incident_id = :id").param("id", this.s.kabul).update();
		assertThat(titlesOf(ok(pakistanOnly))).doesNotContain("Blasts in Kabul");

		this.jdbc.sql("update crossing_status_change set effective_from = '2025-10-13T01:00:00Z' where id = :id")
			.param("id", this.s.torkhamClosed)
			.update();
		JsonNode closed = find(ok("/api/v1/crossings/" + this.s.torkham + "/timeline").path("items"),
				this.s.torkhamClosed);
		assertThat(closed.path("date").asString()).isEqualTo("2025-10-13");

		this.jdbc.sql("update border_crossing set name = :name where id = :id")
			.param("name", this.s.fixture.name("Torkham gate"))
			.param("id", this.s.torkham)
			.update();
		assertThat(titlesOf(ok("/api/v1/crossings/" + this.s.torkham + "/timeline?kind=CROSSING_STATUS_CHANGED")))
			.containsExactly("Torkham gate CLOSED", "Torkham gate PARTIALLY_OPEN");

		this.jdbc.sql("update ceasefire set ended_on = '2025-11-03', status = 'COLLAPSED' where id = :id")
			.param("id", this.s.doha)
			.update();
		assertThat(titlesOf(ok("/api/v1/ceasefires/" + this.s.doha + "/timeline")))
			.containsExactly("Doha ceasefire agreed", "Mortar fire near Torkham", "Doha ceasefire ended");

		this.jdbc.sql("update negotiation set name = :name where id = :id")
			.param("name", this.s.fixture.name("Istanbul process"))
			.param("id", this.s.negotiation)
			.update();
		assertThat(titles("kind=TALKS_ROUND")).containsExactly("Round 3 of Istanbul process in Istanbul");

		this.jdbc.sql("delete from ceasefire where id = :id").param("id", this.s.doha).update();
		this.jdbc.sql("delete from talks_round where id = :id").param("id", this.s.round3).update();
		this.jdbc.sql("delete from crossing_status_change where crossing_id = :id").param("id", this.s.chaman).update();
		assertThat(titles("from=2025-10-12")).containsExactly("Ghulam Khan CLOSED", "Torkham gate CLOSED",
				"Mortar fire near Torkham", "Militant attack in Bannu", "Torkham gate PARTIALLY_OPEN");
		Long leftovers = this.jdbc.sql("""
				select count(*) from timeline_entry where record_id in (:ids)""")
			.param("ids", List.of(this.s.doha, this.s.round3, this.s.chamanClosed, this.s.chamanReopened))
			.query(Long.class)
			.single();
		assertThat(leftovers).isZero();
	}

	@Test
	void followsUpdatesToEveryTableAnEntryIsMadeFrom() {
		this.jdbc.sql("update incident_actor set role = 'INITIATOR' where incident_id = :id")
			.param("id", this.s.mortar)
			.update();
		this.jdbc.sql("update incident_claim set stance = 'DENIES' where incident_id = :id")
			.param("id", this.s.mortar)
			.update();
		assertThat(parts(entry(this.s.military, this.s.mortar))).containsExactly("Pakistan military:INITIATOR",
				"Government of Pakistan:DENIER", "Taliban government:ACCUSED");

		this.jdbc.sql("update ceasefire_mediator set role = 'GUARANTOR' where ceasefire_id = :id")
			.param("id", this.s.doha)
			.update();
		this.jdbc.sql("delete from ceasefire_party where ceasefire_id = :id and actor_id = :a")
			.param("id", this.s.doha)
			.param("a", this.s.afghanistan)
			.update();
		JsonNode doha = entry(this.s.qatar, this.s.doha);
		assertThat(parts(doha)).containsExactly("Pakistan:PARTY", "Qatar:MEDIATOR");
		assertThat(doha.path("actors").get(1).path("role").asString()).isEqualTo("GUARANTOR");
		assertThat(doha.path("countries").toString()).isEqualTo("[\"PAK\"]");

		this.jdbc
			.sql("update talks_delegation set head_actor_id = null where talks_round_id = :id and party_actor_id = :p")
			.param("id", this.s.round3)
			.param("p", this.s.pakistan)
			.update();
		this.jdbc.sql("update talks_round_mediator set role = 'MEDIATOR' where talks_round_id = :id")
			.param("id", this.s.round3)
			.update();
		this.jdbc.sql("update negotiation_mediator set role = 'GUARANTOR' where negotiation_id = :id and actor_id = :a")
			.param("id", this.s.negotiation)
			.param("a", this.s.qatar)
			.update();
		JsonNode round = entry(this.s.turkey, this.s.round3);
		assertThat(parts(round)).doesNotContain("Asim Malik:DELEGATION_HEAD")
			.contains("Abdul Haq Wasiq:DELEGATION_HEAD");
		assertThat(round.path("actors")
			.valueStream()
			.filter((a) -> a.path("part").asString().equals("MEDIATOR"))
			.map((a) -> stripSuffix(a.path("name").asString()) + ":" + a.path("role").asString())
			.toList()).containsExactly("Turkey:MEDIATOR", "Qatar:GUARANTOR");
		this.jdbc.sql("delete from negotiation_mediator where negotiation_id = :id")
			.param("id", this.s.negotiation)
			.update();
		this.jdbc.sql("update actor set country = 'IRN' where id = :id").param("id", this.s.afghanistan).update();
		JsonNode after = entry(this.s.turkey, this.s.round3);
		assertThat(parts(after)).doesNotContain("Qatar:MEDIATOR");
		assertThat(after.path("countries").toString()).isEqualTo("[\"IRN\",\"PAK\",\"TUR\"]");

		this.jdbc.sql("update crossing_status_change set allowed_traffic = '{HUMANITARIAN}' where id = :id")
			.param("id", this.s.chamanReopened)
			.update();
		assertThat(entry(this.s.islamabad, this.s.chamanReopened).path("summary").asString())
			.startsWith("Allowed: humanitarian");
	}

	/** The entry of {@code recordId} on the timeline of {@code actor}. */
	private JsonNode entry(UUID actor, UUID recordId) {
		return find(ok("/api/v1/actors/" + actor + "/timeline?limit=500").path("items"), recordId);
	}

	@Test
	void actorTimelineShowsEveryPartTheActorTakes() {
		assertThat(titlesOf(ok("/api/v1/actors/" + this.s.islamabad + "/timeline"))).containsExactly(
				"TTP ceasefire of 2022 agreed", "TTP ceasefire of 2022 ended", "Torkham CLOSED", "Chaman CLOSED",
				"Ghulam Khan CLOSED", "Mortar fire near Torkham", "Torkham PARTIALLY_OPEN", "Chaman PARTIALLY_OPEN");
		assertThat(titlesOf(ok("/api/v1/actors/" + this.s.wasiq + "/timeline?order=desc")))
			.containsExactly("Round 3 of Pakistan-Afghanistan talks 2025 in Istanbul");
		assertThat(titlesOf(ok("/api/v1/actors/" + this.s.taliban + "/timeline?kind=INCIDENT&from=2025-10-05")))
			.containsExactly("Explosions in Kabul; Taliban \"vow retaliation\"", "Deadly border clashes",
					"Mortar fire near Torkham", "Militant attack in Bannu");
		assertThat(this.api.get("/api/v1/actors/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
	}

	@Test
	void crossingTimelineShowsItsChangesAndIncidentsNearbySinceItsHistoryBegins() {
		// The convoy attack is nearby but before the first change; Kabul is 150 km away.
		// (Other
		// runs' incidents at the same places are near too: the run's actors tell them
		// apart.)
		JsonNode torkham = ok(
				"/api/v1/crossings/" + this.s.torkham + "/timeline?limit=500&from=2025-10-01&to=2025-10-31");
		assertThat(titlesOf(torkham)).startsWith("Torkham CLOSED")
			.doesNotContain("Explosions in Kabul; Taliban \"vow retaliation\"");
		assertThat(ids(torkham)).contains(this.s.mortar.toString())
			.doesNotContain(this.s.convoyAttack.toString(), this.s.kabul.toString(), this.s.chamanClosed.toString());
		assertThat(titlesOf(ok("/api/v1/crossings/" + this.s.torkham + "/timeline?" + this.s.actorFilter())))
			.containsExactly("Torkham CLOSED", "Mortar fire near Torkham", "Torkham PARTIALLY_OPEN");
		assertThat(titlesOf(ok("/api/v1/crossings/" + this.s.chaman + "/timeline?order=desc")))
			.containsExactly("Chaman PARTIALLY_OPEN", "Chaman CLOSED");
		UUID nowhere = this.s.fixture.crossing("Unmapped post", "AFG", "PAK", null, null);
		assertThat(ok("/api/v1/crossings/" + nowhere + "/timeline").path("items").size()).isZero();
		Api.Response unknown = this.api.get("/api/v1/crossings/" + UUID.randomUUID() + "/timeline");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).hasValue("application/problem+json");
	}

	@Test
	void ceasefireTimelineShowsAgreementViolationsAndEnd() {
		assertThat(titlesOf(ok("/api/v1/ceasefires/" + this.s.doha + "/timeline")))
			.containsExactly("Doha ceasefire agreed", "Mortar fire near Torkham");
		assertThat(titlesOf(ok("/api/v1/ceasefires/" + this.s.truce2022 + "/timeline?order=desc")))
			.containsExactly("TTP ceasefire of 2022 ended", "TTP ceasefire of 2022 agreed");
		JsonNode first = ok("/api/v1/ceasefires/" + this.s.doha + "/timeline?limit=1");
		assertThat(first.path("items").size()).isEqualTo(1);
		JsonNode second = ok("/api/v1/ceasefires/" + this.s.doha + "/timeline?limit=1&cursor="
				+ first.path("nextCursor").asString());
		assertThat(titlesOf(second)).containsExactly("Mortar fire near Torkham");
		assertThat(second.path("nextCursor").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/ceasefires/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
	}

	@Test
	void exportsAsCsvMatchingTheJsonList() {
		String filter = this.s.actorFilter() + "&from=2022-01-01";
		JsonNode items = ok("/api/v1/timeline?limit=500&" + filter).path("items");

		Api.Response response = this.api.get("/api/v1/timeline?limit=2&" + filter, "Accept", "text/csv");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.header("Content-Disposition")).contains("timeline.csv");
		assertThat(response.body()).contains("\r\n");
		List<List<String>> rows = Csv.parse(response.body());
		assertThat(rows.get(0)).containsExactly("kind", "record_id", "date", "end_date", "date_precision", "title",
				"summary", "countries", "actors", "latitude", "longitude", "fatalities", "link");
		assertThat(rows).hasSize(items.size() + 1);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			List<String> row = rows.get(i + 1);
			assertThat(row).hasSize(13);
			assertThat(row.get(0)).isEqualTo(item.path("kind").asString());
			assertThat(row.get(1)).isEqualTo(item.path("recordId").asString());
			assertThat(row.get(2)).isEqualTo(item.path("date").asString());
			assertThat(row.get(3)).isEqualTo(item.path("endDate").asString(""));
			assertThat(row.get(4)).isEqualTo(item.path("datePrecision").asString(""));
			assertThat(row.get(5)).isEqualTo(item.path("title").asString());
			assertThat(row.get(6)).isEqualTo(item.path("summary").asString());
			assertThat(row.get(7))
				.isEqualTo(String.join("; ", item.path("countries").valueStream().map(JsonNode::asString).toList()));
			assertThat(row.get(8)).isEqualTo(String.join("; ",
					item.path("actors")
						.valueStream()
						.map((a) -> a.path("name").asString() + " (" + a.path("part").asString() + ")")
						.toList()));
			JsonNode location = item.path("location");
			assertThat(row.get(9)).isEqualTo(
					location.path("latitude").isNumber() ? String.valueOf(location.path("latitude").asDouble()) : "");
			assertThat(row.get(10)).isEqualTo(
					location.path("longitude").isNumber() ? String.valueOf(location.path("longitude").asDouble()) : "");
			assertThat(row.get(11))
				.isEqualTo(item.path("fatalities").isNumber() ? item.path("fatalities").asString() : "");
			assertThat(row.get(12)).isEqualTo(item.path("link").asString());
		}
		// Quotes, commas and line breaks survive the round trip.
		assertThat(rows.stream().map((row) -> row.get(5))).anyMatch((title) -> title.contains("\"vow retaliation\""));
		assertThat(rows.stream().map((row) -> row.get(6)))
			.anyMatch((summary) -> summary.contains("military\nof violating"));
	}

	@Test
	void exportsAsNdjsonMatchingTheJsonList() {
		String filter = this.s.actorFilter() + "&order=desc";
		JsonNode items = ok("/api/v1/timeline?limit=500&" + filter).path("items");

		Api.Response response = this.api.get("/api/v1/timeline?limit=1&" + filter, "Accept", "application/x-ndjson");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		String[] lines = response.body().split("\n");
		assertThat(lines).hasSize(items.size());
		for (int i = 0; i < lines.length; i++) {
			assertThat(JsonMapper.shared().readTree(lines[i])).isEqualTo(items.get(i));
		}
	}

	@Test
	void exportsAsGeoJsonWithTheEntriesThatHaveCoordinates() {
		String filter = this.s.actorFilter() + "&from=2025-10-01";
		JsonNode items = ok("/api/v1/timeline?limit=500&" + filter).path("items");
		List<JsonNode> located = items.valueStream()
			.filter((item) -> item.path("location").path("latitude").isNumber())
			.toList();

		Api.Response response = this.api.get("/api/v1/timeline?" + filter, "Accept", "application/geo+json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/geo+json"));
		assertThat(response.header("X-Features-Without-Coordinates"))
			.isEqualTo(String.valueOf(items.size() - located.size()));
		JsonNode collection = response.json();
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		JsonNode features = collection.path("features");
		assertThat(features.size()).isEqualTo(located.size()).isEqualTo(8);
		for (int i = 0; i < located.size(); i++) {
			JsonNode feature = features.get(i);
			JsonNode entry = located.get(i);
			assertThat(feature.path("type").asString()).isEqualTo("Feature");
			assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
			assertThat(feature.path("geometry").path("coordinates").get(0).asDouble())
				.isEqualTo(entry.path("location").path("longitude").asDouble());
			assertThat(feature.path("geometry").path("coordinates").get(1).asDouble())
				.isEqualTo(entry.path("location").path("latitude").asDouble());
			assertThat(feature.path("properties")).isEqualTo(entry);
		}
	}

	@Test
	void perRecordTimelinesExportToo() {
		Api.Response csv = this.api.get("/api/v1/crossings/" + this.s.torkham + "/timeline?" + this.s.actorFilter(),
				"Accept", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(Csv.parse(csv.body())).hasSize(4);
		assertThat(csv.header("Content-Disposition")).contains("crossing-timeline.csv");
	}

	@Test
	void jsonStaysTheDefaultAndUnsupportedTypesAre406() {
		Api.Response any = this.api.get("/api/v1/timeline?limit=1", "Accept", "*/*");
		assertThat(any.status()).isEqualTo(200);
		assertThat(any.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		Api.Response preferred = this.api.get("/api/v1/timeline?limit=1", "Accept",
				"application/json;q=0.5, text/csv;q=0.9");
		assertThat(preferred.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(this.api.get("/api/v1/timeline", "Accept", "application/pdf").status()).isEqualTo(406);
	}

}
