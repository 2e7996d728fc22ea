package org.borderwatch.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.PageResponse;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written entry serializer writes exactly what Jackson's record serialisation
 * wrote before it, with the application's own mapper: same fields, order, nulls and
 * formats, byte for byte.
 */
class TimelineEntrySerializerTest extends IntegrationTest {

	@Autowired
	private JsonMapper json;

	/**
	 * A TimelineEntry as plain Jackson serialises a record: the reference shape (the
	 * instant shown for crossing changes only, the sort position of the others not).
	 */
	record PlainEntry(TimelineKind kind, UUID recordId, LocalDate date, LocalDate endDate, DatePrecision datePrecision,
			Instant instant, String title, String summary, List<String> countries, TimelineEntry.Location location,
			@JsonRawValue String actors, Integer fatalities, String link) {

		static PlainEntry of(TimelineEntry entry) {
			return new PlainEntry(entry.kind(), entry.recordId(), entry.date(), entry.endDate(), entry.datePrecision(),
					(entry.kind() == TimelineKind.CROSSING_STATUS_CHANGED) ? entry.instant() : null, entry.title(),
					entry.summary(), entry.countries(), entry.location(), entry.actors().toString(), entry.fatalities(),
					entry.link());
		}

	}

	private static final UUID ID = UUID.fromString("0199f1c2-7d3a-7c4e-9b1a-2f6d8e4c1a05");

	private static final TimelineEntry INCIDENT = new TimelineEntry(TimelineKind.INCIDENT, ID,
			LocalDate.of(2025, 10, 11), LocalDate.of(2025, 10, 12), DatePrecision.DAY, null,
			"Clash at \"Zero Point\" \\ Angoor Adda\u0007",
			"Battles / Armed clash; Spīn Boldak, Kandahār, AFG; 23 killed", List.of("AFG", "PAK"),
			new TimelineEntry.Location("Spīn Boldak", 31.0061, 66.3997),
			RawJson.of("[{\"id\": \"" + ID + "\", \"name\": \"Afghan Taliban — ṭālibān\", \"part\": \"INITIATOR\"}]"),
			23, "/api/v1/incidents/" + ID);

	private static final TimelineEntry CROSSING_CHANGE = new TimelineEntry(TimelineKind.CROSSING_STATUS_CHANGED, ID,
			LocalDate.of(2025, 10, 12), null, DatePrecision.DAY, Instant.parse("2025-10-12T04:30:15.123456789Z"),
			"Torkham CLOSED", "Closed to all traffic", List.of("AFG", "PAK"),
			new TimelineEntry.Location("Torkham", null, null), RawJson.of("[]"), null,
			"/api/v1/crossings/" + ID + "/status-changes/" + ID);

	private static final TimelineEntry BARE = new TimelineEntry(TimelineKind.TALKS_ROUND, ID, LocalDate.of(2025, 11, 6),
			null, null, Instant.parse("2025-11-06T00:00:00Z"), "", null, List.of(), null, RawJson.of("[]"), null, null);

	@Test
	void writesEachEntryAsRecordSerialisationDid() {
		for (TimelineEntry entry : List.of(INCIDENT, CROSSING_CHANGE, BARE)) {
			assertThat(this.json.writeValueAsString(entry))
				.isEqualTo(this.json.writeValueAsString(PlainEntry.of(entry)));
		}
	}

	@Test
	void writesAPageAsRecordSerialisationDid() {
		PageResponse<TimelineEntry> page = new PageResponse<>(List.of(INCIDENT, CROSSING_CHANGE, BARE), "next");
		assertThat(this.json.writeValueAsString(page))
			.isEqualTo(this.json.writeValueAsString(page.map(PlainEntry::of)));
	}

	@Test
	void passesTheActorsThroughAndReadsThemBack() {
		String written = this.json.writeValueAsString(INCIDENT);

		assertThat(this.json.readTree(written).path("actors").path(0).path("name").asString())
			.isEqualTo("Afghan Taliban — ṭālibān");
		assertThat(INCIDENT.actors().toString()).contains("ṭālibān");
	}

}
