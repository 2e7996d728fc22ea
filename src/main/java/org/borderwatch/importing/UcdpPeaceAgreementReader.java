package org.borderwatch.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UCDP Peace Agreement Dataset. Rule: an agreement with {@code cease = 1} (ceasefire
 * provisions) is a written ceasefire between the actors of {@code actor_id} /
 * {@code actor_name} (UCDP actor ids, the namespace GED's sides use too), agreed on
 * {@code pa_date}; one that {@code ended} is TERMINATED on its {@code duration} date, one
 * that did not ({@code ended = False}) is IN_EFFECT, and one whose {@code ended} is empty
 * is UNKNOWN.
 */
final class UcdpPeaceAgreementReader implements CeasefireReader {

	UcdpPeaceAgreementReader(CsvInput csv) {
		for (String column : List.of("paid", "pa_name", "pa_date", "cease", "actor_id", "actor_name")) {
			if (!csv.has(column)) {
				throw new RowRejectedException(column,
						"the header has no column " + column + ": not the UCDP Peace Agreement Dataset");
			}
		}
	}

	@Override
	public StagedCeasefire read(CsvInput.Row row) {
		Integer cease = Fields.integer(row, "cease");
		if (cease == null || cease == 0) {
			return null;
		}
		String id = Fields.required(row, "paid");
		String name = Fields.required(row, "pa_name");
		LocalDate date = Fields.requiredDate(row, "pa_date");
		List<String> ids = Fields.split(row.text("actor_id"), ",");
		List<String> names = Fields.split(row.text("actor_name"), ",");
		if (ids.size() != names.size()) {
			throw new RowRejectedException("actor_name", "lists " + names.size() + " names for " + ids.size()
					+ " ids in actor_id, so the names cannot be matched to the ids");
		}
		Map<String, StagedCeasefire.Party> parties = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			parties.putIfAbsent(ids.get(i),
					new StagedCeasefire.Party(ids.get(i), names.get(i), UcdpGedReader.kindOf(names.get(i))));
		}
		LocalDate ended = null;
		String endedFlag = Fields.optional(row, "ended");
		if ("true".equalsIgnoreCase(endedFlag) || "1".equals(endedFlag)) {
			ended = Fields.date(row, "duration");
			if (ended == null) {
				throw new RowRejectedException("duration", "the agreement ended, but its end date is missing");
			}
		}
		return new StagedCeasefire(row.line(), id, PeaceAgreements.name(name), date, ended, endedFlag != null,
				PeaceAgreements.shorten(row.text("pa_comment"), 10000), row.text("conflict_name"),
				new ArrayList<>(parties.values()), row.text("linktofulltextagreement"));
	}

}
