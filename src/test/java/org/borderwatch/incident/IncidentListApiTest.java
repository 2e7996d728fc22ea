package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import org.borderwatch.support.Api;
import org.borderwatch.support.Pages;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.incident.IncidentJson.incident;

@Import(SqlStatementCounter.Configuration.class)
class IncidentListApiTest extends IncidentFixtures {

	private IncidentJson tagged(String title) {
		return incident(title(title)).tags(tag());
	}

	@Test
	void listsNewestFirstAndFindsIncidentsWhoseDatesOverlapTheRange() {
		createId(tagged("October clashes").dates("2025-10-01", "2025-10-31").set("datePrecision", "MONTH"));
		createId(tagged("Kabul explosions").on("2025-10-09"));
		createId(tagged("Istanbul talks day").on("2025-11-06"));
		String scope = "tag=" + tag();

		assertThat(titles(scope)).containsExactly(title("Istanbul talks day"), title("Kabul explosions"),
				title("October clashes"));
		assertThat(titles(scope + "&from=2025-10-10&to=2025-10-15")).containsExactly(title("October clashes"));
		assertThat(titles(scope + "&from=2025-10-09&to=2025-10-09")).containsExactly(title("Kabul explosions"),
				title("October clashes"));
		assertThat(titles(scope + "&from=2025-10-31")).containsExactly(title("Istanbul talks day"),
				title("October clashes"));
		assertThat(titles(scope + "&from=2025-11-01")).containsExactly(title("Istanbul talks day"));
		assertThat(titles(scope + "&to=2025-10-01")).containsExactly(title("October clashes"));
		assertThat(titles(scope + "&to=2025-09-30")).isEmpty();
	}

	@Test
	void filtersByCountryAdmin1TypeSubTypeAndVerification() {
		createId(tagged("Strike in Paktika").at("AFG", "Paktika", 32.5, 68.8).set("verification", "VERIFIED"));
		createId(tagged("Clash in Kurram").at("PAK", "Khyber Pakhtunkhwa", 33.8, 70.1)
			.type("BATTLES", "ARMED_CLASH")
			.set("verification", "DISPUTED"));
		createId(tagged("Protest in Quetta").at("PAK", "Balochistan", 30.2, 67.0).type("PROTESTS", "PEACEFUL_PROTEST"));
		String scope = "tag=" + tag();

		assertThat(titles(scope + "&country=afg")).containsExactly(title("Strike in Paktika"));
		assertThat(titles(scope + "&country=PAK&type=BATTLES")).containsExactly(title("Clash in Kurram"));
		assertThat(titles(scope + "&admin1=khyber%20pakhtunkhwa")).containsExactly(title("Clash in Kurram"));
		assertThat(titles(scope + "&admin1=Balochistan&admin1=Paktika"))
			.containsExactlyInAnyOrder(title("Protest in Quetta"), title("Strike in Paktika"));
		assertThat(titles(scope + "&type=BATTLES,PROTESTS")).containsExactlyInAnyOrder(title("Clash in Kurram"),
				title("Protest in Quetta"));
		assertThat(titles(scope + "&subType=AIR_DRONE_STRIKE")).containsExactly(title("Strike in Paktika"));
		assertThat(titles(scope + "&verification=VERIFIED,DISPUTED"))
			.containsExactlyInAnyOrder(title("Strike in Paktika"), title("Clash in Kurram"));
		assertThat(titles(scope + "&verification=REPORTED")).containsExactly(title("Protest in Quetta"));
	}

	@Test
	void filtersByTagWithRepeatedValuesOred() {
		createId(incident(title("Cross-border")).tags(tag(), "cross-border-" + this.run));
		createId(incident(title("Convoy")).tags("convoy-" + this.run));
		createId(incident(title("Untagged")));

		assertThat(titles("tag=cross-border-" + this.run)).containsExactly(title("Cross-border"));
		assertThat(titles("tag=cross-border-" + this.run + "&tag=convoy-" + this.run))
			.containsExactlyInAnyOrder(title("Cross-border"), title("Convoy"));
		assertThat(titles("tag=convoy-" + this.run + ",nothing-" + this.run)).containsExactly(title("Convoy"));
	}

	@Test
	void filtersByFullTextOverTitleAndDescription() {
		createId(tagged("Drone strike near Khost").set("description", "Houses hit in the night"));
		createId(tagged("Border clash at Torkham").set("description", "Attack on trade convoys at the crossing"));

		assertThat(titles("q=" + this.run)).hasSize(2);
		assertThat(titles("q=torkham%20" + this.run)).containsExactly(title("Border clash at Torkham"));
		assertThat(titles("q=convoy%20" + this.run)).as("stemmed: convoy finds convoys")
			.containsExactly(title("Border clash at Torkham"));
		assertThat(titles("q=house%20" + this.run)).containsExactly(title("Drone strike near Khost"));
		assertThat(titles("q=" + this.run + "%20-torkham")).containsExactly(title("Drone strike near Khost"));
		assertThat(titles("q=%22drone%20strike%22%20" + this.run)).containsExactly(title("Drone strike near Khost"));
	}

	@Test
	void filtersByBoundingBox() {
		createId(tagged("Kabul").at("AFG", "Kabul", 34.53, 69.17));
		createId(tagged("Peshawar").at("PAK", "Khyber Pakhtunkhwa", 34.01, 71.58));
		createId(tagged("No coordinates").at("PAK", "Balochistan", null, null));
		String scope = "tag=" + tag();

		assertThat(titles(scope + "&bbox=69,34,70,35")).containsExactly(title("Kabul"));
		assertThat(titles(scope + "&bbox=60,29,75,38.5")).containsExactlyInAnyOrder(title("Kabul"), title("Peshawar"));
		assertThat(titles(scope + "&bbox=69.17,34.53,69.17,34.53")).as("edges included")
			.containsExactly(title("Kabul"));
		assertThat(titles(scope + "&bbox=0,0,10,10")).isEmpty();
	}

	@Test
	void filtersByActorAndItsRole() {
		String pakistan = actor("Pakistan military");
		String ttp = actor("TTP");
		createId(tagged("Strikes on hideouts").actor(pakistan, "INITIATOR").actor(ttp, "TARGET"));
		createId(tagged("Attack on a checkpoint").actor(ttp, "INITIATOR").actor(pakistan, "TARGET"));
		createId(tagged("Talks").actor(pakistan, "PARTICIPANT"));
		String scope = "tag=" + tag();

		assertThat(titles(scope + "&actor=" + ttp)).containsExactlyInAnyOrder(title("Strikes on hideouts"),
				title("Attack on a checkpoint"));
		assertThat(titles(scope + "&actor=" + ttp + "&actorRole=INITIATOR"))
			.containsExactly(title("Attack on a checkpoint"));
		assertThat(titles(scope + "&actor=" + pakistan + "&actorRole=TARGET,PARTICIPANT"))
			.containsExactlyInAnyOrder(title("Attack on a checkpoint"), title("Talks"));
		assertThat(titles(scope + "&actor=" + ttp + "," + pakistan)).hasSize(3);
		assertThat(titles(scope + "&actorRole=PARTICIPANT")).containsExactly(title("Talks"));
	}

	@Test
	void filtersByWhoClaimedResponsibility() {
		String ttp = actor("TTP");
		String pakistan = actor("Pakistan");
		createId(tagged("Claimed attack").claim(ttp, "CLAIMS_RESPONSIBILITY", null));
		createId(tagged("Accused attack").claim(pakistan, "ACCUSES", ttp).claim(ttp, "DENIES", null));
		String scope = "tag=" + tag();

		assertThat(titles(scope + "&claimedBy=" + ttp)).containsExactly(title("Claimed attack"));
		assertThat(titles(scope + "&claimedBy=" + pakistan)).isEmpty();
	}

	@Test
	void filtersByMinimumCuratedFatalities() {
		String taliban = actor("Taliban");
		createId(tagged("Deadly").casualty("CIVILIANS", "KILLED", 10, 24, 50)
			.claimedCasualty(taliban, "SECURITY_FORCES", "KILLED", null, 58, null));
		createId(tagged("Minor").casualty("CIVILIANS", "KILLED", null, 2, null)
			.claimedCasualty(taliban, "SECURITY_FORCES", "KILLED", null, 100, null));
		String scope = "tag=" + tag();

		assertThat(titles(scope + "&minFatalities=24")).containsExactly(title("Deadly"));
		assertThat(titles(scope + "&minFatalities=25")).as("claims do not count").isEmpty();
		assertThat(titles(scope + "&minFatalities=0")).hasSize(2);
	}

	@Test
	void badFilterValuesAre400NamingTheParameter() {
		assertThat(this.api.get(INCIDENTS + "?type=WAR").errorFields()).containsExactly("type");
		assertThat(this.api.get(INCIDENTS + "?subType=ARMED_CLASH,NUKE").errorFields()).containsExactly("subType");
		assertThat(this.api.get(INCIDENTS + "?country=XX").errorFields()).containsExactly("country");
		assertThat(this.api.get(INCIDENTS + "?from=2025-13-01").errorFields()).containsExactly("from");
		assertThat(this.api.get(INCIDENTS + "?from=2025-11-01&to=2025-10-01").errorFields()).containsExactly("to");
		assertThat(this.api.get(INCIDENTS + "?actor=not-a-uuid").errorFields()).containsExactly("actor");
		assertThat(this.api.get(INCIDENTS + "?actorRole=BYSTANDER").errorFields()).containsExactly("actorRole");
		assertThat(this.api.get(INCIDENTS + "?minFatalities=-1").errorFields()).containsExactly("minFatalities");
		assertThat(this.api.get(INCIDENTS + "?minFatalities=many").errorFields()).containsExactly("minFatalities");
		assertThat(this.api.get(INCIDENTS + "?limit=501").errorFields()).containsExactly("limit");
		assertThat(this.api.get(INCIDENTS + "?cursor=garbage").errorFields()).containsExactly("cursor");
	}

	@Test
	void malformedOrInvertedBoundingBoxIs400() {
		for (String bbox : List.of("1,2,3", "a,b,c,d", "70,30,60,35", "60,35,70,30", "60,30,190,35", "1,2,3,4,5",
				"NaN,1,2,3")) {
			Api.Response response = this.api.get(INCIDENTS + "?bbox=" + bbox);
			assertThat(response.status()).as(bbox).isEqualTo(400);
			assertThat(response.errorFields()).as(bbox).containsExactly("bbox");
		}
	}

	@Test
	void walksEveryPageSeeingEachIncidentExactlyOnceNewestFirst() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 23; i++) {
			// several incidents share a date, so the id has to break the ties
			String date = LocalDate.of(2025, 10, 1).plusDays(i / 3).toString();
			created.add(createId(tagged("Page walker " + i).on(date)));
		}

		Pages.Walk walk = Pages.walk(this.api, INCIDENTS + "?tag=" + tag() + "&limit=5");
		List<JsonNode> seen = walk.items();

		List<String> ids = walk.ids();
		assertThat(walk.pages()).isEqualTo(5);
		assertThat(ids).hasSize(23).doesNotHaveDuplicates();
		assertThat(new HashSet<>(ids)).isEqualTo(created);
		Comparator<JsonNode> newestFirst = Comparator.comparing((JsonNode item) -> item.path("startDate").asString())
			.thenComparing((JsonNode item) -> item.path("id").asString())
			.reversed();
		assertThat(seen).isSortedAccordingTo(newestFirst);
	}

	@Test
	void listRunsAFixedNumberOfQueriesWhateverThePageSize() {
		String pakistan = actor("Pakistan");
		String taliban = actor("Taliban");
		String ap = source("Report");
		for (int i = 0; i < 20; i++) {
			createId(tagged("Rich " + i).actor(pakistan, "INITIATOR")
				.actor(taliban, "TARGET")
				.casualty("CIVILIANS", "KILLED", 1, 2, 3)
				.claimedCasualty(taliban, "SECURITY_FORCES", "KILLED", null, 10, null)
				.claim(taliban, "ACCUSES", pakistan)
				.sources(ap));
		}

		SqlStatementCounter.reset();
		Api.Response small = this.api.get(INCIDENTS + "?tag=" + tag() + "&limit=2");
		long smallCount = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		Api.Response large = this.api.get(INCIDENTS + "?tag=" + tag() + "&limit=20");
		long largeCount = SqlStatementCounter.count();

		assertThat(small.json().path("items").size()).isEqualTo(2);
		assertThat(large.json().path("items").size()).isEqualTo(20);
		assertThat(large.json().path("items").get(19).path("claims").get(0).path("accused").path("name").asString())
			.isEqualTo("Pakistan " + this.run);
		assertThat(largeCount).isEqualTo(smallCount);
		// the ids, the incidents, their actors, figures, claims and sources, the
		// violations, the names
		assertThat(largeCount).isLessThanOrEqualTo(8);
	}

	@Test
	void documentsEveryListFilterInOpenApi() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		JsonNode parameters = docs.json().path("paths").path(INCIDENTS).path("get").path("parameters");
		List<String> names = parameters.valueStream().map((parameter) -> parameter.path("name").asString()).toList();
		assertThat(names)
			.containsAll(
					Arrays.stream(IncidentQuery.class.getRecordComponents()).map(RecordComponent::getName).toList())
			.contains("limit", "cursor")
			.doesNotContain("params");
		assertThat(docs.json().path("paths").has(INCIDENTS + "/by-external-ref")).isTrue();
	}

}
