package org.borderwatch.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.borderwatch.common.CursorCodec;
import org.borderwatch.common.BoundingBox;
import org.borderwatch.common.BrokenReferenceException;
import org.borderwatch.common.Countries;
import org.borderwatch.export.CsvWriter;
import org.borderwatch.export.ExportFormat;
import org.borderwatch.common.FieldError;
import org.borderwatch.export.GeoJsonWriter;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.Near;
import org.borderwatch.export.NdjsonWriter;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;
import org.borderwatch.export.StreamingExport;

/**
 * Reads the timeline: one page at a time (one statement, plus one per record-relative
 * bound and one for a per-record timeline's record), or as a streamed export of every
 * matching entry.
 * <p>
 * Pages run without a transaction: their statements are independent reads (at READ
 * COMMITTED a transaction would not even share a snapshot between them), and the JPA
 * transaction around them cost an eighth of a page's CPU time. Exports open their own
 * snapshot transaction.
 */
@Service
class TimelineService {

	/**
	 * The response header of a GeoJSON export that counts the entries left out for want
	 * of coordinates.
	 */
	static final String WITHOUT_COORDINATES_HEADER = "X-Features-Without-Coordinates";

	private static final Object[] CSV_HEADER = { "kind", "record_id", "date", "end_date", "date_precision", "title",
			"summary", "countries", "actors", "latitude", "longitude", "fatalities", "link" };

	private final JdbcClient jdbc;

	private final TimelineEntryMapper mapper;

	private final StreamingExport exports;

	private final JsonMapper json;

	private final CursorCodec cursors;

	TimelineService(JdbcClient jdbc, TimelineEntryMapper mapper, StreamingExport exports, JsonMapper json,
			CursorCodec cursors) {
		this.cursors = cursors;
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.exports = exports;
		this.json = json;
	}

	/**
	 * Checks and resolves the filters: 400 naming the parameter for malformed values, 422
	 * naming {@code from}/{@code to} for a record reference to nothing.
	 */
	TimelineFilter filter(TimelineParams params) {
		Set<TimelineKind> kinds = EnumSet.copyOf(params.kinds());
		DateBound fromBound = DateBound.parse("from", params.from());
		DateBound toBound = DateBound.parse("to", params.to());
		List<String> countries = Countries.parseFilter("country", params.countryValues());
		List<UUID> actors = params.actors();
		BoundingBox bbox = BoundingBox.parse("bbox", params.bbox());
		Integer minFatalities = params.minFatalitiesValue();
		if (params.q() != null && params.q().length() > 500) {
			throw InvalidInputException.forField("q", "must be at most 500 characters");
		}
		List<FieldError> broken = new ArrayList<>();
		LocalDate from = resolve("from", fromBound, broken);
		LocalDate to = resolve("to", toBound, broken);
		if (!broken.isEmpty()) {
			throw BrokenReferenceException.forFields(broken);
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidInputException.forField("to", "must not be before from (" + from + ")");
		}
		return new TimelineFilter(kinds, from, to, countries, actors, params.q(), bbox, minFatalities,
				Near.parse("near", params.near()));
	}

	private LocalDate resolve(String param, DateBound bound, List<FieldError> broken) {
		if (bound == null) {
			return null;
		}
		if (!bound.isRecord()) {
			return bound.date();
		}
		List<LocalDate> dates = this.jdbc.sql(bound.recordType().dateSql())
			.param("id", bound.recordId())
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.list();
		if (dates.isEmpty()) {
			broken.add(new FieldError(param,
					"no " + bound.recordType().prefix().replace('-', ' ') + " with id " + bound.recordId()));
			return null;
		}
		if (dates.get(0) == null) {
			broken.add(new FieldError(param, bound.describe() + " has no date to start or end at"));
			return null;
		}
		return dates.get(0);
	}

	/** One page of entries in feed order. */
	PageResponse<TimelineEntry> page(TimelineFilter filter, TimelineScope scope, SortOrder order, int limit,
			String cursor) {
		TimelineKey after = (cursor != null)
				? TimelineKey.fromCursor(this.cursors.decode(cursor, TimelineKey.VALUES), order) : null;
		TimelineSql.Statement statement = TimelineSql.of(filter, scope).page(order, after, limit + 1);
		List<TimelineEntry> rows = this.jdbc.sql(statement.sql()).params(statement.params()).query(this.mapper).list();
		return PageResponse.fromLookahead(rows, limit, this.cursors, (entry) -> entry.key().toCursor(order));
	}

	/** The scope of an actor's timeline; 404 for an unknown actor. */
	TimelineScope actorScope(UUID id) {
		requireExists("actor", "select count(*) from actor where id = :id", id);
		return TimelineScope.actor(id);
	}

	/** The scope of a ceasefire's timeline; 404 for an unknown ceasefire. */
	TimelineScope ceasefireScope(UUID id) {
		requireExists("ceasefire", "select count(*) from ceasefire where id = :id", id);
		return TimelineScope.ceasefire(id);
	}

	/**
	 * The scope of a crossing's timeline: where it is and since when it has a history;
	 * 404 for an unknown crossing.
	 */
	TimelineScope crossingScope(UUID id) {
		return this.jdbc.sql("""
				select bc.latitude, bc.longitude,
				       (select min(s.effective_from) from crossing_status_change s where s.crossing_id = bc.id) as since
				from border_crossing bc where bc.id = :id""")
			.param("id", id)
			.query((rs, row) -> TimelineScope.crossing(id, rs.getObject("latitude", Double.class),
					rs.getObject("longitude", Double.class), sinceDate(rs)))
			.optional()
			.orElseThrow(() -> NotFoundException.of("border crossing", id));
	}

	private static LocalDate sinceDate(ResultSet rs) throws SQLException {
		OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
		return (since != null) ? since.atZoneSameInstant(ZoneOffset.UTC).toLocalDate() : null;
	}

	private void requireExists(String resource, String sql, UUID id) {
		if (this.jdbc.sql(sql).param("id", id).query(Long.class).single() == 0) {
			throw NotFoundException.of(resource, id);
		}
	}

	/**
	 * Every matching entry, streamed in feed order; {@code limit} and {@code cursor} do
	 * not apply. A GeoJSON export leaves out entries without coordinates and counts them
	 * in the {@value #WITHOUT_COORDINATES_HEADER} header, counted first in the export's
	 * own snapshot.
	 */
	StreamingResponseBody export(ExportFormat format, TimelineFilter filter, TimelineScope scope, SortOrder order,
			String baseName, HttpServletResponse response) {
		TimelineSql sql = TimelineSql.of(filter, scope);
		return this.exports.stream(format, baseName, response, (out, headers) -> {
			switch (format) {
				case CSV -> writeCsv(sql.export(order, TimelineSql.Coordinates.ANY), out);
				case NDJSON -> writeNdjson(sql.export(order, TimelineSql.Coordinates.ANY), out);
				case GEOJSON -> {
					TimelineSql.Statement count = sql.countWithoutCoordinates();
					headers.set(WITHOUT_COORDINATES_HEADER,
							String.valueOf(this.exports.count(count.sql(), count.params())));
					writeGeoJson(sql.export(order, TimelineSql.Coordinates.PRESENT), out);
				}
			}
		});
	}

	private void writeCsv(TimelineSql.Statement statement, OutputStream out) throws IOException {
		CsvWriter csv = new CsvWriter(out);
		csv.row(CSV_HEADER);
		stream(statement, (entry) -> {
			TimelineEntry.Location location = entry.location();
			csv.row(entry.kind(), entry.recordId(), entry.date(), entry.endDate(), entry.datePrecision(), entry.title(),
					entry.summary(), entry.countries(),
					this.mapper.actors(entry).stream().map(TimelineEntry.EntryActor::describe).toList(),
					(location != null) ? location.latitude() : null, (location != null) ? location.longitude() : null,
					entry.fatalities(), entry.link());
		});
		csv.flush();
	}

	private void writeNdjson(TimelineSql.Statement statement, OutputStream out) throws IOException {
		NdjsonWriter ndjson = new NdjsonWriter(out, this.json);
		stream(statement, ndjson::write);
		ndjson.flush();
	}

	private void writeGeoJson(TimelineSql.Statement statement, OutputStream out) throws IOException {
		GeoJsonWriter geojson = new GeoJsonWriter(out, this.json);
		geojson.begin();
		stream(statement, (entry) -> {
			if (entry.hasCoordinates()) {
				geojson.feature(entry.recordId(), entry.location().longitude(), entry.location().latitude(), entry);
			}
		});
		geojson.end();
		geojson.flush();
	}

	/** Hands each row to {@code sink} as it arrives from the database cursor. */
	private void stream(TimelineSql.Statement statement, EntrySink sink) {
		int[] row = { 0 };
		this.exports.query(statement.sql(), statement.params(), (rs) -> {
			try {
				sink.accept(this.mapper.mapRow(rs, row[0]++));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@FunctionalInterface
	private interface EntrySink {

		void accept(TimelineEntry entry) throws IOException;

	}

}
