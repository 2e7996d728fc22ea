package org.borderwatch.importing;

import java.time.LocalDate;
import java.util.List;

import org.borderwatch.actor.ActorKind;

/**
 * A peace agreement that contains a ceasefire, as a ceasefire before it meets the
 * database. Parties are named by their key in the dataset's actor namespace.
 */
record StagedCeasefire(long line, String externalId, String name, LocalDate agreedOn, LocalDate endedOn,
		boolean endRecorded, String terms, String scope, List<Party> parties, String url) {

	StagedCeasefire {
		if (endedOn != null && endedOn.isBefore(agreedOn)) {
			throw new RowRejectedException(null, "ends (" + endedOn + ") before it was agreed (" + agreedOn + ")");
		}
		if (parties.isEmpty()) {
			throw new RowRejectedException(null, "names no party");
		}
	}

	/** UNILATERAL, BILATERAL or MULTILATERAL by the number of distinct parties. */
	String arrangement() {
		long count = this.parties.stream().map(Party::key).distinct().count();
		return (count == 1) ? "UNILATERAL" : (count == 2) ? "BILATERAL" : "MULTILATERAL";
	}

	/**
	 * Ended agreements are TERMINATED on their end date; those the dataset records as not
	 * ended are in effect; those of a dataset that does not record ends
	 * ({@code endRecorded} false) are UNKNOWN: the dataset does not say they still hold.
	 */
	String status() {
		if (this.endedOn != null) {
			return "TERMINATED";
		}
		return this.endRecorded ? "IN_EFFECT" : "UNKNOWN";
	}

	record Party(String key, String name, ActorKind kind) {
	}

}
