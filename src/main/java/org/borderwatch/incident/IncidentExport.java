package org.borderwatch.incident;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.borderwatch.export.CsvWriter;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.export.ExportFormat;
import org.borderwatch.export.GeoJsonWriter;
import org.borderwatch.export.NdjsonWriter;
import org.borderwatch.common.SqlFilter;
import org.borderwatch.export.StreamingExport;

/**
 * The incident list as a bulk export: every incident the list's {@link IncidentFilter}
 * selects, in the list's order (start date, then id, descending), one flat ACLED-like row
 * per incident.
 * <p>
 * Each incident is one SQL row: its actor names, the curated fatality range, who claimed
 * it and its sources are aggregated in the statement itself, so the export runs one query
 * whatever its size and streams it through {@link StreamingExport} in constant memory.
 */
@Component
class IncidentExport {

	/**
	 * The response header of a GeoJSON export that counts the incidents left out for want
	 * of coordinates.
	 */
	static final String WITHOUT_COORDINATES_HEADER = "X-Features-Without-Coordinates";

	/** The CSV header, in the order of {@link Row#csvValues()}. */
	static final String[] CSV_COLUMNS = { "event_id_cnty", "event_date", "end_date", "time_precision", "event_type",
			"sub_event_type", "actor1", "actor2", "assoc_actors", "country", "countries", "admin1", "admin2",
			"location", "latitude", "longitude", "geo_precision", "fatalities", "wounded", "fatalities_low",
			"fatalities_high", "verification", "claimed_by", "tags", "source_ids", "external_dataset", "external_id",
			"notes", "title" };

	private static final String BASE_NAME = "incidents";

	/*
	 * The fatality range is what IncidentResponse.fatalitiesRange shows (CasualtyTotal.of
	 * over the curated KILLED figures): a figure without a low or high end counts its
	 * best estimate there. Laterals and array subqueries run per incident in the
	 * database, along the list's index order.
	 */
	private static final String SELECT = """
			select i.id, i.start_date, i.end_date, i.date_precision, i.event_type, i.sub_event_type,
			       coalesce(actors.initiators, '{}') as actor1,
			       coalesce(actors.targets, '{}') as actor2,
			       coalesce(actors.participants, '{}') as assoc_actors,
			       i.country, i.countries, i.admin1, i.admin2, i.place_name, i.latitude, i.longitude, i.geo_precision,
			       i.fatalities, i.wounded, killed.low as fatalities_low, killed.high as fatalities_high,
			       i.verification,
			       array(select a.name from incident_claim c join actor a on a.id = c.actor_id
			             where c.incident_id = i.id and c.stance = 'CLAIMS_RESPONSIBILITY'
			             group by a.name order by min(c.position)) as claimed_by,
			       i.tags,
			       array(select s.source_id from incident_source s where s.incident_id = i.id
			             order by s.source_id) as source_ids,
			       i.external_dataset, i.external_id, i.description, i.title
			from incident i
			left join lateral (
			    select array_agg(a.name order by ia.position) filter (where ia.role = 'INITIATOR') as initiators,
			           array_agg(a.name order by ia.position) filter (where ia.role = 'TARGET') as targets,
			           array_agg(a.name order by ia.position) filter (where ia.role = 'PARTICIPANT') as participants
			    from incident_actor ia join actor a on a.id = ia.actor_id
			    where ia.incident_id = i.id) actors on true
			cross join lateral (
			    select sum(coalesce(f.low, f.best))::integer as low, sum(coalesce(f.high, f.best))::integer as high
			    from casualty_figure f
			    where f.incident_id = i.id and f.claimant_actor_id is null and f.outcome = 'KILLED') killed
			%s
			order by i.start_date desc, i.id desc""";

	private final StreamingExport exports;

	private final JsonMapper json;

	IncidentExport(StreamingExport exports, JsonMapper json) {
		this.exports = exports;
		this.json = json;
	}

	/**
	 * Streams every incident {@code filter} selects as {@code format}. The filter must be
	 * parsed already: from here on the status is 200. A GeoJSON export leaves out
	 * incidents without coordinates and counts them in the
	 * {@value #WITHOUT_COORDINATES_HEADER} header, counted first in the export's own
	 * snapshot so that the count agrees with the features.
	 */
	StreamingResponseBody stream(ExportFormat format, IncidentFilter filter, HttpServletResponse response) {
		return this.exports.stream(format, BASE_NAME, response, (out, headers) -> {
			switch (format) {
				case CSV -> writeCsv(filter.toSql(), out);
				case NDJSON -> writeNdjson(filter.toSql(), out);
				case GEOJSON -> {
					SqlFilter without = filter.toSql().and("i.longitude is null", Map.of());
					long missing = this.exports.count("select count(*) from incident i " + without.where(),
							without.params());
					headers.set(WITHOUT_COORDINATES_HEADER, String.valueOf(missing));
					writeGeoJson(filter.toSql().and("i.longitude is not null", Map.of()), out);
				}
			}
		});
	}

	private void writeCsv(SqlFilter where, OutputStream out) throws IOException {
		CsvWriter csv = new CsvWriter(out);
		csv.row((Object[]) CSV_COLUMNS);
		rows(where, (row) -> csv.row(row.csvValues()));
		csv.flush();
	}

	private void writeNdjson(SqlFilter where, OutputStream out) throws IOException {
		NdjsonWriter ndjson = new NdjsonWriter(out, this.json);
		rows(where, ndjson::write);
		ndjson.flush();
	}

	private void writeGeoJson(SqlFilter where, OutputStream out) throws IOException {
		GeoJsonWriter geojson = new GeoJsonWriter(out, this.json);
		geojson.begin();
		rows(where, (row) -> geojson.feature(row.eventIdCnty(), row.longitude(), row.latitude(), row));
		geojson.end();
		geojson.flush();
	}

	/** Hands each incident to {@code sink} as it arrives from the database cursor. */
	private void rows(SqlFilter where, RowSink sink) {
		this.exports.query(SELECT.formatted(where.where()), where.params(), (rs) -> {
			try {
				sink.accept(Row.of(rs));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@FunctionalInterface
	private interface RowSink {

		void accept(Row row) throws IOException;

	}

	/**
	 * One incident as exported: the CSV columns in camelCase, with the lists as arrays.
	 * Event types are ACLED's labels, actors are names, fatalities are the curated
	 * figures.
	 */
	@Schema(name = "IncidentExportRow",
			description = "One incident in an NDJSON export line or a GeoJSON feature's properties: the CSV columns "
					+ "in camelCase, lists as arrays (joined with \"; \" in CSV)")
	record Row(@Schema(description = "The incident's id") UUID eventIdCnty,
			@Schema(description = "Start date", example = "2025-10-09") LocalDate eventDate,
			@Schema(example = "2025-10-09") LocalDate endDate,
			@Schema(description = "Date precision") DatePrecision timePrecision,
			@Schema(description = "ACLED's event type label", example = "Explosions/Remote violence") String eventType,
			@Schema(description = "ACLED's sub-event type label", example = "Air/drone strike") String subEventType,
			@Schema(description = "Names of the INITIATOR actors") List<String> actor1,
			@Schema(description = "Names of the TARGET actors") List<String> actor2,
			@Schema(description = "Names of the PARTICIPANT actors") List<String> assocActors,
			@Schema(description = "The one country of the incident (ISO 3166-1 alpha-3); null for an incident "
					+ "across a border, whose countries are in countries", example = "AFG",
					nullable = true) String country,
			@Schema(description = "Every country the incident took place in (ISO 3166-1 alpha-3), country first "
					+ "(joined with \"; \" in CSV); empty when none is known",
					example = "[\"AFG\", \"PAK\"]") List<String> countries,
			@Schema(example = "Kabul") String admin1, String admin2,
			@Schema(description = "Place name", example = "Kabul") String location,
			@Schema(example = "34.53") Double latitude, @Schema(example = "69.17") Double longitude,
			GeoPrecision geoPrecision,
			@Schema(description = "Sum of the curated best estimates of the killed; null (an empty CSV field) when not reported",
					example = "24", nullable = true) Integer fatalities,
			@Schema(description = "Sum of the curated best estimates of the wounded; null when not reported",
					example = "60", nullable = true) Integer wounded,
			@Schema(description = "Sum of the curated low estimates of the killed (fatalitiesRange.low); null when not reported",
					example = "10", nullable = true) Integer fatalitiesLow,
			@Schema(description = "Sum of the curated high estimates of the killed (fatalitiesRange.high); null when not reported",
					example = "50", nullable = true) Integer fatalitiesHigh,
			VerificationStatus verification,
			@Schema(description = "Names of the actors that claimed responsibility") List<String> claimedBy,
			List<String> tags, List<UUID> sourceIds, @Schema(example = "ACLED") String externalDataset,
			@Schema(example = "AFG12345") String externalId, @Schema(description = "The description") String notes,
			@Schema(example = "Explosions in Kabul") String title) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(rs.getObject("id", UUID.class), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), DatePrecision.valueOf(rs.getString("date_precision")),
					EventType.valueOf(rs.getString("event_type")).label(),
					SubEventType.valueOf(rs.getString("sub_event_type")).label(), texts(rs, "actor1"),
					texts(rs, "actor2"), texts(rs, "assoc_actors"), rs.getString("country"), texts(rs, "countries"),
					rs.getString("admin1"), rs.getString("admin2"), rs.getString("place_name"),
					rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
					optional(rs.getString("geo_precision")), rs.getObject("fatalities", Integer.class),
					rs.getObject("wounded", Integer.class), rs.getObject("fatalities_low", Integer.class),
					rs.getObject("fatalities_high", Integer.class),
					VerificationStatus.valueOf(rs.getString("verification")), texts(rs, "claimed_by"),
					texts(rs, "tags"), uuids(rs, "source_ids"), rs.getString("external_dataset"),
					rs.getString("external_id"), rs.getString("description"), rs.getString("title"));
		}

		/**
		 * The values in the order of {@link #CSV_COLUMNS}; lists become one field joined
		 * with "; ".
		 */
		Object[] csvValues() {
			return new Object[] { this.eventIdCnty, this.eventDate, this.endDate, this.timePrecision, this.eventType,
					this.subEventType, this.actor1, this.actor2, this.assocActors, this.country, this.countries,
					this.admin1, this.admin2, this.location, this.latitude, this.longitude, this.geoPrecision,
					this.fatalities, this.wounded, this.fatalitiesLow, this.fatalitiesHigh, this.verification,
					this.claimedBy, this.tags, this.sourceIds, this.externalDataset, this.externalId, this.notes,
					this.title };
		}

		private static GeoPrecision optional(String name) {
			return (name != null) ? GeoPrecision.valueOf(name) : null;
		}

		private static List<String> texts(ResultSet rs, String column) throws SQLException {
			List<String> texts = new ArrayList<>();
			for (Object element : elements(rs, column)) {
				texts.add((String) element);
			}
			return texts;
		}

		private static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
			List<UUID> ids = new ArrayList<>();
			for (Object element : elements(rs, column)) {
				ids.add((element instanceof UUID id) ? id : UUID.fromString(element.toString()));
			}
			return ids;
		}

		private static Object[] elements(ResultSet rs, String column) throws SQLException {
			Array array = rs.getArray(column);
			if (array == null) {
				return new Object[0];
			}
			try {
				return (Object[]) array.getArray();
			}
			finally {
				array.free();
			}
		}

	}

}
