package org.borderwatch.importing;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UCDP GED files through the engine into the database: one incident per event, figures by
 * side with UCDP's range, actors by UCDP id, sources; re-imports that change nothing,
 * updates, conflicts and strict mode.
 */
class UcdpGedImportTest extends IntegrationTest {

	@Autowired
	private ImportEngine engine;

	@Autowired
	private JdbcClient jdbc;

	private String prefix;

	private DatasetFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.fixtures = new DatasetFixtures(this.prefix);
	}

	private List<Map<String, String>> events() {
		return List.of(this.fixtures.gedEvent("1"),
				this.fixtures.gedEvent("2", "type_of_violence", "3", "side_b", "Civilians", "side_b_new_id", "1",
						"deaths_a", "0", "deaths_b", "0", "deaths_civilians", "5", "best", "5", "low", "4", "high", "7",
						"date_prec", "4", "date_start", "1991-03-01 00:00:00.000", "date_end",
						"1991-03-31 00:00:00.000"),
				this.fixtures.gedEvent("3", "date_start", "yesterday"));
	}

	private ImportReport importFile(byte[] file, boolean strict, OnConflict onConflict) {
		return this.engine.run(new ImportOptions(UUID.randomUUID(), ImportFormat.UCDP_GED, "ged.csv", "22.1", strict,
				onConflict, "importer"), new ByteArrayInputStream(file), ImportProgress.NONE);
	}

	private Map<String, Object> incident(String id) {
		return this.jdbc.sql("select * from incident where external_dataset = 'UCDP-GED' and external_id = :id")
			.param("id", this.prefix + id)
			.query()
			.singleRow();
	}

	@Test
	void importsOneIncidentPerEventAndExplainsTheRejectedRow() {
		ImportReport report = importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);

		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.rejected()).isEqualTo(1);
		// header line 1, HXL line 2, two events of two lines each (a headline with a line
		// break)
		assertThat(report.rejectedRows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(7);
			assertThat(row.column()).isEqualTo("date_start");
			assertThat(row.reason()).contains("yesterday");
		});
		Map<String, Object> first = incident("1");
		assertThat(first).containsEntry("event_type", "BATTLES")
			.containsEntry("sub_event_type", "ARMED_CLASH")
			.containsEntry("country", "PAK")
			.containsEntry("geo_precision", "NEAR")
			.containsEntry("fatalities", 2)
			.containsEntry("start_date", java.sql.Date.valueOf("1990-10-04"));
		Map<String, Object> oneSided = incident("2");
		assertThat(oneSided).containsEntry("event_type", "VIOLENCE_AGAINST_CIVILIANS")
			.containsEntry("date_precision", "MONTH")
			.containsEntry("end_date", java.sql.Date.valueOf("1991-03-31"));
		var range = this.jdbc.sql("""
				select category, low, best, high, side_actor_id is not null as has_side
				from casualty_figure where incident_id = :id order by position""")
			.param("id", first.get("id"))
			.query()
			.listOfRows();
		assertThat(range).singleElement()
			.satisfies((figure) -> assertThat(figure).containsEntry("category", "SECURITY_FORCES")
				.containsEntry("low", 1)
				.containsEntry("best", 2)
				.containsEntry("high", 3)
				.containsEntry("has_side", true));
		var roles = this.jdbc.sql("""
				select a.name, a.kind, ia.role from incident_actor ia join actor a on a.id = ia.actor_id
				where ia.incident_id = :id order by ia.position""")
			.param("id", oneSided.get("id"))
			.query()
			.listOfRows();
		assertThat(roles).extracting((row) -> row.get("kind") + "/" + row.get("role"))
			.containsExactly("GOVERNMENT/INITIATOR", "CIVILIANS/TARGET");
		var sources = this.jdbc.sql("""
				select s.kind, s.title from incident_source x join source s on s.id = x.source_id
				where x.incident_id = :id order by s.kind""").param("id", first.get("id")).query().listOfRows();
		assertThat(sources).extracting((row) -> row.get("kind")).containsExactlyInAnyOrder("DATASET", "NEWS_AGENCY");
		assertThat(sources).extracting((row) -> row.get("title")).contains("Pakistan says Indian\nfiring killed two");
	}

	@Test
	void reimportOfTheSameFileChangesNothing() {
		byte[] file = DatasetFixtures.gedHdxFile(events());
		importFile(file, false, OnConflict.KEEP);
		long actors = this.jdbc.sql("select count(*) from actor").query(Long.class).single();
		Object version = incident("1").get("version");

		ImportReport again = importFile(file, false, OnConflict.KEEP);

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.actorsCreated()).isZero();
		assertThat(this.jdbc.sql("select count(*) from actor").query(Long.class).single()).isEqualTo(actors);
		assertThat(incident("1").get("version")).isEqualTo(version);
	}

	@Test
	void mergesTheSearchIndexesPendingEntriesBeforeItCommitsAndKeepsItsSettingsToItself() {
		this.jdbc.sql("create extension if not exists pgstattuple").update();

		importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);

		// under the import's 64MB limit its GIN entries would still wait in the pending
		// lists, which every search reads row by row
		long pending = this.jdbc.sql("""
				select coalesce(sum((pgstatginindex(i.indexrelid)).pending_tuples), 0)
				from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
				where a.amname = 'gin' and i.indrelid in ('incident'::regclass, 'timeline_entry'::regclass)""")
			.query(Long.class)
			.single();
		assertThat(pending).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from incident
				where search @@ to_tsquery('english', 'pakistan') and external_id like :prefix || '%'""")
			.param("prefix", this.prefix)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("show gin_pending_list_limit").query(String.class).single()).isEqualTo("4MB");
	}

	@Test
	void theWebExportOfTheSameEventsChangesNothing() {
		importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);

		ImportReport web = importFile(DatasetFixtures.gedWebExportFile(events()), false, OnConflict.KEEP);

		assertThat(web.rejected()).isEqualTo(1);
		assertThat(web.unchanged()).isEqualTo(2);
		assertThat(web.created() + web.updated()).isZero();
	}

	@Test
	void aNewerFileUpdatesWhatChangedAsANewVersion() {
		importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);
		long before = ((Number) incident("1").get("version")).longValue();
		List<Map<String, String>> newer = List
			.of(this.fixtures.gedEvent("1", "deaths_b", "4", "best", "4", "low", "4", "high", "6"), events().get(1));

		ImportReport report = importFile(DatasetFixtures.gedHdxFile(newer), false, OnConflict.KEEP);

		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.unchanged()).isEqualTo(1);
		assertThat(incident("1")).containsEntry("fatalities", 4).containsEntry("version", before + 1);
	}

	@Test
	void keepsRecordsEditedSinceTheLastImportAndReportsThemAsConflicts() {
		importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);
		this.jdbc
			.sql("update incident set title = 'Edited by an analyst', version = version + 1 where external_id = :id")
			.param("id", this.prefix + "1")
			.update();
		byte[] newer = DatasetFixtures
			.gedHdxFile(List.of(this.fixtures.gedEvent("1", "deaths_b", "4", "best", "4", "low", "4", "high", "6")));

		ImportReport kept = importFile(newer, false, OnConflict.KEEP);

		assertThat(kept.conflicts()).isEqualTo(1);
		assertThat(kept.conflictIds()).containsExactly(this.prefix + "1");
		assertThat(incident("1")).containsEntry("title", "Edited by an analyst").containsEntry("fatalities", 2);

		ImportReport overwritten = importFile(newer, false, OnConflict.OVERWRITE);

		assertThat(overwritten.updated()).isEqualTo(1);
		assertThat(incident("1")).containsEntry("fatalities", 4);
		assertThat((String) incident("1").get("title")).doesNotContain("analyst");
	}

	@Test
	void strictImportStopsAtTheFirstRejectedRowAndWritesNothing() {
		assertThatThrownBy(() -> importFile(DatasetFixtures.gedHdxFile(events()), true, OnConflict.KEEP))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("line 7")
			.hasMessageContaining("date_start");

		assertThat(this.jdbc.sql("select count(*) from incident where external_id like :p")
			.param("p", this.prefix + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from actor_external_id where external_id like :p")
			.param("p", this.prefix + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void resolvesActorsByTheirUcdpIdAfterARename() {
		importFile(DatasetFixtures.gedHdxFile(events()), false, OnConflict.KEEP);
		this.jdbc.sql("update actor set name = :name where name = :old")
			.param("name", "Renamed " + this.prefix)
			.param("old", "Government of " + this.prefix + "A")
			.update();
		List<Map<String, String>> newer = List.of(this.fixtures.gedEvent("4"));

		ImportReport report = importFile(DatasetFixtures.gedHdxFile(newer), false, OnConflict.KEEP);

		assertThat(report.actorsCreated()).isZero();
		assertThat(this.jdbc.sql("""
				select a.name from incident i join incident_actor ia on ia.incident_id = i.id
				join actor a on a.id = ia.actor_id where i.external_id = :id order by ia.position""")
			.param("id", this.prefix + "4")
			.query(String.class)
			.list()).containsExactly("Renamed " + this.prefix, "Government of " + this.prefix + "B");
	}

}
