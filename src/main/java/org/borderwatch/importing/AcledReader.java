package org.borderwatch.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.borderwatch.actor.ActorKind;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.incident.ActorRole;
import org.borderwatch.incident.CasualtyCategory;
import org.borderwatch.incident.EventType;
import org.borderwatch.incident.GeoPrecision;
import org.borderwatch.incident.SubEventType;
import org.borderwatch.source.SourceKind;

/**
 * ACLED event exports, in the current layout and the 2020-era one, and in the reduced
 * files people cut from them: columns are found by name, and those a file lacks are read
 * as unknown. Without {@code event_id_cnty} the key is derived from the row's content
 * (see {@link #derivedKey}); the import report says so.
 */
final class AcledReader implements IncidentReader {

	private static final int MAX_TITLE = 500;

	private static final Map<Integer, DatePrecision> DATE_PRECISIONS = Map.of(1, DatePrecision.DAY, 2,
			DatePrecision.WEEK, 3, DatePrecision.MONTH);

	private static final Map<Integer, GeoPrecision> GEO_PRECISIONS = Map.of(1, GeoPrecision.EXACT, 2, GeoPrecision.NEAR,
			3, GeoPrecision.ADMIN1);

	private final boolean derivedKeys;

	private final boolean onePerActor;

	AcledReader(CsvInput csv) {
		for (String column : List.of("event_date", "event_type", "sub_event_type", "actor1")) {
			if (!csv.has(column)) {
				throw new RowRejectedException(column, "the header has no column " + column + ": not an ACLED export");
			}
		}
		this.derivedKeys = !csv.has("event_id_cnty");
		this.onePerActor = !csv.has("actor2") && csv.has("event_id_cnty");
	}

	/**
	 * Whether the file lists an event once per actor: without an {@code actor2} column,
	 * ACLED's actor-based exports repeat the event under the same id with the other actor
	 * as {@code actor1}. The engine merges those rows into one incident.
	 */
	@Override
	public boolean mergesRepeatedIds() {
		return this.onePerActor;
	}

	@Override
	public List<String> notes() {
		return this.derivedKeys ? List.of("the file has no event_id_cnty column: each event's key is derived from "
				+ "its date, type, actors, place, fatalities and notes, so an event ACLED later corrects "
				+ "imports as a new one") : List.of();
	}

	@Override
	public StagedIncident read(CsvInput.Row row) {
		LocalDate date = Fields.requiredDate(row, "event_date");
		EventType type = EventType.fromLabel(Fields.required(row, "event_type"))
			.orElseThrow(() -> new RowRejectedException("event_type",
					"'" + row.text("event_type") + "' is not one of ACLED's event types"));
		SubEventType subType = SubEventType.fromLabel(Fields.required(row, "sub_event_type"))
			.orElseThrow(() -> new RowRejectedException("sub_event_type",
					"'" + row.text("sub_event_type") + "' is not one of ACLED's sub-event types"));
		if (!subType.belongsTo(type)) {
			throw new RowRejectedException("sub_event_type", subType.label() + " is not a sub-type of " + type.label());
		}
		String actor1 = Fields.required(row, "actor1");
		String actor2 = row.text("actor2");
		// ACLED's order means something only where there is a perpetrator: in battles
		// both
		// actors fight, elsewhere actor1 acts on actor2.
		ActorRole first = (type == EventType.BATTLES) ? ActorRole.PARTICIPANT : ActorRole.INITIATOR;
		ActorRole second = (type == EventType.BATTLES) ? ActorRole.PARTICIPANT : ActorRole.TARGET;
		List<StagedIncident.Party> actors = new ArrayList<>();
		actors.add(party(actor1, row.text("inter1"), first));
		if (actor2 != null) {
			actors.add(party(actor2, row.text("inter2"), second));
		}
		for (String column : List.of("assoc_actor_1", "assoc_actor_2")) {
			for (String name : Fields.split(row.text(column), ";")) {
				actors.add(party(name, null, ActorRole.PARTICIPANT));
			}
		}
		Integer fatalities = Fields.count(row, "fatalities");
		List<StagedIncident.Figure> figures = (fatalities != null)
				? List.of(new StagedIncident.Figure(CasualtyCategory.UNKNOWN, "KILLED", null, fatalities, null, null))
				: List.of();
		String location = row.text("location");
		String title = subType.label() + ": " + actor1 + ((actor2 != null) ? " vs " + actor2 : "")
				+ ((location != null) ? " in " + location : "");
		String key = row.text("event_id_cnty");
		if (key == null) {
			if (!this.derivedKeys) {
				throw new RowRejectedException("event_id_cnty", "is required but empty");
			}
			key = derivedKey(row);
		}
		return new StagedIncident(row.line(), key, truncate(title), row.text("notes"), date, date, datePrecision(row),
				type, subType, location, row.text("admin1"), row.text("admin2"), Fields.country(row),
				Fields.decimal(row, "latitude", -90, 90), Fields.decimal(row, "longitude", -180, 180),
				geoPrecision(row), tags(row), actors, figures, sources(row));
	}

	/**
	 * A stable key for a row of a file without ACLED's event id: a hash of the fields
	 * that identify an event. Re-importing the same file finds the same keys.
	 */
	static String derivedKey(CsvInput.Row row) {
		StringBuilder content = new StringBuilder();
		for (String column : List.of("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
				"admin2", "location", "latitude", "longitude", "fatalities", "notes")) {
			content.append(row.text(column)).append('\u001f');
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(content.toString().getBytes(StandardCharsets.UTF_8));
			return "derived-" + HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * ACLED's actor type, numeric ({@code inter1 = 2}) before 2023 and as text
	 * ({@code Rebel group}) since, as an actor kind.
	 */
	static ActorKind kindOf(String inter) {
		if (inter == null) {
			return ActorKind.OTHER;
		}
		return switch (inter.strip().toLowerCase(Locale.ROOT)) {
			case "1", "state forces" -> ActorKind.STATE_FORCES;
			case "2", "rebel group", "rebel groups", "3", "political militia", "political militias", "4",
					"identity militia", "identity militias" ->
				ActorKind.NON_STATE_ARMED_GROUP;
			case "7", "civilians" -> ActorKind.CIVILIANS;
			default -> ActorKind.OTHER;
		};
	}

	private static StagedIncident.Party party(String name, String inter, ActorRole role) {
		return new StagedIncident.Party(name, name, kindOf(inter), role);
	}

	private static DatePrecision datePrecision(CsvInput.Row row) {
		return Fields.code(row, "time_precision", DATE_PRECISIONS, DatePrecision.DAY, "ACLED's codes 1, 2, 3");
	}

	private static GeoPrecision geoPrecision(CsvInput.Row row) {
		return Fields.code(row, "geo_precision", GEO_PRECISIONS, null, "ACLED's codes 1, 2, 3");
	}

	private static List<String> tags(CsvInput.Row row) {
		List<String> tags = new ArrayList<>(Fields.split(row.text("tags"), ";"));
		for (String disorder : Fields.split(row.text("disorder_type"), ";")) {
			tags.add("disorder: " + disorder);
		}
		if (row.text("civilian_targeting") != null) {
			tags.add("civilian targeting");
		}
		return tags;
	}

	private static List<StagedIncident.Cited> sources(CsvInput.Row row) {
		return Fields.split(row.text("source"), ";")
			.stream()
			.map((name) -> new StagedIncident.Cited(name, name, SourceKind.OTHER, null))
			.toList();
	}

	private static String truncate(String text) {
		return (text.length() > MAX_TITLE) ? text.substring(0, MAX_TITLE - 3) + "..." : text;
	}

}
