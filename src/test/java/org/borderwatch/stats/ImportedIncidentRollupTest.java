package org.borderwatch.stats;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.importing.DatasetFixtures;
import org.borderwatch.importing.ImportEngine;
import org.borderwatch.importing.ImportFormat;
import org.borderwatch.importing.ImportOptions;
import org.borderwatch.importing.ImportProgress;
import org.borderwatch.importing.OnConflict;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-based imports keep the statistics rollups exact: after creating, updating and
 * overwriting imported incidents, the rollups equal a GROUP BY over the raw tables.
 */
class ImportedIncidentRollupTest extends IntegrationTest {

	@Autowired
	private ImportEngine engine;

	@Autowired
	private JdbcClient jdbc;

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

		// a newer release moves an event to another day and country and changes its
		// deaths
		importFile(
				DatasetFixtures.gedHdxFile(List.of(
						fixtures.gedEvent("1", "date_start", "1991-01-02 00:00:00.000", "date_end",
								"1991-01-02 00:00:00.000", "deaths_a", "3", "best", "5", "low", "5", "high", "9"),
						fixtures.gedEvent("3", "iso3", "IND", "deaths_b", "0", "deaths_unknown", "4", "best", "4"))),
				OnConflict.KEEP);
		assertThat(stats.rollupDifferences()).isEmpty();

		this.jdbc.sql("update incident set title = 'edited', version = version + 1 where external_id = :id")
			.param("id", prefix + "2")
			.update();
		importFile(DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("2", "type_of_violence", "2"))),
				OnConflict.OVERWRITE);
		assertThat(stats.rollupDifferences()).isEmpty();
	}

}
