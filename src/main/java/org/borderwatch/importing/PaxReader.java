package org.borderwatch.importing;

import java.util.List;
import java.util.Set;

import org.borderwatch.actor.ActorKind;

/**
 * The PA-X Peace Agreements Database. Rule: an agreement contains a ceasefire when its
 * stage is {@code Cea} (a ceasefire agreement) or its {@code Ce} provisions code is not
 * 0. PA-X names its signatories in free text ({@code Part}), not as coded actors, so the
 * parties are the states of {@code Con} ({@code Afghanistan/Pakistan}); the signatories
 * and third parties are kept in the terms. PA-X says nothing about an agreement's end, so
 * the ceasefire is in effect until an editor records its end.
 */
final class PaxReader implements CeasefireReader {

	private static final Set<String> CEASEFIRE_STAGES = Set.of("Cea");

	PaxReader(CsvInput csv) {
		for (String column : List.of("agtid", "agt", "dat", "con", "stage")) {
			if (!csv.has(column)) {
				throw new RowRejectedException(column, "the header has no column " + column + ": not a PA-X export");
			}
		}
	}

	@Override
	public StagedCeasefire read(CsvInput.Row row) {
		Integer ce = Fields.integer(row, "ce");
		if (!CEASEFIRE_STAGES.contains(row.text("stage")) && (ce == null || ce == 0)) {
			return null;
		}
		String id = Fields.required(row, "agtid");
		String name = Fields.required(row, "agt");
		List<StagedCeasefire.Party> parties = Fields.split(Fields.required(row, "con"), "/")
			.stream()
			.distinct()
			.map((country) -> new StagedCeasefire.Party(country, country, ActorKind.STATE))
			.toList();
		StringBuilder terms = new StringBuilder();
		String signatories = Fields.optional(row, "part");
		if (signatories != null) {
			terms.append("Signatories: ").append(signatories);
		}
		String thirdParties = Fields.optional(row, "thrdpart");
		if (thirdParties != null) {
			terms.append((terms.length() > 0) ? "\n" : "").append("Third parties: ").append(thirdParties);
		}
		return new StagedCeasefire(row.line(), id, PeaceAgreements.name(name), Fields.requiredDate(row, "dat"), null,
				false, PeaceAgreements.shorten((terms.length() > 0) ? terms.toString() : null, 10000),
				Fields.optional(row, "con"), parties, null);
	}

}
