package org.borderwatch.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatTest {

	@Test
	void jsonForAnythingForJsonAndForNoAcceptAtAll() {
		assertThat(ExportFormat.negotiate(null)).isEmpty();
		assertThat(ExportFormat.negotiate("")).isEmpty();
		assertThat(ExportFormat.negotiate("*/*")).isEmpty();
		assertThat(ExportFormat.negotiate("application/json")).isEmpty();
		assertThat(ExportFormat.negotiate("application/*")).isEmpty();
		assertThat(ExportFormat.negotiate("not a media type")).isEmpty();
	}

	@Test
	void theExportTypeTheClientNames() {
		assertThat(ExportFormat.negotiate("text/csv")).hasValue(ExportFormat.CSV);
		assertThat(ExportFormat.negotiate("application/geo+json")).hasValue(ExportFormat.GEOJSON);
		assertThat(ExportFormat.negotiate("application/x-ndjson")).hasValue(ExportFormat.NDJSON);
		assertThat(ExportFormat.negotiate("text/csv, */*;q=0.1")).hasValue(ExportFormat.CSV);
	}

	@Test
	void theHighestQualityDecides() {
		assertThat(ExportFormat.negotiate("application/json;q=0.5, text/csv;q=0.9")).hasValue(ExportFormat.CSV);
		assertThat(ExportFormat.negotiate("application/json, text/csv;q=0.9")).isEmpty();
		assertThat(ExportFormat.negotiate("text/csv;q=0, application/x-ndjson")).hasValue(ExportFormat.NDJSON);
	}

	@Test
	void aRangeThatLeavesJsonOutMeansTheExportItTakes() {
		assertThat(ExportFormat.negotiate("text/*")).hasValue(ExportFormat.CSV);
		assertThat(ExportFormat.negotiate("text/*;q=0.9, application/json;q=0.5")).hasValue(ExportFormat.CSV);
	}

}
