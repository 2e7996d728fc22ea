package org.borderwatch.importing;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * UCDP Georeferenced Event Dataset events, as HDX exports them ({@code best},
 * {@code iso3}, an HXL row, {@code 1990-10-04 00:00:00.000} dates) and as UCDP's web site
 * does ({@code best_est}, US dates, a trailing comma on every row).
 * <p>
 * Rule ({@code type_of_violence}): 1 (state-based) and 2 (non-state) are Battles / Armed
 * clash; 3 (one-sided violence) is Violence against civilians / Attack, side A its
 * initiator and side B (civilians) its target.
 */
final class UcdpGedReader implements IncidentReader {

	private static final Map<Integer, DatePrecision> DATE_PRECISIONS = Map.of(1, DatePrecision.DAY, 2,
			DatePrecision.WEEK, 3, DatePrecision.WEEK, 4, DatePrecision.MONTH, 5, DatePrecision.YEAR);

	private static final Map<Integer, GeoPrecision> GEO_PRECISIONS = Map.of(1, GeoPrecision.EXACT, 2, GeoPrecision.NEAR,
			3, GeoPrecision.ADMIN2, 4, GeoPrecision.ADMIN1, 5, GeoPrecision.ADMIN1, 6, GeoPrecision.COUNTRY, 7,
			GeoPrecision.COUNTRY);

	UcdpGedReader(CsvInput csv) {
		for (String column : List.of("id", "type_of_violence", "date_start", "side_a")) {
			if (!csv.has(column)) {
				throw new RowRejectedException(column,
						"the header has no column " + column + ": not a UCDP GED export");
			}
		}
		if (!csv.has("best") && !csv.has("best_est")) {
			throw new RowRejectedException("best", "the header has neither best nor best_est: not a UCDP GED export");
		}
	}

	@Override
	public StagedIncident read(CsvInput.Row row) {
		String id = Fields.required(row, "id");
		Integer violence = Fields.integer(row, "type_of_violence");
		if (violence == null || violence < 1 || violence > 3) {
			throw new RowRejectedException("type_of_violence", "must be 1, 2 or 3");
		}
		EventType type = (violence == 3) ? EventType.VIOLENCE_AGAINST_CIVILIANS : EventType.BATTLES;
		SubEventType subType = (violence == 3) ? SubEventType.ATTACK : SubEventType.ARMED_CLASH;
		LocalDate start = Fields.requiredDate(row, "date_start");
		LocalDate end = Fields.date(row, "date_end");

		StagedIncident.Party sideA = side(row, "side_a", (violence == 3) ? ActorRole.INITIATOR : ActorRole.PARTICIPANT);
		StagedIncident.Party sideB = side(row, "side_b", (violence == 3) ? ActorRole.TARGET : ActorRole.PARTICIPANT);
		List<StagedIncident.Party> actors = new ArrayList<>();
		actors.add(sideA);
		if (sideB != null) {
			actors.add(sideB);
		}
		String place = row.text("where_coordinates");
		String dyad = row.first("dyad_name", "conflict_name");
		String title = ((dyad != null) ? dyad : sideA.name()) + ((place != null) ? ": " + place : "");
		Fields.count(row, "number_of_sources");
		List<String> tags = new ArrayList<>();
		String conflict = row.text("conflict_name");
		if (conflict != null) {
			tags.add("conflict: " + conflict);
		}
		return new StagedIncident(row.line(), id, (title.length() > 500) ? title.substring(0, 497) + "..." : title,
				row.text("where_description"), start, (end != null) ? end : start, datePrecision(row), type, subType,
				place, row.text("adm_1"), row.text("adm_2"), Fields.country(row),
				Fields.decimal(row, "latitude", -90, 90), Fields.decimal(row, "longitude", -180, 180),
				geoPrecision(row), tags, actors, figures(row, sideA, sideB), sources(row));
	}

	/**
	 * The deaths by side and category, each a curated figure, the low and high estimates
	 * of the event spread over them so that the incident's total range is UCDP's
	 * low/best/high exactly (see {@link CasualtyRanges}). An event with no deaths gets
	 * one figure of 0: a known zero, not an unknown.
	 */
	private static List<StagedIncident.Figure> figures(CsvInput.Row row, StagedIncident.Party sideA,
			StagedIncident.Party sideB) {
		int best = requiredCount(row, "best", "best_est");
		Integer low = Fields.count(row, row.text("low") != null ? "low" : "low_est");
		Integer high = Fields.count(row, row.text("high") != null ? "high" : "high_est");
		List<CasualtyRanges.Part> parts = new ArrayList<>();
		addPart(parts, category(sideA), Fields.count(row, "deaths_a"), sideA.key());
		addPart(parts, (sideB != null) ? category(sideB) : CasualtyCategory.UNKNOWN, Fields.count(row, "deaths_b"),
				(sideB != null) ? sideB.key() : null);
		addPart(parts, CasualtyCategory.CIVILIANS, Fields.count(row, "deaths_civilians"), null);
		addPart(parts, CasualtyCategory.UNKNOWN, Fields.count(row, "deaths_unknown"), null);
		return CasualtyRanges.spread(parts, low, best, high);
	}

	private static void addPart(List<CasualtyRanges.Part> parts, CasualtyCategory category, Integer deaths,
			String sideKey) {
		if (deaths != null && deaths > 0) {
			parts.add(new CasualtyRanges.Part(category, deaths, sideKey));
		}
	}

	private static int requiredCount(CsvInput.Row row, String... columns) {
		for (String column : columns) {
			if (row.text(column) != null) {
				Integer value = Fields.count(row, column);
				if (value == null) {
					throw new RowRejectedException(column, "the best estimate is unknown (-1)");
				}
				return value;
			}
		}
		throw new RowRejectedException(columns[0], "is required but empty or absent");
	}

	/**
	 * Whose dead a side's deaths are: a government's are its security forces', civilians'
	 * are civilians', anyone else's are militants'.
	 */
	private static CasualtyCategory category(StagedIncident.Party side) {
		if (side.kind() == ActorKind.GOVERNMENT) {
			return CasualtyCategory.SECURITY_FORCES;
		}
		return (side.kind() == ActorKind.CIVILIANS) ? CasualtyCategory.CIVILIANS : CasualtyCategory.MILITANTS;
	}

	private static StagedIncident.Party side(CsvInput.Row row, String column, ActorRole role) {
		String name = row.text(column);
		if (name == null) {
			if (column.equals("side_a")) {
				throw new RowRejectedException(column, "is required but empty");
			}
			return null;
		}
		String key = row.first(column + "_new_id", column + "_dset_id");
		return new StagedIncident.Party((key != null) ? key : name, name, kindOf(name), role);
	}

	/**
	 * UCDP's sides as actor kinds: {@code Government of X} is a government,
	 * {@code Civilians} civilians, any other side an armed group.
	 */
	static ActorKind kindOf(String side) {
		String name = side.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("government of")) {
			return ActorKind.GOVERNMENT;
		}
		return name.equals("civilians") ? ActorKind.CIVILIANS : ActorKind.NON_STATE_ARMED_GROUP;
	}

	private static DatePrecision datePrecision(CsvInput.Row row) {
		return Fields.code(row, "date_prec", DATE_PRECISIONS, DatePrecision.DAY, "UCDP's codes 1 to 5");
	}

	private static GeoPrecision geoPrecision(CsvInput.Row row) {
		return Fields.code(row, "where_prec", GEO_PRECISIONS, null, "UCDP's codes 1 to 7");
	}

	/**
	 * {@code source_article} lists the articles, {@code ;}-separated, each starting with
	 * its publisher ({@code Reuters News,1990-10-05,...}); a lone article takes
	 * {@code source_headline} as its title.
	 */
	private static List<StagedIncident.Cited> sources(CsvInput.Row row) {
		List<String> articles = Fields.split(row.text("source_article"), ";");
		String headline = row.text("source_headline");
		List<StagedIncident.Cited> sources = new ArrayList<>();
		for (String article : articles) {
			String text = article.replace("\"", "").strip();
			if (text.isEmpty()) {
				continue;
			}
			int comma = text.indexOf(',');
			String publisher = (comma > 0) ? text.substring(0, comma).strip() : text;
			String title = (articles.size() == 1 && headline != null) ? headline : text;
			sources.add(new StagedIncident.Cited(shorten(publisher, 200), shorten(title, 500), SourceKind.NEWS_AGENCY,
					null));
		}
		return sources;
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 3) + "..." : text;
	}

}
