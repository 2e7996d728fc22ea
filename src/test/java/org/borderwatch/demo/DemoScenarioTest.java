package org.borderwatch.demo;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo scenario answers, through the HTTP API, each question an analyst asks of the
 * 2025 Pakistan-Afghanistan border conflict (the questions closing the scenario's fact
 * sheet).
 */
class DemoScenarioTest extends IntegrationTest {

	@Autowired
	private DemoDataLoader loader;

	private Api api;

	@BeforeEach
	void loadScenario() throws IOException {
		// Loads once per database; later calls find it recorded and leave it alone.
		this.loader.loadScenario();
		this.api = new Api(this.port);
	}

	private String actorId(String name) {
		JsonNode items = ok("/api/v1/actors?limit=500&q=" + name.replace(" ", "%20")).path("items");
		return items.valueStream()
			.filter((actor) -> actor.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no actor " + name))
			.path("id")
			.asString();
	}

	private JsonNode ok(String path) {
		Api.Response response = this.api.get(path);
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> values(JsonNode items, String field) {
		return items.valueStream().map((item) -> item.path(field).asString()).toList();
	}

	@Test
	void loadsOnlyOnce() throws IOException {
		assertThat(this.loader.loadScenario()).isFalse();
		assertThat(values(ok("/api/v1/actors?limit=500&q=Tehrik-e-Taliban").path("items"), "name"))
			.containsOnlyOnce("Tehrik-e-Taliban Pakistan");
	}

	@Test
	void whichCrossingsWereClosedOn15October() {
		JsonNode closed = ok("/api/v1/crossings?asOf=2025-10-15&status=CLOSED&limit=500").path("items");

		assertThat(values(closed, "name")).contains("Torkham", "Chaman-Spin Boldak", "Ghulam Khan", "Angoor Adda",
				"Kharlachi");
		JsonNode torkham = closed.valueStream()
			.filter((crossing) -> crossing.path("name").asString().equals("Torkham"))
			.findFirst()
			.orElseThrow();
		assertThat(torkham.path("currentStatus").path("since").asString()).isEqualTo("2025-10-12T00:00:00Z");
		assertThat(torkham.path("currentStatus").path("allowedTraffic").size()).isZero();
	}

	@Test
	void whichCrossingsWereOpenInAnyFormOn6NovemberAndForWhom() {
		JsonNode open = ok("/api/v1/crossings?asOf=2025-11-06&status=OPEN,PARTIALLY_OPEN&limit=500").path("items");
		Map<String, JsonNode> byName = open.valueStream()
			.collect(Collectors.toMap((crossing) -> crossing.path("name").asString(), (crossing) -> crossing,
					(a, b) -> a));

		assertThat(byName).containsKeys("Torkham", "Chaman-Spin Boldak")
			.doesNotContainKeys("Ghulam Khan", "Angoor Adda", "Kharlachi");
		for (String name : List.of("Torkham", "Chaman-Spin Boldak")) {
			JsonNode status = byName.get(name).path("currentStatus");
			assertThat(status.path("status").asString()).isEqualTo("PARTIALLY_OPEN");
			assertThat(values(status.path("allowedTraffic"), "")).hasSize(1);
			assertThat(status.path("allowedTraffic").get(0).asString()).isEqualTo("REFUGEES_RETURNING");
			assertThat(status.path("datePrecision").asString()).isEqualTo("MONTH");
		}
	}

	@Test
	void whichCeasefiresWereInEffectOn6NovemberAndWhoBrokeredThem() {
		JsonNode inEffect = ok("/api/v1/ceasefires?inEffectOn=2025-11-06&party=" + actorId("Pakistan")).path("items");

		assertThat(inEffect).hasSize(1);
		JsonNode doha = inEffect.get(0);
		assertThat(doha.path("status").asString()).isEqualTo("IN_EFFECT");
		assertThat(doha.path("effectiveFrom").asString()).isEqualTo("2025-10-19");
		assertThat(values(doha.path("parties"), "name")).containsExactlyInAnyOrder("Pakistan", "Afghanistan");
		assertThat(doha.path("mediators").get(0).path("actor").path("name").asString()).isEqualTo("Qatar");
		assertThat(doha.path("mediators").get(0).path("role").asString()).isEqualTo("MEDIATOR");
	}

	@Test
	void whichCeasefiresEndedHowAndByWhom() {
		JsonNode ended = ok(
				"/api/v1/ceasefires?status=COLLAPSED,EXPIRED,TERMINATED&party=" + actorId("Tehrik-e-Taliban Pakistan"))
			.path("items");

		assertThat(ended).hasSize(1);
		JsonNode truce = ended.get(0);
		assertThat(truce.path("status").asString()).isEqualTo("TERMINATED");
		assertThat(truce.path("datePrecision").asString()).isEqualTo("YEAR");
		assertThat(truce.path("endedOn").asString()).startsWith("2022");
		assertThat(truce.path("endedBy").path("name").asString()).isEqualTo("Tehrik-e-Taliban Pakistan");
		assertThat(truce.path("endReason").asString()).contains("violating");
		assertThat(truce.path("mediators").get(0).path("actor").path("name").asString())
			.isEqualTo("Taliban government of Afghanistan");
	}

	@Test
	void whoLedEachDelegationInTheIstanbulRoundAndWhoMediated() {
		JsonNode rounds = ok(
				"/api/v1/talks-rounds?venueCountry=TUR&from=2025-11-06&to=2025-11-06&party=" + actorId("Pakistan"))
			.path("items");

		assertThat(rounds).hasSize(1);
		JsonNode istanbul = rounds.get(0);
		assertThat(istanbul.path("roundNumber").asInt()).isEqualTo(3);
		assertThat(istanbul.path("venue").path("city").asString()).isEqualTo("Istanbul");
		assertThat(istanbul.path("agendaItems").get(0).asString()).contains("Afghan territory is not used for attacks");
		Map<String, JsonNode> delegations = istanbul.path("delegations")
			.valueStream()
			.collect(Collectors.toMap((d) -> d.path("party").path("name").asString(), (d) -> d));
		assertThat(delegations.get("Afghanistan").path("head").path("name").asString()).isEqualTo("Abdul Haq Wasiq");
		assertThat(delegations.get("Pakistan").path("head").path("name").asString()).isEqualTo("Asim Malik");
		assertThat(delegations.get("Pakistan").path("note").asString()).contains("not publicly identified");
		assertThat(istanbul.path("mediators")
			.valueStream()
			.map((m) -> m.path("actor").path("name").asString() + " " + m.path("role").asString()))
			.containsExactlyInAnyOrder("Qatar FACILITATOR", "Turkey HOST");
		assertThat(istanbul.path("negotiation").path("name").asString()).isEqualTo("Pakistan-Afghanistan talks 2025");
	}

	@Test
	void whichIncidentsWereClaimedByTheTtp() {
		JsonNode claimed = ok("/api/v1/incidents?claimedBy=" + actorId("Tehrik-e-Taliban Pakistan")).path("items");

		assertThat(values(claimed, "title")).containsExactly("Militant attacks inside Pakistan claimed by the TTP");
	}

	@Test
	void whoAccusedWhomOfWhatAndWhoDeniedIt() {
		JsonNode incidents = ok("/api/v1/incidents?from=2025-08-01&to=2025-11-10&limit=500").path("items");
		List<String> claims = incidents.valueStream()
			.filter((incident) -> incident.path("externalRef").path("dataset").asString().equals("borderwatch-demo"))
			.flatMap((incident) -> incident.path("claims").valueStream())
			.map((claim) -> claim.path("actor").path("name").asString() + " " + claim.path("stance").asString()
					+ (claim.path("accused").isObject() ? " " + claim.path("accused").path("name").asString() : ""))
			.toList();

		assertThat(claims).contains("Taliban government of Afghanistan ACCUSES Pakistan",
				"Government of Pakistan ACCUSES Taliban government of Afghanistan",
				"Taliban government of Afghanistan DENIES", "Tehrik-e-Taliban Pakistan CLAIMS_RESPONSIBILITY",
				"Government of Pakistan ACCUSES Afghanistan", "Pakistan Armed Forces CLAIMS_RESPONSIBILITY");
	}

	@Test
	void howManyWereKilledAndWoundedWithWhatUncertaintyAndAccordingToWhom() {
		JsonNode clashes = ok("/api/v1/incidents/by-external-ref?dataset=borderwatch-demo&id=border-clashes-2025-10");

		assertThat(clashes.path("datePrecision").asString()).isEqualTo("MONTH");
		assertThat(clashes.path("fatalities").asInt()).isEqualTo(24);
		assertThat(clashes.path("fatalitiesRange").path("high").asInt()).isEqualTo(99);
		assertThat(clashes.path("wounded").asInt()).isEqualTo(200);
		JsonNode killed = clashes.path("casualties")
			.valueStream()
			.filter((figure) -> figure.path("outcome").asString().equals("KILLED"))
			.findFirst()
			.orElseThrow();
		assertThat(killed.path("category").asString()).isEqualTo("UNKNOWN");
		assertThat(killed.path("low").asInt()).isEqualTo(24);
		assertThat(killed.path("high").asInt()).isEqualTo(99);
		assertThat(killed.path("claimant").isNull()).as("curated, not a party's claim").isTrue();
		assertThat(ok("/api/v1/sources/" + killed.path("sourceId").asString()).path("publisher").asString())
			.isEqualTo("Associated Press");
	}

	@Test
	void theTtpIsListedAsTerroristByTheUnAndTheUs() {
		JsonNode ttp = ok("/api/v1/actors/" + actorId("Tehrik-e-Taliban Pakistan"));

		assertThat(ttp.path("aliases").toString()).contains("Pakistani Taliban");
		assertThat(ttp.path("designations").valueStream().map((d) -> d.path("designatedBy").path("name").asString()))
			.containsExactlyInAnyOrder("United Nations", "United States");
		assertThat(ttp.path("relations").get(0).path("actor").path("name").asString())
			.isEqualTo("Taliban government of Afghanistan");
	}

	@Test
	void theConvoyAttacksHaveNoReportedCasualtiesRatherThanZero() {
		JsonNode convoys = ok("/api/v1/incidents/by-external-ref?dataset=borderwatch-demo&id=convoy-attacks-2025-10");

		assertThat(convoys.path("fatalities").isNull()).isTrue();
		assertThat(convoys.path("fatalitiesRange").isNull()).isTrue();
		assertThat(convoys.path("wounded").isNull()).isTrue();
		assertThat(convoys.path("endedOnOrBefore").path("date").asString()).isEqualTo("2025-10-12");
		JsonNode entry = ok("/api/v1/timeline?kind=INCIDENT&from=2025-10-01&to=2025-10-01&actor="
				+ actorId("Government of Pakistan"))
			.path("items")
			.valueStream()
			.filter((e) -> e.path("recordId").asString().equals(convoys.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.path("fatalities").isNull()).isTrue();
		assertThat(entry.path("summary").asString()).endsWith("casualties not reported").doesNotContain("0 killed");
	}

	@Test
	void theOctoberClashesAreFoundByPakistanAndByAfghanistan() {
		JsonNode clashes = ok("/api/v1/incidents/by-external-ref?dataset=borderwatch-demo&id=border-clashes-2025-10");
		String id = clashes.path("id").asString();
		assertThat(clashes.path("location").path("countries").toString()).isEqualTo("[\"PAK\",\"AFG\"]");

		for (String country : List.of("PAK", "AFG")) {
			assertThat(values(ok(
					"/api/v1/incidents?limit=500&from=2025-10-01&to=2025-10-31&tag=border-clashes&country=" + country)
				.path("items"), "id")).as("list, " + country).contains(id);
			assertThat(values(
					ok("/api/v1/timeline?limit=500&kind=INCIDENT&from=2025-10-01&to=2025-10-31&country=" + country)
						.path("items"),
					"recordId"))
				.as("timeline, " + country)
				.contains(id);
		}
		// statistics by country count it under each: over the demo's own actor, whose
		// only
		// incident it is
		JsonNode buckets = ok("/api/v1/stats/incidents?interval=month&groupBy=country&from=2025-10-01&to=2025-10-31"
				+ "&actor=" + actorId("Afghanistan"))
			.path("buckets");
		assertThat(buckets.valueStream()
			.map((b) -> b.path("key").asString() + "=" + b.path("incidents").asLong() + "/"
					+ b.path("fatalities").asLong()))
			.containsExactlyInAnyOrder("PAK=1/24", "AFG=1/24");
		for (String country : List.of("PAK", "AFG")) {
			assertThat(ok("/api/v1/stats/incidents?interval=month&from=2025-10-01&to=2025-10-31&tag=border-clashes"
					+ "&country=" + country)
				.path("buckets")
				.get(0)
				.path("fatalities")
				.asLong()).as("statistics, " + country).isGreaterThanOrEqualTo(24);
		}
	}

	@Test
	void theTimelinePutsTheClashesAfterTheKabulExplosionsThatStartedThem() {
		JsonNode items = ok(
				"/api/v1/timeline?limit=500&kind=INCIDENT&from=2025-10-01&to=2025-10-31&actor=" + actorId("Pakistan"))
			.path("items");
		List<String> titles = values(items, "title");

		assertThat(titles).containsSubsequence("Explosions in Kabul",
				"Deadly border clashes between Pakistan and Afghanistan");
		JsonNode clashes = items.valueStream()
			.filter((e) -> e.path("title").asString().startsWith("Deadly border clashes"))
			.findFirst()
			.orElseThrow();
		assertThat(clashes.path("date").asString()).isEqualTo("2025-10-09");
		assertThat(clashes.path("endDate").asString()).isEqualTo("2025-10-19");
		assertThat(clashes.path("datePrecision").asString()).isEqualTo("MONTH");
	}

	@Test
	void theSituationOn15OctoberReportsTheFighting() {
		JsonNode week = ok("/api/v1/situation?asOf=2025-10-15&country=AFG").path("incidents").path("last7Days");

		// the clashes (24 killed) overlap the week; the explosions and the strikes on TTP
		// hideouts have no reported figures
		assertThat(week.path("count").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(week.path("fatalities").asLong()).isGreaterThanOrEqualTo(24);
		assertThat(week.path("fatalitiesNotReported").asLong()).isGreaterThanOrEqualTo(2);
		List<String> involved = values(
				ok("/api/v1/situation?asOf=2025-10-15&country=AFG").path("incidents").path("mostInvolvedActors"),
				"name");
		assertThat(involved).isNotEmpty();
	}

}
