package org.borderwatch.timeline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

/**
 * Reads a {@code timeline_entry} row (as {@link TimelineSql} selects it: its columns, in
 * their order) into a {@link TimelineEntry}.
 */
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
		// by position, in TimelineSql.COLUMNS order: fifteen name lookups per row, fifty
		// rows a page
		TimelineKind kind = TimelineKind.valueOf(rs.getString(1));
		UUID recordId = rs.getObject(2, UUID.class);
		String precision = rs.getString(5);
		String placeName = rs.getString(11);
		Double latitude = rs.getObject(12, Double.class);
		Double longitude = rs.getObject(13, Double.class);
		TimelineEntry.Location location = (placeName != null || latitude != null || longitude != null)
				? new TimelineEntry.Location(placeName, latitude, longitude) : null;
		return new TimelineEntry(kind, recordId, rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
				(precision != null) ? DatePrecision.valueOf(precision) : null,
				instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7), rs.getString(8),
				strings(rs.getArray(9)), location, new RawJson(rs.getBytes(10)), rs.getObject(14, Integer.class),
				kind.link(recordId, rs.getObject(15, UUID.class)));
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	/** The actors of an entry, parsed (the entry itself keeps them as JSON text). */
	List<TimelineEntry.EntryActor> actors(TimelineEntry entry) {
		return this.json.readValue(entry.actors().asUnquotedUTF8(), ACTORS);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
