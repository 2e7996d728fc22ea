package org.borderwatch.situation;

import org.borderwatch.support.TimelineFixtures;
import org.borderwatch.support.TimelineScenario;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
class SituationApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TimelineScenario s;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.s = new TimelineScenario(new TimelineFixtures(this.jdbc, UUID.randomUUID().toString().substring(0, 8)));
	}

	private JsonNode situation(String query) {
		Api.Response response = this.api.get("/api/v1/situation?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode byId(JsonNode list, UUID id) {
		return list.valueStream()
			.filter((item) -> item.path("id").asString().equals(id.toString()))
			.findFirst()
			.orElse(null);
	}

	@Test
	void onOctober15AllCrossingsAreClosedAndTheCeasefireNotYetInEffect() {
		JsonNode situation = situation("asOf=2025-10-15");

		assertThat(situation.path("asOf").asString()).isEqualTo("2025-10-15");
		for (UUID crossing : List.of(this.s.torkham, this.s.chaman, this.s.ghulamKhan)) {
			JsonNode state = byId(situation.path("crossings"), crossing);
			assertThat(state.path("status").asString()).isEqualTo("CLOSED");
			assertThat(state.path("allowedTraffic").size()).isZero();
			assertThat(state.path("decidedBy").path("id").asString()).isEqualTo(this.s.islamabad.toString());
			assertThat(state.path("reason").asString()).isEqualTo("Attacks on trade convoys from the Afghan side");
		}
		assertThat(byId(situation.path("crossings"), this.s.torkham).path("since").asString())
			.isEqualTo("2025-10-12T06:00:00Z");
		assertThat(byId(situation.path("ceasefiresInEffect"), this.s.doha)).isNull();
		assertThat(byId(situation.path("ceasefiresInEffect"), this.s.truce2022)).isNull();
		// The next round is the earliest after the date: at the latest this scenario's
		// Istanbul round
		// (other tests' rounds may come earlier).
		LocalDate next = LocalDate.parse(situation.path("talks").path("nextRound").path("startDate").asString());
		assertThat(next).isAfter(LocalDate.parse("2025-10-15")).isBeforeOrEqualTo(TimelineScenario.ISTANBUL);
		JsonNode dayBefore = situation("asOf=2025-11-05&country=TUR").path("talks").path("nextRound");
		assertThat(dayBefore.path("startDate").asString()).isEqualTo("2025-11-06");
		assertThat(dayBefore.path("venueCountry").asString()).isEqualTo("TUR");
	}

	@Test
	void onNovember6TwoCrossingsArePartlyOpenForRefugeesAndTheQatarCeasefireHolds() {
		JsonNode situation = situation("asOf=2025-11-06");

		for (UUID crossing : List.of(this.s.torkham, this.s.chaman)) {
			JsonNode state = byId(situation.path("crossings"), crossing);
			assertThat(state.path("status").asString()).isEqualTo("PARTIALLY_OPEN");
			assertThat(state.path("allowedTraffic").toString()).isEqualTo("[\"REFUGEES_RETURNING\"]");
		}
		assertThat(byId(situation.path("crossings"), this.s.ghulamKhan).path("status").asString()).isEqualTo("CLOSED");

		JsonNode doha = byId(situation.path("ceasefiresInEffect"), this.s.doha);
		assertThat(doha).isNotNull();
		assertThat(doha.path("effectiveFrom").asString()).isEqualTo("2025-10-19");
		assertThat(doha.path("parties").valueStream().map((p) -> p.path("id").asString()).toList())
			.containsExactlyInAnyOrder(this.s.pakistan.toString(), this.s.afghanistan.toString());
		assertThat(doha.path("mediators")).hasSize(1);
		assertThat(doha.path("mediators").get(0).path("id").asString()).isEqualTo(this.s.qatar.toString());
		assertThat(doha.path("mediators").get(0).path("name").asString()).startsWith("Qatar");
		assertThat(doha.path("mediators").get(0).path("role").asString()).isEqualTo("MEDIATOR");
		assertThat(byId(situation.path("ceasefiresInEffect"), this.s.truce2022)).isNull();

		// Rounds on the same day: the latest-created wins the tie, and that is this
		// test's.
		JsonNode latest = situation.path("talks").path("latestRound");
		assertThat(latest.path("id").asString()).isEqualTo(this.s.round3.toString());
		assertThat(latest.path("venueCity").asString()).isEqualTo("Istanbul");
		assertThat(latest.path("venueCountry").asString()).isEqualTo("TUR");
		assertThat(latest.path("status").asString()).isEqualTo("ONGOING");
		assertThat(latest.path("delegations").valueStream().map((d) -> d.path("head").path("id").asString()).toList())
			.containsExactly(this.s.wasiq.toString(), this.s.malik.toString());
		assertThat(latest.path("delegations").get(1).path("note").asString()).contains("not publicly confirmed");
		assertThat(latest.path("mediators").valueStream().map((m) -> m.path("role").asString()).toList())
			.containsExactly("HOST", "MEDIATOR");
	}

	@Test
	void aCancelledRoundIsNeitherTheLatestNorTheNextRound() {
		// rounds of their own, far in the future and in a venue country no other test
		// uses
		int year = ThreadLocalRandom.current().nextInt(4000, 9000);
		UUID talks = this.s.fixture.negotiation("Oslo channel", List.of(this.s.pakistan, this.s.afghanistan),
				List.of());
		UUID held = this.s.fixture.round(talks, 1, LocalDate.of(year, 5, 1))
			.venue("Oslo", "NOR")
			.status("CONCLUDED")
			.create();
		this.s.fixture.round(talks, 2, LocalDate.of(year, 6, 1)).venue("Oslo", "NOR").status("CANCELLED").create();
		this.s.fixture.round(talks, 3, LocalDate.of(year, 6, 20)).venue("Oslo", "NOR").status("CANCELLED").create();
		UUID scheduled = this.s.fixture.round(talks, 4, LocalDate.of(year, 7, 10)).venue("Oslo", "NOR").create();

		JsonNode rounds = situation("asOf=" + LocalDate.of(year, 6, 15) + "&country=NOR").path("talks");
		assertThat(rounds.path("latestRound").path("id").asString()).as("the last round that met")
			.isEqualTo(held.toString());
		assertThat(rounds.path("nextRound").path("id").asString()).as("the next round still planned")
			.isEqualTo(scheduled.toString());
		// called off on the very date: still not the latest round
		assertThat(situation("asOf=" + LocalDate.of(year, 6, 1) + "&country=NOR").path("talks")
			.path("latestRound")
			.path("id")
			.asString()).isEqualTo(held.toString());
		assertThat(situation("asOf=" + LocalDate.of(year, 7, 11) + "&country=NOR").path("talks")
			.path("nextRound")
			.isNull()).as("no round after the last planned one").isTrue();
	}

	@Test
	void crossingWithoutHistoryIsUnknownAndTheCountryFilterApplies() {
		UUID unmapped = this.s.fixture.crossing("Angoor Adda", "AFG", "PAK", 32.3, 69.4);
		UUID elsewhere = this.s.fixture.crossing("Taftan", "IRN", "PAK", 28.96, 61.58);

		JsonNode all = situation("asOf=2025-11-06");
		assertThat(byId(all.path("crossings"), unmapped).path("status").asString()).isEqualTo("UNKNOWN");
		assertThat(byId(all.path("crossings"), unmapped).path("since").isNull()).isTrue();

		JsonNode afghan = situation("asOf=2025-11-06&country=afg");
		assertThat(afghan.path("countries").toString()).isEqualTo("[\"AFG\"]");
		assertThat(byId(afghan.path("crossings"), elsewhere)).isNull();
		assertThat(byId(afghan.path("crossings"), unmapped)).isNotNull();
		assertThat(byId(afghan.path("ceasefiresInEffect"), this.s.doha)).isNotNull();
		JsonNode iranian = situation("asOf=2025-11-06&country=IRN");
		assertThat(byId(iranian.path("crossings"), elsewhere)).isNotNull();
		assertThat(byId(iranian.path("ceasefiresInEffect"), this.s.doha)).isNull();

		assertThat(this.api.get("/api/v1/situation?country=XX").errorFields()).containsExactly("country");
		assertThat(this.api.get("/api/v1/situation?asOf=yesterday").errorFields()).containsExactly("asOf");
	}

	@Test
	void countsIncidentsOverTheLast7And30DaysWithTheMostInvolvedActors() {
		// A window of its own, far in the future, emptied first: totals are then exact.
		LocalDate asOf = LocalDate.of(ThreadLocalRandom.current().nextInt(4000, 9000), 6, 30);
		this.jdbc.sql("delete from incident where start_date between :from and :to")
			.param("from", asOf.minusDays(60))
			.param("to", asOf.plusDays(60))
			.update();
		UUID a = this.s.fixture.actor("Involved A", "OTHER", "PAK");
		UUID b = this.s.fixture.actor("Involved B", "OTHER", "PAK");
		UUID c = this.s.fixture.actor("Involved C", "OTHER", "AFG");
		this.s.fixture.incident("Today", asOf)
			.at("X", "PAK", null, null)
			.casualties(3, 4)
			.actor(a, "INITIATOR")
			.actor(b, "TARGET")
			.create();
		this.s.fixture.incident("Six days ago", asOf.minusDays(6))
			.at("X", "AFG", null, null)
			.casualties(2, 0)
			.actor(a, "INITIATOR")
			.claim(c, "ACCUSES", a)
			.create();
		this.s.fixture.incident("Seven days ago", asOf.minusDays(7))
			.at("X", "PAK", null, null)
			.casualties(10, 1)
			.actor(a, "PARTICIPANT")
			.create();
		this.s.fixture.incident("Twenty-nine days ago", asOf.minusDays(29))
			.at("X", "PAK", null, null)
			.casualties(1, 1)
			.actor(b, "TARGET")
			.create();
		this.s.fixture.incident("Thirty days ago", asOf.minusDays(30))
			.at("X", "PAK", null, null)
			.casualties(100, 100)
			.actor(c, "TARGET")
			.create();
		this.s.fixture.incident("Tomorrow", asOf.plusDays(1))
			.at("X", "PAK", null, null)
			.casualties(100, 100)
			.actor(c, "TARGET")
			.create();

		SqlStatementCounter.reset();
		JsonNode incidents = situation("asOf=" + asOf).path("incidents");
		assertThat(SqlStatementCounter.count()).as("fixed statements, no N+1").isEqualTo(4);

		assertThat(incidents.path("last7Days").path("from").asString()).isEqualTo(asOf.minusDays(6).toString());
		assertThat(incidents.path("last7Days").path("count").asLong()).isEqualTo(2);
		assertThat(incidents.path("last7Days").path("fatalities").asLong()).isEqualTo(5);
		assertThat(incidents.path("last7Days").path("wounded").asLong()).isEqualTo(4);
		assertThat(incidents.path("last30Days").path("from").asString()).isEqualTo(asOf.minusDays(29).toString());
		assertThat(incidents.path("last30Days").path("count").asLong()).isEqualTo(4);
		assertThat(incidents.path("last30Days").path("fatalities").asLong()).isEqualTo(16);
		assertThat(incidents.path("last30Days").path("wounded").asLong()).isEqualTo(6);
		JsonNode top = incidents.path("mostInvolvedActors");
		assertThat(top.valueStream().map((x) -> x.path("id").asString() + "=" + x.path("incidents").asLong()).toList())
			.containsExactly(a + "=3", b + "=2", c + "=1");

		JsonNode afghan = situation("asOf=" + asOf + "&country=AFG").path("incidents");
		assertThat(afghan.path("last30Days").path("count").asLong()).isEqualTo(1);
		assertThat(afghan.path("last30Days").path("fatalities").asLong()).isEqualTo(2);
		assertThat(afghan.path("mostInvolvedActors")).hasSize(2);
	}

	@Test
	void countsIncidentsOfEveryLengthThatBeganBeforeTheWindowAndReachIt() {
		LocalDate asOf = LocalDate.of(ThreadLocalRandom.current().nextInt(4000, 9000), 3, 31);
		LocalDate from30 = asOf.minusDays(29);
		this.jdbc.sql("delete from incident where end_date >= :from and start_date <= :to")
			.param("from", from30.minusDays(6000))
			.param("to", asOf.plusDays(10))
			.update();
		// lengths on both sides of each length class the lookup uses (7, 31, 92, 366,
		// 1,830
		// days and longer): those ending on the window's first day count, those ending
		// the
		// day before do not
		int[] lengths = { 1, 7, 8, 31, 32, 92, 93, 366, 367, 1830, 1831, 5000 };
		for (int length : lengths) {
			this.s.fixture.incident("Reaches the window, " + length + " days", from30.minusDays(length))
				.until(from30, "DAY")
				.at("X", "PAK", null, null)
				.casualties(1, 0)
				.create();
			this.s.fixture.incident("Ends the day before, " + length + " days", from30.minusDays(length + 1))
				.until(from30.minusDays(1), "DAY")
				.at("X", "PAK", null, null)
				.casualties(100, 0)
				.create();
		}

		JsonNode incidents = situation("asOf=" + asOf).path("incidents");
		assertThat(incidents.path("last30Days").path("count").asLong()).isEqualTo(lengths.length);
		assertThat(incidents.path("last30Days").path("fatalities").asLong()).isEqualTo(lengths.length);
		assertThat(incidents.path("last7Days").path("count").asLong()).isZero();
	}

	@Test
	void countsAnIncidentWhoseRangeOverlapsTheWindowWithAllItsFiguresAndUnreportedOnesApart() {
		LocalDate asOf = LocalDate.of(ThreadLocalRandom.current().nextInt(4000, 9000), 6, 30);
		this.jdbc.sql("delete from incident where start_date between :from and :to")
			.param("from", asOf.minusDays(120))
			.param("to", asOf.plusDays(60))
			.update();
		UUID a = this.s.fixture.actor("Fighting A", "OTHER", "PAK");
		// a month-long incident, bounded to begin 40 days before asOf: still going in the
		// last 7 days
		this.s.fixture.incident("Long fighting", asOf.minusDays(60))
			.until(asOf.minusDays(2), "MONTH")
			.startedOnOrAfter(asOf.minusDays(40))
			.at("Border", null, null, null)
			.alsoIn("PAK", "AFG")
			.casualties(24, 200)
			.actor(a, "PARTICIPANT")
			.create();
		// ended before the 7-day window
		this.s.fixture.incident("Earlier raid", asOf.minusDays(20))
			.until(asOf.minusDays(8), "WEEK")
			.at("X", "PAK", null, null)
			.casualties(3, 1)
			.create();
		// nothing reported
		this.s.fixture.incident("Convoy attack", asOf.minusDays(1)).at("X", "PAK", null, null).create();

		JsonNode incidents = situation("asOf=" + asOf).path("incidents");
		JsonNode week = incidents.path("last7Days");
		assertThat(week.path("count").asLong()).isEqualTo(2);
		assertThat(week.path("fatalities").asLong()).as("not split by day").isEqualTo(24);
		assertThat(week.path("fatalitiesNotReported").asLong()).isEqualTo(1);
		assertThat(week.path("woundedNotReported").asLong()).isEqualTo(1);
		JsonNode month = incidents.path("last30Days");
		assertThat(month.path("count").asLong()).isEqualTo(3);
		assertThat(month.path("fatalities").asLong()).isEqualTo(27);
		assertThat(month.path("wounded").asLong()).isEqualTo(201);
		assertThat(incidents.path("mostInvolvedActors").get(0).path("id").asString()).isEqualTo(a.toString());
		assertThat(
				situation("asOf=" + asOf + "&country=AFG").path("incidents").path("last7Days").path("count").asLong())
			.as("found by its other country")
			.isEqualTo(1);
		assertThat(situation("asOf=" + asOf.minusDays(41)).path("incidents").path("last7Days").path("count").asLong())
			.as("not before its bound")
			.isZero();
	}

}
