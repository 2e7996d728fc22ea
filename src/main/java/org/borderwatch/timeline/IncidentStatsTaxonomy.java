package org.borderwatch.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.borderwatch.common.InvalidInputException;

/**
 * ACLED's event taxonomy as the statistics filters and labels need it: the six event types and
 * their 25 sub-event types, each with the code stored in {@code incident.event_type} /
 * {@code sub_event_type} (the enum constant name) and ACLED's own label. Filters accept either
 * form, case-insensitively ({@code BATTLES}, {@code battles}, {@code Battles}; {@code Air/drone strike}).
 * <p>
 * It mirrors the incident feature's event type enums; the codes must stay identical to theirs.
 */
final class IncidentStatsTaxonomy {

	/** code -> label, in ACLED's order. */
	private static final Map<String, String> TYPES = new LinkedHashMap<>();

	/** code -> label, in ACLED's order. */
	private static final Map<String, String> SUB_TYPES = new LinkedHashMap<>();

	static {
		type("Battles", "Armed clash", "Government regains territory", "Non-state actor overtakes territory");
		type("Explosions/Remote violence", "Chemical weapon", "Air/drone strike", "Suicide bomb",
				"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade");
		type("Violence against civilians", "Sexual violence", "Attack", "Abduction/forced disappearance");
		type("Protests", "Peaceful protest", "Protest with intervention", "Excessive force against protesters");
		type("Riots", "Violent demonstration", "Mob violence");
		type("Strategic developments", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
				"Headquarters or base established", "Looting/property destruction",
				"Non-violent transfer of territory", "Other");
	}

	private IncidentStatsTaxonomy() {
	}

	private static void type(String label, String... subTypeLabels) {
		TYPES.put(code(label), label);
		for (String subTypeLabel : subTypeLabels) {
			SUB_TYPES.put(code(subTypeLabel), subTypeLabel);
		}
	}

	/** {@code Air/drone strike} -> {@code AIR_DRONE_STRIKE}: how the enums name ACLED's labels. */
	static String code(String label) {
		return label.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
	}

	/** The codes of a {@code type} filter; a 400 on {@code param} names the first unknown value. */
	static List<String> parseTypes(String param, List<String> values) {
		return parse(param, values, TYPES, "event type");
	}

	/** The codes of a {@code subType} filter; a 400 on {@code param} names the first unknown value. */
	static List<String> parseSubTypes(String param, List<String> values) {
		return parse(param, values, SUB_TYPES, "sub-event type");
	}

	static String typeLabel(String code) {
		return TYPES.getOrDefault(code, code);
	}

	static String subTypeLabel(String code) {
		return SUB_TYPES.getOrDefault(code, code);
	}

	static List<String> typeCodes() {
		return List.copyOf(TYPES.keySet());
	}

	static List<String> subTypeCodes() {
		return List.copyOf(SUB_TYPES.keySet());
	}

	private static List<String> parse(String param, List<String> values, Map<String, String> known, String what) {
		List<String> codes = new ArrayList<>();
		for (String value : values) {
			String code = code(value);
			if (!known.containsKey(code)) {
				throw InvalidInputException.forField(param,
						"'" + value + "' is not an ACLED " + what + "; expected one of " + known.keySet());
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

}
