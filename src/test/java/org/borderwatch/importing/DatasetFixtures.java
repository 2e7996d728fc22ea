package org.borderwatch.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small dataset files written for the tests, in the shapes of the published exports and
 * with their quirks (BOM, HXL row, quoted line breaks, trailing commas, {@code -1}
 * counts, every date format). Ids carry a prefix so that tests sharing a database never
 * meet each other's records.
 */
public final class DatasetFixtures {

	static final List<String> UCDP_GED_HDX_COLUMNS = List.of("id", "relid", "year", "active_year", "code_status",
			"type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
			"dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
			"number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
			"where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
			"geom_wkt", "priogrid_gid", "country", "iso3", "country_id", "region", "event_clarity", "date_prec",
			"date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high",
			"low", "gwnoa", "gwnob");

	private final String prefix;

	public DatasetFixtures(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * A UCDP GED event row of the HDX export; {@code overrides} replace single fields.
	 */
	public Map<String, String> gedEvent(String id, String... overrides) {
		Map<String, String> row = new LinkedHashMap<>();
		UCDP_GED_HDX_COLUMNS.forEach((column) -> row.put(column, ""));
		row.putAll(Map.ofEntries(Map.entry("id", this.prefix + id), Map.entry("relid", "PAK-1990-1-345-5"),
				Map.entry("year", "1990"), Map.entry("active_year", "1"), Map.entry("type_of_violence", "1"),
				Map.entry("conflict_name", "India - Pakistan"),
				Map.entry("dyad_name", "Government of India - Government of Pakistan"),
				Map.entry("side_a_new_id", this.prefix + "141"),
				Map.entry("side_a", "Government of " + this.prefix + "A"),
				Map.entry("side_b_new_id", this.prefix + "142"),
				Map.entry("side_b", "Government of " + this.prefix + "B"), Map.entry("number_of_sources", "-1"),
				Map.entry("source_article", "Reuters News,1990-10-05,Firing"),
				Map.entry("source_headline", "Pakistan says Indian\nfiring killed two"), Map.entry("where_prec", "2"),
				Map.entry("where_coordinates", "Kel village"), Map.entry("where_description", "Kel sector"),
				Map.entry("adm_1", "Azad Jammu & Kashmir"), Map.entry("adm_2", "Neelam district"),
				Map.entry("latitude", "34.821865"), Map.entry("longitude", "74.355544"),
				Map.entry("country", "Pakistan"), Map.entry("iso3", "PAK"), Map.entry("date_prec", "1"),
				Map.entry("date_start", "1990-10-04 00:00:00.000"), Map.entry("date_end", "1990-10-04 00:00:00.000"),
				Map.entry("deaths_a", "0"), Map.entry("deaths_b", "2"), Map.entry("deaths_civilians", "0"),
				Map.entry("deaths_unknown", "0"), Map.entry("best", "2"), Map.entry("high", "3"), Map.entry("low", "1"),
				Map.entry("gwnoa", "750"), Map.entry("gwnob", "770")));
		for (int i = 0; i < overrides.length; i += 2) {
			row.put(overrides[i], overrides[i + 1]);
		}
		return row;
	}

	/** The HDX export: CRLF rows, an HXL row under the header. */
	public static byte[] gedHdxFile(List<Map<String, String>> rows) {
		List<String> hxl = new ArrayList<>();
		UCDP_GED_HDX_COLUMNS.forEach((column) -> hxl.add(switch (column) {
			case "year" -> "#date+year";
			case "side_a" -> "#group+name+first";
			case "best" -> "#affected+killed";
			default -> "";
		}));
		StringBuilder out = new StringBuilder(String.join(",", UCDP_GED_HDX_COLUMNS)).append("\r\n");
		out.append(String.join(",", hxl)).append("\r\n");
		for (Map<String, String> row : rows) {
			out.append(line(UCDP_GED_HDX_COLUMNS.stream().map(row::get).toList())).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The UCDP web export: no iso3/gwnoa/gwnob, {@code *_est} estimates, US dates, LF
	 * rows, a trailing comma on every data row.
	 */
	static byte[] gedWebExportFile(List<Map<String, String>> rows) {
		List<String> columns = new ArrayList<>();
		for (String column : UCDP_GED_HDX_COLUMNS) {
			if (List.of("iso3", "gwnoa", "gwnob").contains(column)) {
				continue;
			}
			columns.add(switch (column) {
				case "best" -> "best_est";
				case "high" -> "high_est";
				case "low" -> "low_est";
				default -> column;
			});
		}
		StringBuilder out = new StringBuilder(String.join(",", columns)).append("\n");
		for (Map<String, String> row : rows) {
			List<String> fields = new ArrayList<>();
			for (String column : columns) {
				String value = row.get(column.replace("_est", ""));
				if (column.startsWith("date_") && value.length() >= 10) {
					value = value.substring(5, 7) + "/" + value.substring(8, 10) + "/" + value.substring(0, 4)
							+ " 00:00:00";
				}
				fields.add(column.equals("active_year") ? "True" : value);
			}
			out.append(line(fields)).append(",\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Joins fields with RFC 4180 quoting. */
	static String line(List<String> fields) {
		List<String> quoted = new ArrayList<>();
		for (String field : fields) {
			String value = (field != null) ? field : "";
			quoted.add((value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r"))
					? "\"" + value.replace("\"", "\"\"") + "\"" : value);
		}
		return String.join(",", quoted);
	}

}
