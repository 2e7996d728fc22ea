package org.borderwatch.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import org.borderwatch.support.Api;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.incident.IncidentJson.incident;

@Import(SqlStatementCounter.Configuration.class)
class IncidentApiTest extends IncidentFixtures {

	@Test
	void createsAndReadsAnIncidentWithEverythingNamed() {
		String taliban = actor("Taliban government");
		String pakistan = actor("Pakistan");
		String ap = source("Explosions in Kabul");

		Api.Response created = this.api.post(INCIDENTS, """
				{"title": "%s", "description": "Explosions shook the capital.",
				 "startDate": "2025-10-09", "datePrecision": "DAY",
				 "eventType": "EXPLOSIONS_REMOTE_VIOLENCE", "subEventType": "AIR_DRONE_STRIKE",
				 "location": {"placeName": "Kabul", "admin1": "Kabul", "admin2": null, "country": "AFG",
				              "latitude": 34.53, "longitude": 69.17, "geoPrecision": "NEAR"},
				 "actors": [{"actorId": "%s", "role": "TARGET"}, {"actorId": "%s", "role": "INITIATOR"}],
				 "casualties": [{"category": "CIVILIANS", "outcome": "KILLED", "low": 10, "best": 24, "high": 50,
				                 "sideActorId": "%s", "sourceId": "%s", "note": "\\"dozens\\""}],
				 "claims": [{"actorId": "%s", "stance": "ACCUSES", "accusedActorId": "%s", "date": "2025-10-09",
				             "statement": "Blamed Pakistan and vowed retaliation", "sourceId": "%s"}],
				 "verification": "DISPUTED", "tags": ["cross-border", " capital "], "sourceIds": ["%s"],
				 "externalRef": {"dataset": "TEST", "id": "%s"}}""".formatted(title("Explosions in Kabul"), taliban,
				pakistan, taliban, ap, taliban, pakistan, ap, ap, this.run));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).endsWith(INCIDENTS + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(UUID.fromString(id).version()).isEqualTo(7);
		assertThat(created.json().path("createdAt").asString()).isNotBlank();

		Api.Response read = this.api.get(INCIDENTS + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		JsonNode incident = read.json();
		assertThat(incident.path("endDate").asString()).isEqualTo("2025-10-09");
		assertThat(incident.path("location").path("country").asString()).isEqualTo("AFG");
		assertThat(incident.path("location").path("latitude").asDouble()).isEqualTo(34.53);
		assertThat(incident.path("actors").get(0).path("actor").path("name").asString())
			.isEqualTo("Taliban government " + this.run);
		assertThat(incident.path("actors").get(1).path("role").asString()).isEqualTo("INITIATOR");
		JsonNode figure = incident.path("casualties").get(0);
		assertThat(figure.path("side").path("id").asString()).isEqualTo(taliban);
		assertThat(figure.path("claimant").isNull()).isTrue();
		assertThat(figure.path("note").asString()).isEqualTo("\"dozens\"");
		JsonNode claim = incident.path("claims").get(0);
		assertThat(claim.path("actor").path("name").asString()).isEqualTo("Taliban government " + this.run);
		assertThat(claim.path("accused").path("name").asString()).isEqualTo("Pakistan " + this.run);
		assertThat(claim.path("date").asString()).isEqualTo("2025-10-09");
		assertThat(incident.path("verification").asString()).isEqualTo("DISPUTED");
		assertThat(incident.path("tags").toString()).isEqualTo("[\"cross-border\",\"capital\"]");
		assertThat(incident.path("sourceIds").toString()).isEqualTo("[\"" + ap + "\"]");
		assertThat(incident.path("externalRef").path("id").asString()).isEqualTo(this.run);
		assertThat(incident.path("fatalities").asInt()).isEqualTo(24);
		assertThat(incident.path("allegedCeasefireViolations").size()).isZero();
	}

	@Test
	void defaultsEndDateToStartAndVerificationToReported() {
		JsonNode incident = create(incident(title("Minimal")).on("2025-10-12"));

		assertThat(incident.path("endDate").asString()).isEqualTo("2025-10-12");
		assertThat(incident.path("verification").asString()).isEqualTo("REPORTED");
		assertThat(incident.path("location").isNull()).isTrue();
		assertThat(incident.path("actors").size()).isZero();
		assertThat(incident.path("fatalities").isNull()).as("no figure: not reported, not 0").isTrue();
	}

	@Test
	void figuresNotReportedAreNullAndAnExplicitZeroStaysZero() {
		JsonNode silent = create(incident(title("Convoy attack")));
		assertThat(silent.path("fatalities").isNull()).isTrue();
		assertThat(silent.path("wounded").isNull()).isTrue();
		assertThat(silent.path("fatalitiesRange").isNull()).isTrue();
		assertThat(silent.path("woundedRange").isNull()).isTrue();
		assertThat(this.jdbc.sql("select fatalities from incident where id = :id")
			.param("id", UUID.fromString(silent.path("id").asString()))
			.query(Integer.class)
			.optional()).isEmpty();

		JsonNode zero = create(incident(title("Quiet clash")).casualty("UNKNOWN", "KILLED", null, 0, null));
		assertThat(zero.path("fatalities").isNumber()).isTrue();
		assertThat(zero.path("fatalities").asInt()).isZero();
		assertThat(zero.path("fatalitiesRange").path("high").asInt()).isZero();
		assertThat(zero.path("wounded").isNull()).as("only the killed were counted").isTrue();

		JsonNode timeline = this.api.get("/api/v1/timeline?kind=INCIDENT&q=" + this.run).json().path("items");
		assertThat(timeline.valueStream().map((entry) -> entry.path("summary").asString()))
			.anyMatch((summary) -> summary.endsWith("casualties not reported"))
			.anyMatch((summary) -> summary.endsWith("0 killed, wounded not reported"));
	}

	@Test
	void carriesTheBoundsAReportPutsOnAnImpreciseDate() {
		JsonNode clashes = create(incident(title("Border clashes")).dates("2025-10-01", "2025-10-31")
			.set("datePrecision", "MONTH")
			.raw("startedOnOrAfter", """
					{"date": "2025-10-09", "note": "after the explosions in Kabul"}""")
			.raw("endedOnOrBefore", """
					{"date": "2025-10-19", "precision": "DAY", "note": "stopped with the ceasefire"}"""));

		assertThat(clashes.path("datePrecision").asString()).isEqualTo("MONTH");
		assertThat(clashes.path("startedOnOrAfter").path("date").asString()).isEqualTo("2025-10-09");
		assertThat(clashes.path("startedOnOrAfter").path("precision").asString()).isEqualTo("DAY");
		assertThat(clashes.path("startedOnOrAfter").path("note").asString()).contains("explosions");
		assertThat(clashes.path("endedOnOrBefore").path("date").asString()).isEqualTo("2025-10-19");
		// the list's date range is the narrowed one
		assertThat(titles("from=2025-10-01&to=2025-10-08&tag=&q=" + this.run)).doesNotContain(title("Border clashes"));
		assertThat(titles("from=2025-10-15&to=2025-10-15&q=" + this.run)).contains(title("Border clashes"));
		assertThat(titles("from=2025-10-20&to=2025-10-31&q=" + this.run)).doesNotContain(title("Border clashes"));
	}

	@Test
	void rejectsBoundsOutsideThePeriodOrInTheWrongOrder() {
		Api.Response outside = this.api.post(INCIDENTS,
				incident(title("X")).dates("2025-10-01", "2025-10-31").raw("startedOnOrAfter", """
						{"date": "2025-09-30"}""").json());
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.errorFields()).containsExactly("startedOnOrAfter.date");

		Api.Response reversed = this.api.post(INCIDENTS,
				incident(title("X")).dates("2025-10-01", "2025-10-31").raw("startedOnOrAfter", """
						{"date": "2025-10-20"}""").raw("endedOnOrBefore", """
						{"date": "2025-10-10"}""").json());
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.errorFields()).containsExactly("endedOnOrBefore.date");

		Api.Response undated = this.api.post(INCIDENTS, incident(title("X")).raw("endedOnOrBefore", """
				{"precision": "DAY"}""").json());
		assertThat(undated.status()).isEqualTo(400);
		assertThat(undated.errorFields()).containsExactly("endedOnOrBefore.date");
	}

	@Test
	void anIncidentOfTwoCountriesIsFoundByEither() {
		JsonNode border = create(incident(title("Border clash")).raw("location", """
				{"placeName": "Durand line", "countries": ["PAK", "AFG"], "geoPrecision": "COUNTRY"}"""));
		assertThat(border.path("location").path("country").isNull()).isTrue();
		assertThat(border.path("location").path("countries").toString()).isEqualTo("[\"PAK\",\"AFG\"]");
		JsonNode single = create(incident(title("Kabul blast")).at("AFG", "Kabul", 34.53, 69.17));
		assertThat(single.path("location").path("countries").toString()).isEqualTo("[\"AFG\"]");

		assertThat(titles("country=PAK&q=" + this.run)).containsExactly(title("Border clash"));
		assertThat(titles("country=AFG&q=" + this.run)).containsExactlyInAnyOrder(title("Border clash"),
				title("Kabul blast"));
		assertThat(this.api.post(INCIDENTS, incident(title("X")).raw("location", """
				{"countries": ["PAK", "pakistan"]}""").json()).status()).isEqualTo(400);
	}

	@Test
	void findsIncidentsNearAPoint() {
		create(incident(title("Torkham shelling")).at("PAK", "Khyber", 34.12, 71.05));
		create(incident(title("Kabul blast")).at("AFG", "Kabul", 34.53, 69.17));
		create(incident(title("Unplaced")));

		// Torkham to Kabul is about 175 km
		assertThat(titles("near=34.19,71.07,50&q=" + this.run)).containsExactly(title("Torkham shelling"));
		assertThat(titles("near=34.19,71.07,200&q=" + this.run)).containsExactlyInAnyOrder(title("Torkham shelling"),
				title("Kabul blast"));
		assertThat(this.api.get("/api/v1/timeline?near=34.19,71.07,50&q=" + this.run)
			.json()
			.path("items")
			.valueStream()
			.map((entry) -> entry.path("title").asString())
			.toList()).containsExactly(title("Torkham shelling"));
		for (String bad : List.of("34.19,71.07", "91,71,10", "34,71,0", "34,71,x")) {
			assertThat(this.api.get(INCIDENTS + "?near=" + bad).errorFields()).as(bad).containsExactly("near");
			assertThat(this.api.get("/api/v1/timeline?near=" + bad).errorFields()).as(bad).containsExactly("near");
		}
	}

	@Test
	void answersNotModifiedForCurrentETag() {
		String id = createId(incident(title("Cached")));

		Api.Response response = this.api.get(INCIDENTS + "/" + id, "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void replacesAndPatchesWithVersionBump() {
		String id = createId(incident(title("Clash")).tags("a", "b").at("PAK", "Khyber Pakhtunkhwa", 34.0, 71.5));

		Api.Response replaced = this.api.put(INCIDENTS + "/" + id,
				incident(title("Border clash")).type("BATTLES", "ARMED_CLASH").dates("2025-10-11", "2025-10-12").json(),
				"If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
		assertThat(replaced.json().path("title").asString()).isEqualTo(title("Border clash"));
		assertThat(replaced.json().path("tags").size()).isZero();
		assertThat(replaced.json().path("location").isNull()).isTrue();

		Api.Response patched = this.api.patch(INCIDENTS + "/" + id, """
				{"description": "Heavy exchange of fire", "location": {"country": "AFG", "admin1": "Nangarhar"},
				 "endDate": null}""", "If-Match", "\"1\"");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		JsonNode incident = patched.json();
		assertThat(incident.path("description").asString()).isEqualTo("Heavy exchange of fire");
		assertThat(incident.path("subEventType").asString()).isEqualTo("ARMED_CLASH");
		assertThat(incident.path("location").path("admin1").asString()).isEqualTo("Nangarhar");
		assertThat(incident.path("endDate").asString()).isEqualTo("2025-10-11");
		assertThat(incident.path("version").asLong()).isEqualTo(2);
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");
	}

	@Test
	void aPatchThatChangesNothingKeepsTheVersion() {
		String pakistan = actor("Pakistan");
		String id = createId(incident(title("Unchanged")).tags("a")
			.at("PAK", "Kurram", 33.8, 70.1)
			.actor(pakistan, "INITIATOR")
			.casualty("CIVILIANS", "KILLED", 1, 2, 3)
			.claim(pakistan, "CONFIRMS", null)
			.sources(source("Report")));

		Api.Response patched = this.api.patch(INCIDENTS + "/" + id, "{\"tags\": [\"a\"]}", "If-Match", "\"0\"");

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void changingOnlyAClaimBumpsVersionAndUpdatedAt() {
		String pakistan = actor("Pakistan");
		JsonNode created = create(incident(title("Claims only")).claim(pakistan, "CONFIRMS", null));

		JsonNode patched = this.api.patch(INCIDENTS + "/" + created.path("id").asString(), """
				{"claims": [{"actorId": "%s", "stance": "DENIES"}]}""".formatted(pakistan)).json();

		assertThat(patched.path("claims").get(0).path("stance").asString()).isEqualTo("DENIES");
		assertThat(patched.path("version").asLong()).isEqualTo(1);
		assertThat(Instant.parse(patched.path("updatedAt").asString()))
			.isAfter(Instant.parse(created.path("updatedAt").asString()));
	}

	@Test
	void refusesStaleIfMatchWith412AndKeepsTheRecord() {
		String id = createId(incident(title("Stale")));
		this.api.patch(INCIDENTS + "/" + id, "{\"verification\": \"VERIFIED\"}");

		Api.Response stalePut = this.api.put(INCIDENTS + "/" + id, incident(title("Stale")).json(), "If-Match",
				"\"0\"");
		Api.Response stalePatch = this.api.patch(INCIDENTS + "/" + id, "{\"verification\": \"DISPUTED\"}", "If-Match",
				"\"0\"");
		Api.Response staleDelete = this.api.delete(INCIDENTS + "/" + id, "If-Match", "\"0\"");

		assertThat(List.of(stalePut.status(), stalePatch.status(), staleDelete.status())).containsOnly(412);
		assertThat(stalePut.contentType()).hasValue("application/problem+json");
		assertThat(this.api.get(INCIDENTS + "/" + id).json().path("verification").asString()).isEqualTo("VERIFIED");
	}

	@Test
	void unknownIdIs404ForEveryMethod() {
		String path = INCIDENTS + "/" + UUID.randomUUID();

		List<Api.Response> responses = List.of(this.api.get(path), this.api.put(path, incident("X").json()),
				this.api.patch(path, "{\"title\": \"Y\"}"), this.api.delete(path));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).hasValue("application/problem+json");
		});
	}

	@Test
	void findsAnIncidentByItsExternalReference() {
		String id = createId(incident(title("Imported")).externalRef("ACLED", "AFG" + this.run));

		Api.Response found = this.api.get(INCIDENTS + "/by-external-ref?dataset=ACLED&id=AFG" + this.run);
		Api.Response missing = this.api.get(INCIDENTS + "/by-external-ref?dataset=ACLED&id=PAK" + this.run);
		Api.Response incomplete = this.api.get(INCIDENTS + "/by-external-ref?dataset=ACLED");

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("id").asString()).isEqualTo(id);
		assertThat(found.header("ETag")).isEqualTo("\"0\"");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.errorFields()).containsExactly("id");
	}

	@Test
	void duplicateExternalReferenceIs409NamingIt() {
		String first = createId(incident(title("First import")).externalRef("ACLED", this.run));

		Api.Response duplicate = this.api.post(INCIDENTS,
				incident(title("Second import")).externalRef("ACLED", this.run).json());
		Api.Response reimport = this.api.put(INCIDENTS + "/" + first,
				incident(title("First import, corrected")).externalRef("ACLED", this.run).json());

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorFields()).containsExactly("externalRef");
		assertThat(reimport.status()).as("an incident keeps its own reference").isEqualTo(200);
	}

	@Test
	void rejectsMalformedJson() {
		Api.Response response = this.api.post(INCIDENTS, "{\"title\": \"x\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void rejectsUnknownFieldNamingIt() {
		Api.Response top = this.api.post(INCIDENTS, incident(title("X")).set("fatalaties", "3").json());
		Api.Response nested = this.api.post(INCIDENTS,
				incident(title("X"))
					.add("casualties", "{\"category\": \"CIVILIANS\", \"outcome\": \"KILLED\", \"bset\": 3}")
					.json());

		assertThat(top.status()).isEqualTo(400);
		assertThat(top.errorFields()).containsExactly("fatalaties");
		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.errorFields()).containsExactly("casualties[0].bset");
	}

	@Test
	void rejectsBadEnumNamingFieldAndChoices() {
		Api.Response response = this.api.post(INCIDENTS, incident(title("X")).set("eventType", "WAR").json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("eventType");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("BATTLES");
	}

	@Test
	void rejectsBadDateAndWrongTypeNamingNestedField() {
		Api.Response badDate = this.api.post(INCIDENTS, incident(title("X")).set("startDate", "2025-13-40").json());
		Api.Response badClaimDate = this.api.post(INCIDENTS,
				incident(title("X"))
					.add("claims",
							"{\"actorId\": \"%s\", \"stance\": \"DENIES\", \"date\": \"yesterday\"}"
								.formatted(UUID.randomUUID()))
					.json());
		Api.Response wrongType = this.api.post(INCIDENTS,
				incident(title("X"))
					.add("casualties", "{\"category\": \"CIVILIANS\", \"outcome\": \"KILLED\", \"best\": \"dozens\"}")
					.json());
		Api.Response notAList = this.api.post(INCIDENTS, incident(title("X")).set("tags", "cross-border").json());

		assertThat(badDate.errorFields()).containsExactly("startDate");
		assertThat(badClaimDate.errorFields()).containsExactly("claims[0].date");
		assertThat(wrongType.errorFields()).containsExactly("casualties[0].best");
		assertThat(notAList.errorFields()).containsExactly("tags");
		assertThat(List.of(badDate.status(), badClaimDate.status(), wrongType.status(), notAList.status()))
			.containsOnly(400);
	}

	@Test
	void rejectsMissingRequiredAndTooLongFields() {
		Api.Response missing = this.api.post(INCIDENTS, "{}");
		Api.Response tooLong = this.api.post(INCIDENTS,
				incident("t".repeat(501)).set("description", "d".repeat(20001))
					.add("casualties",
							"{\"category\": \"CIVILIANS\", \"outcome\": \"KILLED\", \"best\": 1, \"note\": \"%s\"}"
								.formatted("n".repeat(2001)))
					.json());
		Api.Response missingNested = this.api.post(INCIDENTS,
				incident(title("X")).add("casualties", "{\"category\": \"CIVILIANS\"}").add("actors", "{}").json());

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("datePrecision", "eventType", "startDate", "subEventType",
				"title");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("casualties[0].note", "description", "title");
		assertThat(missingNested.errorFields()).containsExactly("actors[0].actorId", "actors[0].role",
				"casualties[0].best", "casualties[0].outcome");
	}

	@Test
	void rejectsSubTypeOutsideItsType() {
		Api.Response response = this.api.post(INCIDENTS,
				incident(title("X")).type("BATTLES", "AIR_DRONE_STRIKE").json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("subEventType");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("ARMED_CLASH");
	}

	@Test
	void rejectsEndBeforeStart() {
		Api.Response response = this.api.post(INCIDENTS, incident(title("X")).dates("2025-10-09", "2025-10-08").json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("endDate");
	}

	@Test
	void rejectsCasualtyRangesOutOfOrderOrNegative() {
		Api.Response lowAboveBest = this.api.post(INCIDENTS,
				incident(title("X")).casualty("CIVILIANS", "KILLED", 1, 2, 3)
					.casualty("CIVILIANS", "WOUNDED", 30, 20, 40)
					.json());
		Api.Response highBelowBest = this.api.post(INCIDENTS,
				incident(title("X")).casualty("MILITANTS", "KILLED", null, 20, 10).json());
		Api.Response negative = this.api.post(INCIDENTS,
				incident(title("X")).casualty("MILITANTS", "KILLED", -1, 0, null).json());

		assertThat(lowAboveBest.status()).isEqualTo(400);
		assertThat(lowAboveBest.errorFields()).containsExactly("casualties[1].low");
		assertThat(highBelowBest.errorFields()).containsExactly("casualties[0].high");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("casualties[0].low");
	}

	@Test
	void rejectsBadCoordinatesAndCountry() {
		Api.Response outOfRange = this.api.post(INCIDENTS, incident(title("X")).at("AFG", "Kabul", 91.0, 181.0).json());
		Api.Response latitudeAlone = this.api.post(INCIDENTS,
				incident(title("X")).at("AFG", "Kabul", 34.5, null).json());
		Api.Response badCountry = this.api.post(INCIDENTS,
				incident(title("X")).at("Afghanistan", "Kabul", null, null).json());

		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.errorFields()).containsExactly("location.latitude", "location.longitude");
		assertThat(latitudeAlone.status()).isEqualTo(400);
		assertThat(latitudeAlone.errorFields()).containsExactly("location.longitude");
		assertThat(badCountry.errorFields()).containsExactly("location.country");
	}

	@Test
	void claimOfResponsibilityNamesNoAccused() {
		String ttp = actor("TTP");
		String pakistan = actor("Pakistan");

		Api.Response refused = this.api.post(INCIDENTS,
				incident(title("X")).claim(ttp, "CLAIMS_RESPONSIBILITY", pakistan).json());
		Api.Response selfAccusation = this.api.post(INCIDENTS, incident(title("X")).claim(ttp, "ACCUSES", ttp).json());
		Api.Response denial = this.api.post(INCIDENTS, incident(title("X")).claim(ttp, "DENIES", pakistan).json());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("claims[0].accusedActorId");
		assertThat(selfAccusation.errorFields()).containsExactly("claims[0].accusedActorId");
		assertThat(denial.status()).isEqualTo(201);
	}

	@Test
	void rejectsTheSameActorTwiceInTheSameRole() {
		String ttp = actor("TTP");

		Api.Response response = this.api.post(INCIDENTS,
				incident(title("X")).actor(ttp, "INITIATOR").actor(ttp, "INITIATOR").json());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("actors[1].actorId");
	}

	@Test
	void brokenReferencesAre422NamingEachField() {
		String known = actor("Known");
		String missing = UUID.randomUUID().toString();

		Api.Response response = this.api.post(INCIDENTS, incident(title("Broken")).actor(missing, "INITIATOR")
			.casualty("CIVILIANS", "KILLED", null, 3, null)
			.claimedCasualty(missing, "CIVILIANS", "KILLED", null, 5, null)
			.add("casualties",
					"""
							{"category": "MILITANTS", "outcome": "KILLED", "best": 1, "sideActorId": "%s", "sourceId": "%s"}"""
						.formatted(missing, missing))
			.claim(known, "ACCUSES", missing)
			.add("claims",
					"{\"actorId\": \"%s\", \"stance\": \"DENIES\", \"sourceId\": \"%s\"}".formatted(missing, missing))
			.sources(missing)
			.tags(tag())
			.json());

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("actors[0].actorId",
				"casualties[1].claimantActorId", "casualties[2].sideActorId", "casualties[2].sourceId",
				"claims[0].accusedActorId", "claims[1].actorId", "claims[1].sourceId", "sourceIds[0]");
		assertThat(titles("tag=" + tag())).isEmpty();
	}

	@Test
	void aRefusedReplacementLeavesTheStoredIncidentUnchanged() {
		String pakistan = actor("Pakistan");
		String taliban = actor("Taliban");
		String id = createId(incident(title("Original")).casualty("CIVILIANS", "KILLED", null, 4, null)
			.claimedCasualty(pakistan, "MILITANTS", "KILLED", null, 30, null)
			.claimedCasualty(taliban, "CIVILIANS", "KILLED", null, 12, null));
		JsonNode before = this.api.get(INCIDENTS + "/" + id).json();

		Api.Response brokenReference = this.api.put(INCIDENTS + "/" + id,
				incident(title("Replaced")).casualty("CIVILIANS", "KILLED", null, 40, null)
					.claimedCasualty(pakistan, "MILITANTS", "KILLED", null, 300, null)
					.claimedCasualty(UUID.randomUUID().toString(), "CIVILIANS", "KILLED", null, 120, null)
					.json());
		Api.Response brokenRule = this.api.put(INCIDENTS + "/" + id,
				incident(title("Replaced")).casualty("CIVILIANS", "KILLED", null, 40, null)
					.claimedCasualty(pakistan, "MILITANTS", "KILLED", null, 300, null)
					.claimedCasualty(taliban, "CIVILIANS", "KILLED", 200, 120, null)
					.json());

		assertThat(brokenReference.status()).isEqualTo(422);
		assertThat(brokenReference.errorFields()).containsExactly("casualties[2].claimantActorId");
		assertThat(brokenRule.status()).isEqualTo(400);
		assertThat(brokenRule.errorFields()).containsExactly("casualties[2].low");
		JsonNode after = this.api.get(INCIDENTS + "/" + id).json();
		assertThat(after).isEqualTo(before);
		assertThat(this.jdbc.sql("select fatalities from incident where id = :id")
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void headlineFiguresComeFromCuratedFiguresOnly() {
		String taliban = actor("Taliban");
		String pakistan = actor("Pakistan");
		String id = createId(incident(title("Border clashes")).casualty("CIVILIANS", "KILLED", 10, 24, 50)
			.casualty("SECURITY_FORCES", "KILLED", null, 5, null)
			.casualty("UNKNOWN", "WOUNDED", 40, 60, 100)
			.claimedCasualty(taliban, "SECURITY_FORCES", "KILLED", null, 58, null)
			.claimedCasualty(pakistan, "MILITANTS", "KILLED", 200, 200, 250)
			.claimedCasualty(pakistan, "SECURITY_FORCES", "KILLED", null, 23, null)
			.claimedCasualty(pakistan, "SECURITY_FORCES", "WOUNDED", null, 29, null));

		JsonNode incident = this.api.get(INCIDENTS + "/" + id).json();

		assertThat(incident.path("fatalities").asInt()).isEqualTo(29);
		assertThat(incident.path("fatalitiesRange").path("low").asInt()).isEqualTo(15);
		assertThat(incident.path("fatalitiesRange").path("high").asInt()).isEqualTo(55);
		assertThat(incident.path("wounded").asInt()).isEqualTo(60);
		assertThat(incident.path("woundedRange").path("high").asInt()).isEqualTo(100);
		assertThat(this.jdbc.sql("select fatalities || '/' || wounded from incident where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("29/60");

		Api.Response patched = this.api.patch(INCIDENTS + "/" + id, """
				{"casualties": [{"category": "CIVILIANS", "outcome": "KILLED", "best": 30}]}""");
		assertThat(patched.json().path("fatalities").asInt()).isEqualTo(30);
		assertThat(patched.json().path("wounded").asInt()).isZero();
	}

	@Test
	void claimedFiguresStandSideBySideByClaimant() {
		String taliban = actor("Taliban");
		String pakistan = actor("Pakistan");
		String id = createId(incident(title("Competing counts")).casualty("CIVILIANS", "KILLED", null, 24, null)
			.claimedCasualty(taliban, "SECURITY_FORCES", "KILLED", null, 58, null)
			.claimedCasualty(pakistan, "MILITANTS", "KILLED", 200, 200, 250)
			.claimedCasualty(pakistan, "SECURITY_FORCES", "KILLED", null, 23, null)
			.claimedCasualty(pakistan, "SECURITY_FORCES", "WOUNDED", null, 29, null));

		JsonNode claimed = this.api.get(INCIDENTS + "/" + id).json().path("claimedFigures");

		assertThat(claimed.size()).isEqualTo(2);
		assertThat(claimed.get(0).path("claimant").path("name").asString()).isEqualTo("Taliban " + this.run);
		assertThat(claimed.get(0).path("killed").toString()).isEqualTo("{\"low\":58,\"best\":58,\"high\":58}");
		assertThat(claimed.get(0).path("wounded").isNull()).isTrue();
		assertThat(claimed.get(1).path("claimant").path("id").asString()).isEqualTo(pakistan);
		assertThat(claimed.get(1).path("killed").toString()).isEqualTo("{\"low\":223,\"best\":223,\"high\":273}");
		assertThat(claimed.get(1).path("wounded").path("best").asInt()).isEqualTo(29);
	}

	@Test
	void showsAllegedCeasefireViolationsAndRefusesDeleteWhileReferenced() {
		String pakistan = actor("Pakistan");
		String id = createId(incident(title("Strike after the ceasefire")));
		UUID ceasefire = insertCeasefire("Doha ceasefire " + this.run);
		UUID violation = UUID.randomUUID();
		this.jdbc.sql("""
				insert into ceasefire_violation (id, ceasefire_id, incident_id, alleged_by_actor_id, created_at)
				values (:id, :ceasefire, :incident, :actor, now())""")
			.param("id", violation)
			.param("ceasefire", ceasefire)
			.param("incident", UUID.fromString(id))
			.param("actor", UUID.fromString(pakistan))
			.update();

		JsonNode alleged = this.api.get(INCIDENTS + "/" + id).json().path("allegedCeasefireViolations");
		assertThat(alleged.size()).isEqualTo(1);
		assertThat(alleged.get(0).path("ceasefireId").asString()).isEqualTo(ceasefire.toString());
		assertThat(alleged.get(0).path("ceasefireName").asString()).isEqualTo("Doha ceasefire " + this.run);
		assertThat(alleged.get(0).path("allegedBy").path("name").asString()).isEqualTo("Pakistan " + this.run);

		Api.Response refused = this.api.delete(INCIDENTS + "/" + id);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("ceasefire violation (incident_id)");

		this.jdbc.sql("delete from ceasefire_violation where id = :id").param("id", violation).update();
		assertThat(this.api.delete(INCIDENTS + "/" + id).status()).isEqualTo(204);
		assertThat(this.api.get(INCIDENTS + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesDeleteWhileACrossingStatusChangeNamesItAsCause() {
		String id = createId(incident(title("Attack on convoy")));
		UUID crossing = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into border_crossing (id, name, country_a, country_b, kind, version, created_at, updated_at)
				values (:id, :name, 'PAK', 'AFG', 'ROAD', 0, :now, :now)""")
			.param("id", crossing)
			.param("name", "Torkham " + this.run)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				insert into crossing_status_change (id, crossing_id, effective_from, date_precision, status,
				    cause_incident_id, version, created_at, updated_at)
				values (:id, :crossing, :now, 'DAY', 'CLOSED', :incident, 0, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("crossing", crossing)
			.param("incident", UUID.fromString(id))
			.param("now", now)
			.update();

		Api.Response refused = this.api.delete(INCIDENTS + "/" + id);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("crossing status change (cause_incident_id)");
		assertThat(this.api.get(INCIDENTS + "/" + id).status()).isEqualTo(200);
	}

	private UUID insertCeasefire(String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into ceasefire (id, name, arrangement, form, agreed_on, effective_from, date_precision, status,
				    version, created_at, updated_at)
				values (:id, :name, 'BILATERAL', 'WRITTEN', date '2025-10-19', date '2025-10-19', 'DAY', 'IN_EFFECT',
				    0, now(), now())""").param("id", id).param("name", name).update();
		return id;
	}

}
