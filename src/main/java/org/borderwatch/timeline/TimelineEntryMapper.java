package org.borderwatch.timeline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import org.borderwatch.common.DatePrecision;

/** Reads a {@code timeline_entry} row (as {@link TimelineSql} selects it) into a {@link TimelineEntry}. */
@Component
class TimelineEntryMapper implements RowMapper<TimelineEntry> {

	private static final TypeReference<List<TimelineEntry.EntryActor>> ACTORS = new TypeReference<>() {
	};

	private final JsonMapper json;

	TimelineEntryMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public TimelineEntry mapRow(ResultSet rs, int rowNum) throws SQLException {
		TimelineKind kind = TimelineKind.valueOf(rs.getString("kind"));
		UUID recordId = rs.getObject("record_id", UUID.class);
		String precision = rs.getString("date_precision");
		String placeName = rs.getString("place_name");
		Double latitude = rs.getObject("latitude", Double.class);
		Double longitude = rs.getObject("longitude", Double.class);
		TimelineEntry.Location location = (placeName != null || latitude != null || longitude != null)
				? new TimelineEntry.Location(placeName, latitude, longitude) : null;
		return new TimelineEntry(kind, recordId, rs.getObject("day", LocalDate.class),
				rs.getObject("end_day", LocalDate.class), (precision != null) ? DatePrecision.valueOf(precision) : null,
				(kind == TimelineKind.CROSSING_STATUS_CHANGED)
						? rs.getObject("instant", OffsetDateTime.class).toInstant() : null,
				rs.getString("title"), rs.getString("summary"), strings(rs.getArray("countries")), location,
				rs.getString("actors"), rs.getObject("fatalities", Integer.class),
				kind.link(recordId, rs.getObject("crossing_id", UUID.class)));
	}

	/** The actors of an entry, parsed (the entry itself keeps them as JSON text). */
	List<TimelineEntry.EntryActor> actors(TimelineEntry entry) {
		return this.json.readValue(entry.actors(), ACTORS);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
