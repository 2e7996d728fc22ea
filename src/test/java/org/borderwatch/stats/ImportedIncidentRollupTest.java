package org.borderwatch.stats;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.importing.DatasetFixtures;
import org.borderwatch.importing.ImportEngine;
import org.borderwatch.importing.ImportFormat;
import org.borderwatch.importing.ImportOptions;
import org.borderwatch.importing.ImportProgress;
import org.borderwatch.importing.OnConflict;
import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-based imports keep the read models exact: after creating, updating and overwriting
 * imported incidents, and among single writes through the API, the rollups equal a GROUP
 * BY over the raw tables and the timeline equals the one rebuilt from the source tables.
 */
class ImportedIncidentRollupTest extends IntegrationTest {

	@Autowired
	private ImportEngine engine;

	private static final String TIMELINE_DIFFERENCES = """
			select 'kept but not rebuilt: ' || d::text from (select * from kept_entries except select * from timeline_entry) d
			union all
			select 'rebuilt but not kept: ' || d::text from (select * from timeline_entry except select * from kept_entries) d
			union all
			select 'facet kept but not rebuilt: ' || d::text from (select * from kept_facets except select * from timeline_facet) d
			union all
			select 'facet rebuilt but not kept: ' || d::text from (select * from timeline_facet except select * from kept_facets) d""";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private void importFile(byte[] file, OnConflict onConflict) {
		this.engine.run(new ImportOptions(UUID.randomUUID(), ImportFormat.UCDP_GED, "ged.csv", null, false, onConflict,
				"importer"), new ByteArrayInputStream(file), ImportProgress.NONE);
	}

	@Test
	void rollupsStayExactThroughImportsUpdatesAndOverwrites() {
		String prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";
		DatasetFixtures fixtures = new DatasetFixtures(prefix);
		IncidentStatsFixtures stats = new IncidentStatsFixtures(this.jdbc);
		importFile(
				DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("1"),
						fixtures.gedEvent("2", "type_of_violence", "3", "side_b", "Civilians", "deaths_b", "0",
								"deaths_civilians", "5", "best", "5", "low", "5", "high", "5"),
						fixtures.gedEvent("3", "iso3", "", "country", "India", "adm_1", "Jammu and Kashmir"))),
				OnConflict.KEEP);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();

		// a newer release moves an event to another day and country and changes its
		// deaths
		importFile(
				DatasetFixtures.gedHdxFile(List.of(
						fixtures.gedEvent("1", "date_start", "1991-01-02 00:00:00.000", "date_end",
								"1991-01-02 00:00:00.000", "deaths_a", "3", "best", "5", "low", "5", "high", "9"),
						fixtures.gedEvent("3", "iso3", "IND", "deaths_b", "0", "deaths_unknown", "4", "best", "4"))),
				OnConflict.KEEP);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();

		this.jdbc.sql("update incident set title = 'edited', version = version + 1 where external_id = :id")
			.param("id", prefix + "2")
			.update();
		importFile(DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("2", "type_of_violence", "2"))),
				OnConflict.OVERWRITE);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();
	}

	@Test
	void readModelsStayExactWhenImportsAndSingleWritesThroughTheApiMeet() {
		String prefix = "m" + UUID.randomUUID().toString().substring(0, 8) + "-";
		DatasetFixtures fixtures = new DatasetFixtures(prefix);
		IncidentStatsFixtures stats = new IncidentStatsFixtures(this.jdbc);
		Api api = new Api(this.port);
		importFile(
				DatasetFixtures.gedHdxFile(
						List.of(fixtures.gedEvent("1"), fixtures.gedEvent("2"),
								fixtures.gedEvent("3", "type_of_violence", "3", "side_b", "Civilians", "deaths_b", "0",
										"deaths_civilians", "4", "best", "4", "low", "4", "high", "4"))),
				OnConflict.KEEP);
		String first = incidentId(prefix + "1");
		String second = incidentId(prefix + "2");

		// an editor corrects one imported incident through the API: its date, place and
		// figures
		Api.Response edited = api.patch("/api/v1/incidents/" + first,
				"""
						{"startDate": "1990-11-20", "endDate": "1990-11-21",
						 "location": {"placeName": "Kel", "admin1": "Azad Kashmir", "country": "PAK", "countries": ["PAK", "IND"]},
						 "casualties": [{"category": "CIVILIANS", "outcome": "KILLED", "best": 7},
						                {"category": "CIVILIANS", "outcome": "WOUNDED", "best": 2}]}""",
				"If-Match", "\"0\"");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		// and deletes another; a new incident is entered by hand
		assertThat(api.delete("/api/v1/incidents/" + second, "If-Match", "\"0\"").status()).isEqualTo(204);
		Api.Response created = api.post("/api/v1/incidents", """
				{"title": "Hand-entered %s", "startDate": "1990-10-04", "datePrecision": "DAY",
				 "eventType": "BATTLES", "subEventType": "ARMED_CLASH",
				 "location": {"admin1": "Azad Jammu & Kashmir", "country": "PAK"},
				 "casualties": [{"category": "MILITANTS", "outcome": "KILLED", "best": 3}]}""".formatted(prefix));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();

		// a newer release changes figures and dates of all three: the edited one is a
		// conflict and kept, the deleted one comes back, the third moves
		importFile(DatasetFixtures.gedHdxFile(List.of(
				fixtures.gedEvent("1", "deaths_b", "9", "best", "9", "low", "9", "high", "9"),
				fixtures.gedEvent("2", "date_start", "1991-03-01 00:00:00.000", "date_end", "1991-03-02 00:00:00.000"),
				fixtures.gedEvent("3", "type_of_violence", "3", "side_b", "Civilians", "deaths_b", "0",
						"deaths_civilians", "6", "best", "6", "low", "5", "high", "8", "date_start",
						"1990-12-01 00:00:00.000", "date_end", "1990-12-01 00:00:00.000"))),
				OnConflict.KEEP);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();
		assertThat(this.jdbc.sql("select fatalities from incident where id = :id::uuid")
			.param("id", first)
			.query(Integer.class)
			.single()).as("edited in BorderWatch: kept").isEqualTo(7);

		// the editor's version is overwritten by the next import, and edited again
		importFile(DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("1", "iso3", "", "country", "India"))),
				OnConflict.OVERWRITE);
		Api.Response again = api.patch("/api/v1/incidents/" + first, """
				{"casualties": []}""", "If-Match", "\"2\"");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(stats.rollupDifferences()).isEmpty();
		assertThat(timelineDifferences()).isEmpty();
	}

	private String incidentId(String externalId) {
		return this.jdbc.sql("select id::text from incident where external_dataset = 'UCDP-GED' and external_id = :id")
			.param("id", externalId)
			.query(String.class)
			.single();
	}

	/**
	 * The timeline entries and facets kept by the triggers (and by imports' deferred
	 * refresh) that differ from those rebuilt from the source tables in one pass.
	 */
	private List<String> timelineDifferences() {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			this.jdbc.sql("create temporary table kept_entries on commit drop as select * from timeline_entry")
				.update();
			this.jdbc.sql("create temporary table kept_facets on commit drop as select * from timeline_facet").update();
			this.jdbc.sql("select 1 from timeline_rebuild()").query(Integer.class).single();
			List<String> found = this.jdbc.sql(TIMELINE_DIFFERENCES).query(String.class).list();
			status.setRollbackOnly();
			return found;
		});
	}

}
