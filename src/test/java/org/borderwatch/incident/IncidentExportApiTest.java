package org.borderwatch.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Import;

import org.borderwatch.support.Api;
import org.borderwatch.support.Csv;
import org.borderwatch.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.incident.IncidentJson.incident;

/**
 * The incident list's exports (CSV, GeoJSON, NDJSON) checked against the JSON list they
 * must agree with: same filters, same incidents, same order, the same facts flattened.
 */
@Import(SqlStatementCounter.Configuration.class)
class IncidentExportApiTest extends IncidentFixtures {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final List<String> CSV_HEADER = List.of("event_id_cnty", "event_date", "end_date", "time_precision",
			"event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "country", "countries", "admin1",
			"admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "wounded", "fatalities_low",
			"fatalities_high", "verification", "claimed_by", "tags", "source_ids", "external_dataset", "external_id",
			"notes", "title");

	private static final String CSV = "text/csv";

	private static final String GEOJSON = "application/geo+json";

	private static final String NDJSON = "application/x-ndjson";

	/** A title and a description that only survive a real RFC 4180 round trip. */
	private String trickyTitle;

	private String trickyDescription;

	private String airForce;

	private String militia;

	private String villagers;

	private String observers;

	private String strike;

	private String scope;

	@BeforeEach
	void createIncidents() {
		this.airForce = actor("Air Force, Northern Command");
		this.militia = actor("Border militia");
		this.villagers = actor("Villagers");
		this.observers = actor("Observers");
		String report = source("Strike report " + this.run);
		String statement = source("Claim statement " + this.run);
		this.trickyTitle = "Strike on \"Camp 7\", Torkham road\nsecond line " + this.run;
		this.trickyDescription = "Witnesses said: \"two blasts\", then\r\nsilence.";

		this.strike = createId(incident(this.trickyTitle).set("description", this.trickyDescription)
			.on("2025-10-09")
			.raw("location", """
					{"placeName": "Torkham", "admin1": "Nangarhar", "admin2": "Momand Dara", "country": "AFG",
					 "latitude": 34.1167, "longitude": 71.0833, "geoPrecision": "EXACT"}""")
			.actor(this.airForce, "INITIATOR")
			.actor(this.militia, "TARGET")
			.actor(this.villagers, "PARTICIPANT")
			.actor(this.observers, "INITIATOR")
			.casualty("SECURITY_FORCES", "KILLED", 5, 10, 20)
			.casualty("CIVILIANS", "KILLED", null, 3, null)
			.casualty("CIVILIANS", "WOUNDED", 4, 7, 9)
			.claimedCasualty(this.militia, "SECURITY_FORCES", "KILLED", null, 50, null)
			.claim(this.airForce, "CLAIMS_RESPONSIBILITY", null)
			.claim(this.militia, "ACCUSES", this.airForce)
			.claim(this.airForce, "CLAIMS_RESPONSIBILITY", null)
			.claim(this.observers, "CLAIMS_RESPONSIBILITY", null)
			.set("verification", "CORROBORATED")
			.tags(tag(), "cross-border")
			.sources(report, statement)
			.externalRef("ACLED", "AFG-" + this.run));
		// same start date as the strike: the id decides their order
		createId(incident(title("Clash at an outpost")).on("2025-10-09")
			.type("BATTLES", "ARMED_CLASH")
			.at("PAK", "Khyber Pakhtunkhwa", null, null)
			.actor(this.militia, "INITIATOR")
			.tags(tag()));
		createId(incident(title("A week of shelling")).dates("2025-10-12", "2025-10-15")
			.set("datePrecision", "WEEK")
			.type("EXPLOSIONS_REMOTE_VIOLENCE", "SHELLING_ARTILLERY_MISSILE_ATTACK")
			.at("AFG", "Kunar", 34.85, 71.1)
			.casualty("UNKNOWN", "KILLED", null, 4, null)
			.tags(tag()));
		createId(incident(title("Local agreement")).on("2025-09-01")
			.type("STRATEGIC_DEVELOPMENTS", "AGREEMENT")
			.tags(tag()));
		createId(incident(title("Drone strike")).on("2025-11-02").at("AFG", "Paktika", 32.5, 68.9).tags(tag()));
		this.scope = "tag=" + tag();
	}

	@Test
	void exportsCsvWithTheSameIncidentsInTheSameOrderAsTheJsonList() {
		List<JsonNode> items = jsonList(this.scope);

		Api.Response response = this.api.get(INCIDENTS + "?" + this.scope, "Accept", CSV);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.header("Content-Disposition")).contains("incidents.csv");
		List<List<String>> rows = Csv.parse(response.body());
		assertThat(rows.get(0)).containsExactlyElementsOf(CSV_HEADER);
		assertThat(rows).hasSize(6);
		assertThat(items).hasSize(5);
		for (int i = 0; i < items.size(); i++) {
			ObjectNode expected = flat(items.get(i));
			List<String> row = rows.get(i + 1);
			assertThat(row).hasSize(CSV_HEADER.size());
			for (int column = 0; column < CSV_HEADER.size(); column++) {
				String name = CSV_HEADER.get(column);
				JsonNode value = expected.get(camelCase(name));
				if (name.equals("source_ids")) {
					assertThat(splitList(row.get(column))).as(name).isEqualTo(textSet(value));
				}
				else {
					assertThat(row.get(column)).as(name + " of " + expected.get("title")).isEqualTo(csvField(value));
				}
			}
		}
	}

	@Test
	void csvCarriesTheFlattenedFactsOfARichIncident() {
		List<List<String>> rows = Csv.parse(this.api.get(INCIDENTS + "?" + this.scope, "Accept", CSV).body());

		List<String> strike = rows.stream().filter((row) -> row.get(0).equals(this.strike)).findFirst().orElseThrow();
		assertThat(column(strike, "title")).as("comma, quote and line break survive").isEqualTo(this.trickyTitle);
		assertThat(column(strike, "notes")).isEqualTo(this.trickyDescription);
		assertThat(column(strike, "event_date")).isEqualTo("2025-10-09");
		assertThat(column(strike, "time_precision")).isEqualTo("DAY");
		assertThat(column(strike, "event_type")).isEqualTo("Explosions/Remote violence");
		assertThat(column(strike, "sub_event_type")).isEqualTo("Air/drone strike");
		assertThat(column(strike, "actor1"))
			.isEqualTo("Air Force, Northern Command " + this.run + "; Observers " + this.run);
		assertThat(column(strike, "actor2")).isEqualTo("Border militia " + this.run);
		assertThat(column(strike, "assoc_actors")).isEqualTo("Villagers " + this.run);
		assertThat(column(strike, "location")).isEqualTo("Torkham");
		assertThat(column(strike, "admin2")).isEqualTo("Momand Dara");
		assertThat(column(strike, "latitude")).isEqualTo("34.1167");
		assertThat(column(strike, "longitude")).isEqualTo("71.0833");
		// curated only: the militia's claimed 50 moves none of them
		assertThat(column(strike, "fatalities")).isEqualTo("13");
		assertThat(column(strike, "wounded")).isEqualTo("7");
		assertThat(column(strike, "fatalities_low")).isEqualTo("8");
		assertThat(column(strike, "fatalities_high")).isEqualTo("23");
		assertThat(column(strike, "claimed_by"))
			.as("each claimant once, in the order of the claims; accusations are no claims")
			.isEqualTo("Air Force, Northern Command " + this.run + "; Observers " + this.run);
		assertThat(column(strike, "tags")).isEqualTo(tag() + "; cross-border");
		assertThat(column(strike, "source_ids").split("; ")).hasSize(2);
		assertThat(column(strike, "external_dataset")).isEqualTo("ACLED");
		assertThat(column(strike, "external_id")).isEqualTo("AFG-" + this.run);
		assertThat(column(strike, "verification")).isEqualTo("CORROBORATED");
		List<String> agreement = rows.stream()
			.filter((row) -> column(row, "title").equals(title("Local agreement")))
			.findFirst()
			.orElseThrow();
		assertThat(column(agreement, "actor1")).isEmpty();
		assertThat(column(agreement, "latitude")).isEmpty();
		assertThat(column(agreement, "country")).isEmpty();
		assertThat(column(agreement, "countries")).isEmpty();
		assertThat(column(strike, "countries")).isEqualTo("AFG");
		assertThat(column(agreement, "fatalities")).as("not reported: empty, not 0").isEmpty();
		assertThat(column(agreement, "fatalities_high")).isEmpty();
	}

	@Test
	void exportsEveryCountryOfAnIncidentAcrossABorder() {
		String borderTag = tag() + "-border";
		String border = createId(incident(title("Clashes along the border")).on("2025-10-11")
			.type("BATTLES", "ARMED_CLASH")
			.raw("location", """
					{"placeName": "Durand line", "countries": ["PAK", "AFG"], "geoPrecision": "COUNTRY",
					 "latitude": 31.9, "longitude": 66.6}""")
			.tags(borderTag));

		List<List<String>> rows = Csv.parse(this.api.get(INCIDENTS + "?tag=" + borderTag, "Accept", CSV).body());
		JsonNode ndjson = JSON.readTree(this.api.get(INCIDENTS + "?tag=" + borderTag, "Accept", NDJSON).body());
		JsonNode geojson = JSON.readTree(this.api.get(INCIDENTS + "?tag=" + borderTag, "Accept", GEOJSON).body());

		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo(border);
		assertThat(column(rows.get(1), "country")).as("across a border: no one country").isEmpty();
		assertThat(column(rows.get(1), "countries")).isEqualTo("PAK; AFG");
		assertThat(ndjson.path("countries").toString()).isEqualTo("[\"PAK\",\"AFG\"]");
		assertThat(geojson.path("features").get(0).path("properties").path("countries").toString())
			.isEqualTo("[\"PAK\",\"AFG\"]");
	}

	@Test
	void exportsNdjsonWithTheCsvFieldsInCamelCase() {
		List<JsonNode> items = jsonList(this.scope);

		Api.Response response = this.api.get(INCIDENTS + "?" + this.scope, "Accept", NDJSON);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith(NDJSON));
		assertThat(response.header("Content-Disposition")).contains("incidents.ndjson");
		String[] lines = response.body().split("\n");
		assertThat(lines).hasSize(items.size());
		for (int i = 0; i < lines.length; i++) {
			ObjectNode line = (ObjectNode) JSON.readTree(lines[i]);
			assertThat(fieldNames(line)).containsExactlyElementsOf(CSV_HEADER.stream().map(this::camelCase).toList());
			assertThat(normalised(line)).isEqualTo(normalised(flat(items.get(i))));
		}
	}

	@Test
	void exportsGeoJsonPointsAndCountsTheIncidentsWithoutCoordinates() {
		List<JsonNode> items = jsonList(this.scope);
		List<JsonNode> located = items.stream()
			.filter((item) -> item.path("location").path("latitude").isNumber())
			.toList();

		Api.Response response = this.api.get(INCIDENTS + "?" + this.scope, "Accept", GEOJSON);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith(GEOJSON));
		assertThat(response.header("Content-Disposition")).contains("incidents.geojson");
		assertThat(response.header("X-Features-Without-Coordinates")).isEqualTo("2");
		JsonNode collection = response.json();
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		JsonNode features = collection.path("features");
		assertThat(located).hasSize(3);
		assertThat(features.size()).isEqualTo(located.size());
		for (int i = 0; i < located.size(); i++) {
			JsonNode feature = features.get(i);
			JsonNode item = located.get(i);
			assertThat(feature.path("type").asString()).isEqualTo("Feature");
			assertThat(feature.path("id").asString()).isEqualTo(item.path("id").asString());
			assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
			assertThat(feature.path("geometry").path("coordinates").get(0).asDouble())
				.isEqualTo(item.path("location").path("longitude").asDouble());
			assertThat(feature.path("geometry").path("coordinates").get(1).asDouble())
				.isEqualTo(item.path("location").path("latitude").asDouble());
			assertThat(normalised((ObjectNode) feature.path("properties"))).isEqualTo(normalised(flat(item)));
		}
	}

	@Test
	void exportsIgnoreLimitAndCursor() {
		Api.Response firstPage = this.api.get(INCIDENTS + "?limit=2&" + this.scope);
		String cursor = firstPage.json().path("nextCursor").asString();
		assertThat(cursor).isNotBlank();
		String paged = INCIDENTS + "?limit=2&cursor=" + cursor + "&" + this.scope;

		assertThat(Csv.parse(this.api.get(paged, "Accept", CSV).body())).hasSize(6);
		assertThat(this.api.get(paged, "Accept", NDJSON).body().split("\n")).hasSize(5);
		Api.Response geojson = this.api.get(paged, "Accept", GEOJSON);
		assertThat(geojson.json().path("features").size()).isEqualTo(3);
		assertThat(geojson.header("X-Features-Without-Coordinates")).isEqualTo("2");
		assertThat(this.api.get(INCIDENTS + "?limit=9999&" + this.scope, "Accept", CSV).status()).isEqualTo(200);
	}

	@Test
	void combinedFiltersSelectTheSameIncidentsInEveryFormat() {
		String filter = this.scope
				+ "&country=AFG&type=EXPLOSIONS_REMOTE_VIOLENCE,BATTLES&from=2025-10-01&to=2025-10-31";
		List<String> jsonIds = jsonList(filter).stream().map((item) -> item.path("id").asString()).toList();

		List<String> csvIds = Csv.parse(this.api.get(INCIDENTS + "?" + filter, "Accept", CSV).body())
			.stream()
			.skip(1)
			.map((row) -> row.get(0))
			.toList();
		List<String> ndjsonIds = new ArrayList<>();
		for (String line : this.api.get(INCIDENTS + "?" + filter, "Accept", NDJSON).body().split("\n")) {
			ndjsonIds.add(JSON.readTree(line).path("eventIdCnty").asString());
		}
		List<String> geoIds = this.api.get(INCIDENTS + "?" + filter, "Accept", GEOJSON)
			.json()
			.path("features")
			.valueStream()
			.map((feature) -> feature.path("id").asString())
			.toList();

		assertThat(jsonIds).hasSize(2).contains(this.strike);
		assertThat(csvIds).isEqualTo(jsonIds);
		assertThat(ndjsonIds).isEqualTo(jsonIds);
		assertThat(geoIds).isEqualTo(jsonIds);
		assertThat(Csv.parse(this.api.get(INCIDENTS + "?" + this.scope + "&q=nothingmatcheszz", "Accept", CSV).body()))
			.as("no match: the header alone")
			.containsExactly(CSV_HEADER);
	}

	@Test
	void badFiltersAre400ProblemsWhateverTheAcceptedType() {
		for (String type : List.of(CSV, GEOJSON, NDJSON)) {
			assertProblem(this.api.get(INCIDENTS + "?country=XX", "Accept", type), "country");
			assertProblem(this.api.get(INCIDENTS + "?from=2025-13-01", "Accept", type), "from");
			assertProblem(this.api.get(INCIDENTS + "?bbox=1,2,3", "Accept", type), "bbox");
			assertProblem(this.api.get(INCIDENTS + "?type=BATTLE", "Accept", type), "type");
		}
	}

	@Test
	void jsonStaysTheDefaultAndTheAcceptedTypeDecides() {
		for (Api.Response response : List.of(this.api.get(INCIDENTS + "?" + this.scope, "Accept", "*/*"),
				this.api.get(INCIDENTS + "?" + this.scope),
				this.api.get(INCIDENTS + "?" + this.scope, "Accept", "application/json"))) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.contentType())
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(response.json().path("items").size()).isEqualTo(5);
		}
		Api.Response preferred = this.api.get(INCIDENTS + "?" + this.scope, "Accept",
				"application/json;q=0.5, text/csv;q=0.9");
		assertThat(preferred.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		Api.Response anyText = this.api.get(INCIDENTS + "?" + this.scope, "Accept", "text/*");
		assertThat(anyText.status()).isEqualTo(200);
		assertThat(anyText.contentType()).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(this.api.get(INCIDENTS + "?" + this.scope, "Accept", "application/pdf").status()).isEqualTo(406);
	}

	@Test
	void anExportRunsOneStatementWhateverItsSize() {
		SqlStatementCounter.reset();
		assertThat(this.api.get(INCIDENTS + "?" + this.scope + "&country=PAK", "Accept", CSV).status()).isEqualTo(200);
		long one = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		assertThat(this.api.get(INCIDENTS + "?" + this.scope, "Accept", CSV).status()).isEqualTo(200);
		long five = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		assertThat(this.api.get(INCIDENTS + "?" + this.scope, "Accept", GEOJSON).status()).isEqualTo(200);
		long geojson = SqlStatementCounter.count();

		assertThat(five).isEqualTo(one).isEqualTo(1);
		assertThat(geojson).as("the count of incidents without coordinates, then the rows").isEqualTo(2);
	}

	@Test
	void documentsTheExportsOnTheListOperation() {
		JsonNode list = this.api.get("/v3/api-docs").json().path("paths").path(INCIDENTS).path("get");

		JsonNode content = list.path("responses").path("200").path("content");
		assertThat(content.has("application/json")).isTrue();
		assertThat(content.path(CSV).path("examples").path("csv").path("value").asString())
			.startsWith(String.join(",", CSV_HEADER) + "\n");
		// springdoc shows JSON examples parsed
		JsonNode geojson = content.path(GEOJSON).path("examples").path("geojson").path("value");
		assertThat(fieldNames((ObjectNode) geojson.path("features").get(0).path("properties")))
			.containsExactlyElementsOf(CSV_HEADER.stream().map(this::camelCase).toList());
		JsonNode ndjson = content.path(NDJSON).path("examples").path("ndjson").path("value");
		assertThat(fieldNames((ObjectNode) ndjson))
			.containsExactlyElementsOf(CSV_HEADER.stream().map(this::camelCase).toList());
		assertThat(content.path(NDJSON).path("schema").path("$ref").asString()).endsWith("IncidentExportRow");
		assertThat(list.path("description").asString()).contains("application/x-ndjson",
				"not the nested JSON incident");
	}

	/** Every incident of the JSON list, walking all its pages. */
	private List<JsonNode> jsonList(String query) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			String next = (cursor != null) ? "&cursor=" + cursor : "";
			Api.Response page = this.api.get(INCIDENTS + "?limit=2&" + query + next);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().path("items").forEach(items::add);
			cursor = page.json().path("nextCursor").isString() ? page.json().path("nextCursor").asString() : null;
		}
		while (cursor != null);
		return items;
	}

	/**
	 * What an export should say about {@code item} (a JSON list item), flattened as
	 * NDJSON has it.
	 */
	private ObjectNode flat(JsonNode item) {
		JsonNode location = item.path("location");
		ObjectNode row = JSON.createObjectNode();
		row.set("eventIdCnty", item.get("id"));
		row.set("eventDate", item.get("startDate"));
		row.set("endDate", item.get("endDate"));
		row.set("timePrecision", item.get("datePrecision"));
		row.put("eventType", EventType.valueOf(item.path("eventType").asString()).label());
		row.put("subEventType", SubEventType.valueOf(item.path("subEventType").asString()).label());
		row.set("actor1", actorNames(item, "INITIATOR"));
		row.set("actor2", actorNames(item, "TARGET"));
		row.set("assocActors", actorNames(item, "PARTICIPANT"));
		row.set("country", orNull(location.get("country")));
		row.set("countries", location.has("countries") ? location.get("countries") : JSON.createArrayNode());
		row.set("admin1", orNull(location.get("admin1")));
		row.set("admin2", orNull(location.get("admin2")));
		row.set("location", orNull(location.get("placeName")));
		row.set("latitude", orNull(location.get("latitude")));
		row.set("longitude", orNull(location.get("longitude")));
		row.set("geoPrecision", orNull(location.get("geoPrecision")));
		row.set("fatalities", item.get("fatalities"));
		row.set("wounded", item.get("wounded"));
		row.set("fatalitiesLow", item.path("fatalitiesRange").get("low"));
		row.set("fatalitiesHigh", item.path("fatalitiesRange").get("high"));
		row.set("verification", item.get("verification"));
		ArrayNode claimedBy = row.putArray("claimedBy");
		item.path("claims")
			.valueStream()
			.filter((claim) -> claim.path("stance").asString().equals("CLAIMS_RESPONSIBILITY"))
			.map((claim) -> claim.path("actor").path("name").asString())
			.distinct()
			.forEach(claimedBy::add);
		row.set("tags", item.get("tags"));
		row.set("sourceIds", item.get("sourceIds"));
		row.set("externalDataset", orNull(item.path("externalRef").get("dataset")));
		row.set("externalId", orNull(item.path("externalRef").get("id")));
		row.set("notes", orNull(item.get("description")));
		row.set("title", item.get("title"));
		return row;
	}

	private static ArrayNode actorNames(JsonNode item, String role) {
		ArrayNode names = JSON.createArrayNode();
		item.path("actors")
			.valueStream()
			.filter((actor) -> actor.path("role").asString().equals(role))
			.forEach((actor) -> names.add(actor.path("actor").path("name").asString()));
		return names;
	}

	private static JsonNode orNull(JsonNode value) {
		return (value != null) ? value : JSON.nullNode();
	}

	/** Source ids are a set: the JSON incident does not order them. */
	private static ObjectNode normalised(ObjectNode row) {
		ObjectNode copy = row.deepCopy();
		ArrayNode sorted = copy.putArray("sourceIds");
		textSet(row.get("sourceIds")).stream().sorted().forEach(sorted::add);
		return copy;
	}

	private static Set<String> textSet(JsonNode array) {
		Set<String> texts = new HashSet<>();
		array.forEach((value) -> texts.add(value.asString()));
		return texts;
	}

	private static Set<String> splitList(String field) {
		return field.isEmpty() ? Set.of() : Set.of(field.split("; "));
	}

	/** A value as one CSV field: arrays joined with "; ", null empty. */
	private static String csvField(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			return String.join("; ", value.valueStream().map(JsonNode::asString).toList());
		}
		return value.asString();
	}

	private static List<String> fieldNames(ObjectNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private String camelCase(String column) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	private static String column(List<String> row, String name) {
		return row.get(CSV_HEADER.indexOf(name));
	}

	private static void assertProblem(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).hasValue("application/problem+json");
		assertThat(response.errorFields()).containsExactly(field);
	}

}
