package org.borderwatch.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/stats/incidents} over incidents written with plain SQL. Each test
 * owns a made-up admin1 (or actor), and filters on it, so other data in the database
 * never counts.
 */
class IncidentStatsApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private IncidentStatsFixtures fixtures;

	private Api api;

	private String run;

	@BeforeEach
	void setUp() {
		this.fixtures = new IncidentStatsFixtures(this.jdbc);
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private String place(String name) {
		return name + " " + this.run;
	}

	private UUID battle(String date, String admin1) {
		return this.fixtures.incident(LocalDate.parse(date), "PAK", admin1, "BATTLES", "ARMED_CLASH");
	}

	private JsonNode stats(String query) {
		Api.Response response = this.api.get("/api/v1/stats/incidents?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<String> texts(JsonNode buckets, String field) {
		return buckets.valueStream().map((bucket) -> bucket.path(field).asString(null)).toList();
	}

	private static List<Long> numbers(JsonNode buckets, String field) {
		return buckets.valueStream().map((bucket) -> bucket.path(field).asLong()).toList();
	}

	@Test
	void zeroFillsEveryMonthAndSumsCuratedCasualtiesByCategory() {
		String admin1 = place("Kurram");
		UUID march = battle("2024-03-10", admin1);
		this.fixtures.figure(march, 0, "SECURITY_FORCES", "KILLED", 2);
		this.fixtures.figure(march, 1, "CIVILIANS", "KILLED", 3);
		this.fixtures.figure(march, 2, "CIVILIANS", "WOUNDED", 7);
		this.fixtures.claim(march, 3, "MILITANTS", "KILLED", 50, this.fixtures.actor(place("Claimant")));
		UUID may = battle("2024-05-31", admin1);
		this.fixtures.figure(may, 0, "UNKNOWN", "KILLED", 1);
		this.fixtures.figure(may, 1, "MILITANTS", "WOUNDED", 4);

		JsonNode body = stats("interval=month&from=2024-01-01&to=2024-06-30&admin1=" + encode(admin1));

		assertThat(body.path("interval").asString()).isEqualTo("month");
		assertThat(body.path("groupBy").asString()).isEqualTo("none");
		assertThat(body.path("from").asString()).isEqualTo("2024-01-01");
		assertThat(body.path("to").asString()).isEqualTo("2024-06-30");
		JsonNode buckets = body.path("buckets");
		assertThat(texts(buckets, "period")).containsExactly("2024-01", "2024-02", "2024-03", "2024-04", "2024-05",
				"2024-06");
		assertThat(texts(buckets, "end")).containsExactly("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30",
				"2024-05-31", "2024-06-30");
		assertThat(numbers(buckets, "incidents")).containsExactly(0L, 0L, 1L, 0L, 1L, 0L);
		assertThat(numbers(buckets, "fatalities")).containsExactly(0L, 0L, 5L, 0L, 1L, 0L);
		assertThat(numbers(buckets, "wounded")).containsExactly(0L, 0L, 7L, 0L, 4L, 0L);
		assertThat(buckets.get(0).path("key").isNull()).isTrue();
		JsonNode march2024 = buckets.get(2).path("casualties");
		assertThat(march2024.path("SECURITY_FORCES").path("killed").asLong()).isEqualTo(2);
		assertThat(march2024.path("CIVILIANS").path("killed").asLong()).isEqualTo(3);
		assertThat(march2024.path("CIVILIANS").path("wounded").asLong()).isEqualTo(7);
		assertThat(march2024.path("MILITANTS").path("killed").asLong()).as("claims are not counted").isZero();
		assertThat(buckets.get(4).path("casualties").path("UNKNOWN").path("killed").asLong()).isEqualTo(1);
		assertThat(buckets.get(0).path("casualties").path("MILITANTS").path("wounded").asLong()).isZero();
	}

	@Test
	void countsIncidentsWhoseFiguresWereNotReportedApartAndKeepsAnExplicitZero() {
		String admin1 = place("Nangarhar");
		// no figure at all: killed and wounded not reported
		UUID silent = battle("2024-04-02", admin1);
		// a dataset's explicit zero killed; wounded not reported
		UUID zero = battle("2024-04-03", admin1);
		this.fixtures.figure(zero, 0, "UNKNOWN", "KILLED", 0);
		this.fixtures.update("update incident set fatalities = 0 where id = ?", zero);
		UUID counted = battle("2024-04-04", admin1);
		this.fixtures.figure(counted, 0, "CIVILIANS", "KILLED", 6);
		this.fixtures.figure(counted, 1, "CIVILIANS", "WOUNDED", 2);
		this.fixtures.update("update incident set fatalities = 6, wounded = 2 where id = ?", counted);
		assertThat(silent).isNotNull();

		for (String query : List.of("interval=month&from=2024-04-01&to=2024-04-30&admin1=" + encode(admin1),
				// the raw tables answer a tag filter: the same figures
				"interval=month&from=2024-04-01&to=2024-04-30&verification=REPORTED&admin1=" + encode(admin1))) {
			JsonNode april = stats(query).path("buckets").get(0);
			assertThat(april.path("incidents").asLong()).as(query).isEqualTo(3);
			assertThat(april.path("fatalities").asLong()).as(query).isEqualTo(6);
			assertThat(april.path("fatalitiesNotReported").asLong()).as(query).isEqualTo(1);
			assertThat(april.path("woundedNotReported").asLong()).as(query).isEqualTo(2);
		}
	}

	@Test
	void countsAnIncidentOfTwoCountriesUnderEachAndOnceInTotal() {
		String admin1 = place("Durand line");
		UUID border = battle("2024-06-10", admin1);
		this.fixtures.update("update incident set country = null, other_countries = '{PAK,AFG}' where id = ?", border);
		this.fixtures.figure(border, 0, "UNKNOWN", "KILLED", 24);
		battle("2024-06-11", admin1);
		String range = "interval=year&from=2024-01-01&to=2024-12-31&admin1=" + encode(admin1);

		JsonNode byCountry = stats(range + "&groupBy=country").path("buckets");
		assertThat(texts(byCountry, "key")).containsExactly("PAK", "AFG");
		assertThat(numbers(byCountry, "incidents")).containsExactly(2L, 1L);
		assertThat(numbers(byCountry, "fatalities")).containsExactly(24L, 24L);
		assertThat(numbers(stats(range).path("buckets"), "incidents")).as("once without grouping").containsExactly(2L);
		assertThat(numbers(stats(range + "&country=AFG").path("buckets"), "fatalities")).containsExactly(24L);
		assertThat(numbers(stats(range + "&country=AFG,PAK").path("buckets"), "incidents"))
			.as("once when both are asked for")
			.containsExactly(2L);
		assertThat(numbers(stats(range + "&country=AFG&verification=REPORTED").path("buckets"), "incidents"))
			.as("the raw tables agree")
			.containsExactly(1L);
	}

	@Test
	void countsAMultiDayIncidentAsOngoingInEveryLaterBucketItOverlapsWithItsFiguresWhereItBegan() {
		String admin1 = place("Kurram valley");
		// October, bounded to 9..19 October... of 2024, and a two-month siege
		UUID clashes = battle("2024-10-01", admin1);
		this.fixtures.update("update incident set end_date = '2024-10-31', date_precision = 'MONTH', "
				+ "earliest_start = '2024-10-09', latest_end = '2024-10-19' where id = ?", clashes);
		this.fixtures.figure(clashes, 0, "UNKNOWN", "KILLED", 24);
		UUID siege = battle("2024-09-20", admin1);
		this.fixtures.update("update incident set end_date = '2024-11-10' where id = ?", siege);

		JsonNode weeks = stats("interval=week&from=2024-10-07&to=2024-10-20&admin1=" + encode(admin1)).path("buckets");
		assertThat(texts(weeks, "start")).containsExactly("2024-10-07", "2024-10-14");
		assertThat(numbers(weeks, "incidents")).as("began in the week").containsExactly(1L, 0L);
		assertThat(numbers(weeks, "ongoing")).as("began earlier, still going").containsExactly(1L, 2L);
		assertThat(numbers(weeks, "fatalities")).as("where it began").containsExactly(24L, 0L);

		JsonNode months = stats("interval=month&from=2024-09-01&to=2024-11-30&admin1=" + encode(admin1))
			.path("buckets");
		assertThat(numbers(months, "incidents")).containsExactly(1L, 1L, 0L);
		assertThat(numbers(months, "ongoing")).containsExactly(0L, 1L, 1L);
		assertThat(numbers(
				stats("interval=month&from=2024-09-01&to=2024-11-30&verification=REPORTED&admin1=" + encode(admin1))
					.path("buckets"),
				"ongoing"))
			.as("the raw tables agree")
			.containsExactly(0L, 1L, 1L);
	}

	@Test
	void ongoingIncidentsCountTheSameFromTheRollupAndFromTheIncidents() {
		// a country no other test writes; spans inside a week, across weeks, months and a
		// year, bounded, and one across a border
		String country = "LKA";
		String[][] spans = { { "2021-12-20", "2022-01-10" }, { "2022-01-03", "2022-01-05" },
				{ "2022-01-05", "2022-02-14" }, { "2022-01-31", "2022-01-31" }, { "2022-03-30", "2023-01-02" },
				{ "2022-06-06", "2022-06-20" } };
		for (int i = 0; i < spans.length; i++) {
			UUID id = this.fixtures.incident(LocalDate.parse(spans[i][0]), country, null,
					(i % 2 == 0) ? "BATTLES" : "RIOTS", (i % 2 == 0) ? "ARMED_CLASH" : "MOB_VIOLENCE");
			this.fixtures.update("update incident set end_date = ? where id = ?", LocalDate.parse(spans[i][1]), id);
		}
		UUID bounded = this.fixtures.incident(LocalDate.parse("2022-02-01"), country, null, "BATTLES", "ARMED_CLASH");
		this.fixtures.update("update incident set end_date = '2022-04-30', date_precision = 'MONTH', "
				+ "earliest_start = '2022-02-10', latest_end = '2022-03-15', other_countries = '{IND}' where id = ?",
				bounded);

		for (String range : List.of("from=2022-01-01&to=2022-12-31", "from=2022-01-04&to=2022-06-13",
				"from=2022-01-10&to=2022-01-10")) {
			for (String interval : List.of("day", "week", "month", "year")) {
				for (String groupBy : List.of("none", "type", "country")) {
					String query = "interval=" + interval + "&groupBy=" + groupBy + "&country=" + country + "&" + range;
					// every incident here is REPORTED: the filter only sends the request
					// to
					// the incidents
					JsonNode fromIncidents = stats(query + "&verification=REPORTED").path("buckets");
					assertThat(stats(query).path("buckets")).as(query).isEqualTo(fromIncidents);
					if (interval.equals("week") && range.startsWith("from=2022-01-01")) {
						assertThat(numbers(fromIncidents, "ongoing").stream().mapToLong(Long::longValue).sum())
							.as("the test counts something")
							.isGreaterThan(40);
					}
				}
			}
		}
	}

	@Test
	void theOpenApiDocumentSaysHowUnknownFiguresCountriesAndMultiDayIncidentsCount() {
		JsonNode docs = this.api.get("/v3/api-docs").json();
		JsonNode bucket = docs.path("components").path("schemas").path("IncidentStatsBucket").path("properties");
		assertThat(bucket.has("fatalitiesNotReported")).isTrue();
		assertThat(bucket.has("woundedNotReported")).isTrue();
		assertThat(bucket.path("ongoing").path("description").asString()).contains("where they began");
		String stats = docs.path("paths").path("/api/v1/stats/incidents").path("get").path("description").asString();
		assertThat(stats).contains("counts under each of them").contains("not 0");
		JsonNode incident = docs.path("components").path("schemas").path("Incident").path("properties");
		assertThat(incident.path("fatalities").path("description").asString()).contains("null");
		assertThat(incident.has("startedOnOrAfter")).isTrue();
		assertThat(docs.path("paths").path("/api/v1/incidents").path("get").path("parameters").toString())
			.contains("\"near\"");
		assertThat(docs.path("paths").path("/api/v1/timeline").path("get").path("parameters").toString())
			.contains("\"near\"");
	}

	@Test
	void alignsWeeksToIsoMondaysAndClipsTheEdgeBuckets() {
		String admin1 = place("Khost");
		battle("2024-01-07", admin1); // a Sunday: the week of Monday 2024-01-01
		battle("2024-01-08", admin1); // the Monday after
		battle("2024-01-08", admin1);
		battle("2024-01-17", admin1); // after the range

		JsonNode buckets = stats("interval=week&from=2024-01-03&to=2024-01-16&admin1=" + encode(admin1))
			.path("buckets");

		assertThat(texts(buckets, "start")).containsExactly("2024-01-03", "2024-01-08", "2024-01-15");
		assertThat(texts(buckets, "end")).containsExactly("2024-01-07", "2024-01-14", "2024-01-16");
		assertThat(texts(buckets, "period")).containsExactly("2024-W01", "2024-W02", "2024-W03");
		assertThat(numbers(buckets, "incidents")).containsExactly(1L, 2L, 0L);
	}

	@Test
	void namesWeeksByTheirIsoWeekYear() {
		String admin1 = place("Zabul");
		battle("2024-12-30", admin1);

		JsonNode buckets = stats("interval=week&from=2024-12-23&to=2025-01-05&admin1=" + encode(admin1))
			.path("buckets");

		assertThat(texts(buckets, "period")).containsExactly("2024-W52", "2025-W01");
		assertThat(numbers(buckets, "incidents")).containsExactly(0L, 1L);
	}

	@Test
	void alignsDaysMonthsAndYearsToTheCalendar() {
		String admin1 = place("Kunar");
		battle("2023-12-31", admin1);
		battle("2024-01-01", admin1);
		battle("2024-02-29", admin1);
		battle("2024-03-01", admin1);

		JsonNode days = stats("interval=day&from=2024-02-28&to=2024-03-01&admin1=" + encode(admin1)).path("buckets");
		assertThat(texts(days, "start")).containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
		assertThat(texts(days, "end")).isEqualTo(texts(days, "start"));
		assertThat(numbers(days, "incidents")).containsExactly(0L, 1L, 1L);

		JsonNode months = stats("interval=month&from=2023-12-15&to=2024-03-01&admin1=" + encode(admin1))
			.path("buckets");
		assertThat(texts(months, "start")).containsExactly("2023-12-15", "2024-01-01", "2024-02-01", "2024-03-01");
		assertThat(texts(months, "end")).containsExactly("2023-12-31", "2024-01-31", "2024-02-29", "2024-03-01");
		assertThat(numbers(months, "incidents")).containsExactly(1L, 1L, 1L, 1L);

		JsonNode years = stats("interval=year&from=2022-06-01&to=2024-12-31&admin1=" + encode(admin1)).path("buckets");
		assertThat(texts(years, "period")).containsExactly("2022", "2023", "2024");
		assertThat(texts(years, "start")).containsExactly("2022-06-01", "2023-01-01", "2024-01-01");
		assertThat(numbers(years, "incidents")).containsExactly(0L, 1L, 3L);
	}

	@Test
	void defaultsToTwelveMonthsEndingToday() {
		JsonNode body = stats("admin1=" + encode(place("Nowhere")));

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(body.path("interval").asString()).isEqualTo("month");
		assertThat(body.path("to").asString()).isEqualTo(today.toString());
		assertThat(body.path("from").asString()).isEqualTo(today.withDayOfMonth(1).minusMonths(11).toString());
		assertThat(body.path("buckets").size()).isEqualTo(12);
		assertThat(numbers(body.path("buckets"), "incidents")).containsOnly(0L);
	}

	@Test
	void groupsByTypeAndSubTypeWithAcledLabelsZeroFillingEachGroup() {
		String admin1 = place("Bajaur");
		battle("2024-04-02", admin1);
		battle("2024-04-03", admin1);
		this.fixtures.incident(LocalDate.parse("2024-05-20"), "PAK", admin1, "EXPLOSIONS_REMOTE_VIOLENCE",
				"AIR_DRONE_STRIKE");

		JsonNode byType = stats("interval=month&groupBy=type&from=2024-04-01&to=2024-05-31&admin1=" + encode(admin1))
			.path("buckets");
		assertThat(texts(byType, "key")).containsExactly("BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "BATTLES",
				"EXPLOSIONS_REMOTE_VIOLENCE");
		assertThat(texts(byType, "label")).containsExactly("Battles", "Explosions/Remote violence", "Battles",
				"Explosions/Remote violence");
		assertThat(numbers(byType, "incidents")).containsExactly(2L, 0L, 0L, 1L);

		JsonNode bySubType = stats(
				"interval=year&groupBy=subType&from=2024-01-01&to=2024-12-31&admin1=" + encode(admin1))
			.path("buckets");
		assertThat(texts(bySubType, "key")).containsExactly("ARMED_CLASH", "AIR_DRONE_STRIKE");
		assertThat(texts(bySubType, "label")).containsExactly("Armed clash", "Air/drone strike");
	}

	@Test
	void groupsByCountryAndAdmin1KeepingIncidentsWithoutThem() {
		String khyber = place("Khyber");
		String nangarhar = place("Nangarhar");
		battle("2024-06-01", khyber);
		battle("2024-06-02", khyber);
		this.fixtures.incident(LocalDate.parse("2024-06-03"), "AFG", nangarhar, "BATTLES", "ARMED_CLASH");
		this.fixtures.incident(LocalDate.parse("2024-06-04"), null, nangarhar, "BATTLES", "ARMED_CLASH");

		String range = "interval=year&from=2024-01-01&to=2024-12-31&admin1=" + encode(khyber) + "," + encode(nangarhar);
		JsonNode byCountry = stats(range + "&groupBy=country").path("buckets");
		assertThat(texts(byCountry, "key")).containsExactly("PAK", "AFG", null);
		assertThat(texts(byCountry, "label")).containsExactly("Pakistan", "Afghanistan", "Not recorded");
		assertThat(numbers(byCountry, "incidents")).containsExactly(2L, 1L, 1L);

		JsonNode byAdmin1 = stats(range + "&groupBy=admin1").path("buckets");
		assertThat(texts(byAdmin1, "key")).containsExactlyInAnyOrder(khyber, nangarhar);
		assertThat(numbers(byAdmin1, "incidents")).containsExactly(2L, 2L);

		JsonNode afghanOnly = stats(range + "&groupBy=admin1&country=afg").path("buckets");
		assertThat(texts(afghanOnly, "key")).containsExactly(nangarhar);
		assertThat(numbers(afghanOnly, "incidents")).containsExactly(1L);
	}

	@Test
	void groupsByActorCountingAnIncidentOncePerActor() {
		String admin1 = place("Waziristan");
		UUID army = this.fixtures.actor(place("Army"));
		UUID militants = this.fixtures.actor(place("Militants"));
		UUID both = battle("2024-07-01", admin1);
		this.fixtures.involve(both, 0, army, "INITIATOR");
		this.fixtures.involve(both, 1, militants, "TARGET");
		this.fixtures.involve(both, 2, militants, "PARTICIPANT");
		this.fixtures.figure(both, 0, "MILITANTS", "KILLED", 6);
		UUID armyOnly = battle("2024-07-09", admin1);
		this.fixtures.involve(armyOnly, 0, army, "INITIATOR");
		battle("2024-07-10", admin1); // no actors: in no actor group

		JsonNode buckets = stats("interval=month&groupBy=actor&from=2024-07-01&to=2024-07-31&admin1=" + encode(admin1))
			.path("buckets");

		assertThat(texts(buckets, "key")).containsExactly(army.toString(), militants.toString());
		assertThat(texts(buckets, "label")).containsExactly(place("Army"), place("Militants"));
		assertThat(numbers(buckets, "incidents")).containsExactly(2L, 1L);
		assertThat(numbers(buckets, "fatalities")).containsExactly(6L, 6L);

		JsonNode filtered = stats("interval=month&groupBy=actor&from=2024-07-01&to=2024-07-31&actor=" + militants
				+ "&admin1=" + encode(admin1))
			.path("buckets");
		assertThat(texts(filtered, "key")).containsExactly(militants.toString());

		// the same from the actor rollup (no admin1), isolated by this run's actors
		assertThat(stats("interval=month&groupBy=actor&from=2024-07-01&to=2024-07-31&actor=" + army + "," + militants)
			.path("buckets")).isEqualTo(buckets);
	}

	@Test
	void actorFilterCountsAnIncidentOnceWhicheverListedActorsTookPart() {
		String admin1 = place("Kandahar");
		UUID police = this.fixtures.actor(place("Police"));
		UUID levies = this.fixtures.actor(place("Levies"));
		UUID joint = battle("2024-08-01", admin1);
		this.fixtures.involve(joint, 0, police, "INITIATOR");
		this.fixtures.involve(joint, 1, levies, "PARTICIPANT");
		this.fixtures.figure(joint, 0, "SECURITY_FORCES", "WOUNDED", 2);
		UUID policeOnly = battle("2024-08-02", admin1);
		this.fixtures.involve(policeOnly, 0, police, "TARGET");
		battle("2024-08-03", admin1);

		String range = "interval=month&from=2024-08-01&to=2024-08-31&admin1=" + encode(admin1);
		JsonNode either = stats(range + "&actor=" + police + "," + levies).path("buckets");
		assertThat(numbers(either, "incidents")).containsExactly(2L);
		assertThat(numbers(either, "wounded")).containsExactly(2L);
		assertThat(numbers(stats(range + "&actor=" + levies + "&actor=" + police).path("buckets"), "incidents"))
			.containsExactly(2L);
		assertThat(numbers(stats(range + "&actor=" + levies).path("buckets"), "incidents")).containsExactly(1L);
		// one actor without admin1 reads the actor rollup
		assertThat(numbers(stats("interval=month&from=2024-08-01&to=2024-08-31&actor=" + police).path("buckets"),
				"incidents"))
			.containsExactly(2L);
		assertThat(numbers(stats("interval=month&from=2024-08-01&to=2024-08-31&actor=" + levies).path("buckets"),
				"wounded"))
			.containsExactly(2L);
		assertThat(numbers(stats(range).path("buckets"), "incidents")).containsExactly(3L);
	}

	@Test
	void filtersOrWithinAParameterAndAndAcross() {
		String admin1 = place("Quetta");
		battle("2024-09-01", admin1);
		this.fixtures.incident(LocalDate.parse("2024-09-02"), "PAK", admin1, "RIOTS", "MOB_VIOLENCE");
		this.fixtures.incident(LocalDate.parse("2024-09-03"), "AFG", admin1, "RIOTS", "VIOLENT_DEMONSTRATION");
		this.fixtures.incident(LocalDate.parse("2024-09-04"), "PAK", admin1, "PROTESTS", "PEACEFUL_PROTEST");

		String range = "interval=year&from=2024-01-01&to=2024-12-31&admin1=" + encode(admin1);
		assertThat(count(range + "&type=BATTLES,RIOTS")).isEqualTo(3);
		assertThat(count(range + "&type=Battles&type=riots")).isEqualTo(3);
		assertThat(count(range + "&type=RIOTS&country=PAK")).isEqualTo(1);
		assertThat(count(range + "&subType=mob_violence,PEACEFUL_PROTEST")).isEqualTo(2);
		assertThat(count(range + "&country=AFG,IRN")).isEqualTo(1);
		// admin1 ignores case, as in the incident list
		assertThat(count("interval=year&from=2024-01-01&to=2024-12-31&admin1=" + encode(admin1.toUpperCase())))
			.isEqualTo(4);
		// the list's other filters work too (from the raw tables)
		assertThat(count(range + "&verification=REPORTED&type=RIOTS")).isEqualTo(2);
		assertThat(count(range + "&verification=DISPUTED")).isZero();
		assertThat(count(range + "&q=" + encode("statistics test"))).isEqualTo(4);
	}

	private long count(String query) {
		return numbers(stats(query).path("buckets"), "incidents").stream().mapToLong(Long::longValue).sum();
	}

	@Test
	void rollupAndRawTablesGiveTheSameAnswer() {
		String admin1 = place("Paktika");
		UUID actor = this.fixtures.actor(place("Border force"));
		for (int i = 0; i < 12; i++) {
			UUID id = this.fixtures.incident(LocalDate.of(2022, 1 + i, 1 + i), (i % 3 == 0) ? "AFG" : "PAK", admin1,
					(i % 2 == 0) ? "BATTLES" : "RIOTS", (i % 2 == 0) ? "ARMED_CLASH" : "MOB_VIOLENCE");
			this.fixtures.involve(id, 0, actor, "PARTICIPANT");
			this.fixtures.figure(id, 0, "CIVILIANS", (i % 2 == 0) ? "KILLED" : "WOUNDED", i);
			this.fixtures.figure(id, 1, "SECURITY_FORCES", "KILLED", 2 * i);
		}
		String range = "interval=week&from=2022-01-01&to=2022-12-31&admin1=" + encode(admin1);

		// every incident here has that actor: the admin1 rollup, the raw tables (actor
		// and admin1)
		// and the actor rollup (actor alone) must agree
		String onlyActor = "interval=week&from=2022-01-01&to=2022-12-31&actor=" + actor;
		assertThat(stats(range + "&actor=" + actor).path("buckets")).isEqualTo(stats(range).path("buckets"));
		assertThat(stats(onlyActor).path("buckets")).isEqualTo(stats(range).path("buckets"));
		assertThat(stats(range + "&groupBy=type&actor=" + actor).path("buckets"))
			.isEqualTo(stats(range + "&groupBy=type").path("buckets"));
		assertThat(stats(onlyActor + "&groupBy=type").path("buckets"))
			.isEqualTo(stats(range + "&groupBy=type").path("buckets"));
		assertThat(stats(onlyActor + "&groupBy=country").path("buckets"))
			.isEqualTo(stats(range + "&groupBy=country").path("buckets"));
		// a filter no rollup knows (every incident here is REPORTED) reads the raw tables
		assertThat(stats(range + "&groupBy=country&verification=REPORTED").path("buckets"))
			.isEqualTo(stats(range + "&groupBy=country").path("buckets"));
	}

	@Test
	void countryStatisticsEqualANaiveGroupByOverTheRawTables() {
		for (int i = 0; i < 6; i++) {
			UUID id = this.fixtures.incident(LocalDate.of(2021, 2 * i + 1, 3 * i + 1), "PAK", null,
					(i % 2 == 0) ? "BATTLES" : "RIOTS", (i % 2 == 0) ? "ARMED_CLASH" : "MOB_VIOLENCE");
			this.fixtures.figure(id, 0, "CIVILIANS", "KILLED", i + 1);
		}

		JsonNode buckets = stats("interval=month&groupBy=type&country=PAK&from=2021-01-01&to=2021-12-31")
			.path("buckets");

		// whatever else the database holds for that year, the endpoint and the raw tables
		// agree
		List<String> naive = this.jdbc.sql("""
				select to_char(date_trunc('month', i.start_date), 'YYYY-MM') || ' ' || i.event_type || ' ' || count(*)
				  || ' ' || coalesce(sum((select sum(best) from casualty_figure c where c.incident_id = i.id
				    and c.claimant_actor_id is null and c.outcome = 'KILLED')), 0)
				from incident i
				where i.country = 'PAK' and i.start_date between '2021-01-01' and '2021-12-31'
				group by date_trunc('month', i.start_date), i.event_type""")
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList();
		List<String> answered = buckets.valueStream()
			.filter((bucket) -> bucket.path("incidents").asLong() > 0)
			.map((bucket) -> bucket.path("period").asString() + " " + bucket.path("key").asString() + " "
					+ bucket.path("incidents").asLong() + " " + bucket.path("fatalities").asLong())
			.sorted()
			.toList();
		assertThat(answered).isEqualTo(naive).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void weeklyMonthlyAndYearlyStatisticsWithPartialEdgePeriodsEqualTheRawTables() {
		// a country no other test writes, so that the raw count below sees only these
		// incidents
		String country = "BTN";
		LocalDate[] days = { LocalDate.of(2019, 12, 30), LocalDate.of(2020, 1, 14), LocalDate.of(2020, 1, 15),
				LocalDate.of(2020, 1, 19), LocalDate.of(2020, 1, 20), LocalDate.of(2020, 2, 29),
				LocalDate.of(2020, 6, 1), LocalDate.of(2020, 11, 16), LocalDate.of(2020, 11, 20),
				LocalDate.of(2020, 11, 21), LocalDate.of(2020, 12, 1) };
		for (int i = 0; i < days.length; i++) {
			UUID id = this.fixtures.incident(days[i], country, null, (i % 2 == 0) ? "BATTLES" : "RIOTS",
					(i % 2 == 0) ? "ARMED_CLASH" : "MOB_VIOLENCE");
			this.fixtures.figure(id, 0, "CIVILIANS", "KILLED", i + 1);
		}

		// ranges starting and ending inside a week and a month, on their edges, and
		// inside one week
		for (String range : List.of("from=2020-01-15&to=2020-11-20", "from=2019-12-30&to=2020-11-30",
				"from=2020-01-14&to=2020-01-19", "from=2020-01-15&to=2020-01-18", "from=2020-02-01&to=2020-12-31")) {
			for (String interval : List.of("week", "month", "year")) {
				for (String groupBy : List.of("type", "subType")) {
					String query = "interval=" + interval + "&groupBy=" + groupBy + "&country=" + country + "&" + range;
					List<String> answered = stats(query).path("buckets")
						.valueStream()
						.filter((bucket) -> bucket.path("incidents").asLong() > 0)
						.map((bucket) -> bucket.path("period").asString() + " " + bucket.path("key").asString() + " "
								+ bucket.path("incidents").asLong() + " " + bucket.path("fatalities").asLong())
						.sorted()
						.toList();
					LocalDate from = LocalDate.parse(range.substring(5, 15));
					LocalDate to = LocalDate.parse(range.substring(19));
					List<String> naive = this.jdbc.sql("""
							select period || ' ' || key || ' ' || count(*) || ' ' || sum(best)
							from (select case :interval when 'week' then to_char(i.start_date, 'IYYY-"W"IW')
							          when 'month' then to_char(i.start_date, 'YYYY-MM')
							          else to_char(i.start_date, 'YYYY') end as period,
							        case :groupBy when 'type' then i.event_type else i.sub_event_type end as key, c.best
							      from incident i join casualty_figure c on c.incident_id = i.id
							      where i.country = :country and i.start_date between :from and :to) x
							group by period, key""")
						.param("interval", interval)
						.param("groupBy", groupBy)
						.param("country", country)
						.param("from", from)
						.param("to", to)
						.query(String.class)
						.list()
						.stream()
						.sorted()
						.toList();
					assertThat(answered).as(query).isEqualTo(naive).isNotEmpty();
				}
			}
		}
		assertThat(this.fixtures.rollupDifferences()).isEmpty();
	}

	@Test
	void refusesMoreThanAThousandBucketsNamingTheInterval() {
		Api.Response response = this.api.get("/api/v1/stats/incidents?interval=day&from=2015-01-01&to=2025-12-31");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.errorFields()).containsExactly("interval");
		assertThat(response.json().path("detail").asString()).contains("1,000").contains("coarser interval");
		assertThat(this.api.get("/api/v1/stats/incidents?interval=day&from=2022-01-01&to=2024-09-26").status())
			.as("exactly 1,000 days")
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/stats/incidents?interval=week&from=2015-01-01&to=2025-12-31").status())
			.isEqualTo(200);
	}

	@Test
	void refusesMoreThanTenThousandEntriesNamingTheGrouping() {
		String prefix = place("Division");
		StringBuilder admin1s = new StringBuilder();
		for (int i = 0; i < 11; i++) {
			battle("2023-01-01", prefix + " " + i);
			admin1s.append("&admin1=").append(encode(prefix + " " + i));
		}
		String range = "interval=day&from=2021-01-01&to=2023-09-01" + admin1s;

		Api.Response response = this.api.get("/api/v1/stats/incidents?" + range + "&groupBy=admin1");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("groupBy");
		assertThat(this.api.get("/api/v1/stats/incidents?" + range).status()).isEqualTo(200);
	}

	@Test
	void badParametersAre400NamingThem() {
		String path = "/api/v1/stats/incidents?";
		assertThat(this.api.get(path + "interval=hour").errorFields()).containsExactly("interval");
		assertThat(this.api.get(path + "groupBy=colour").errorFields()).containsExactly("groupBy");
		assertThat(this.api.get(path + "from=2024-13-01").errorFields()).containsExactly("from");
		assertThat(this.api.get(path + "to=yesterday").errorFields()).containsExactly("to");
		assertThat(this.api.get(path + "from=2024-02-01&to=2024-01-01").errorFields()).containsExactly("to");
		assertThat(this.api.get(path + "from=2999-01-01").errorFields()).containsExactly("from");
		assertThat(this.api.get(path + "verification=MAYBE").errorFields()).containsExactly("verification");
		assertThat(this.api.get(path + "country=PAK,XX").errorFields()).containsExactly("country");
		assertThat(this.api.get(path + "type=Fighting").errorFields()).containsExactly("type");
		assertThat(this.api.get(path + "subType=BATTLES").errorFields()).containsExactly("subType");
		assertThat(this.api.get(path + "actor=not-a-uuid").errorFields()).containsExactly("actor");
		assertThat(this.api.get(path + "admin1=" + "x".repeat(501)).errorFields()).containsExactly("admin1");
		Api.Response response = this.api.get(path + "interval=hour");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
	}

}
