package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the talks-round list; empty lists and nulls mean "any". {@code from} and
 * {@code to} select rounds whose days overlap the range (a round without an end date
 * lasts its start day).
 */
record TalksRoundFilter(List<UUID> negotiations, List<UUID> parties, List<UUID> mediators, LocalDate from, LocalDate to,
		List<TalksRoundStatus> statuses, List<String> venueCountries) {

	TalksRoundFilter withNegotiation(UUID negotiation) {
		return new TalksRoundFilter(List.of(negotiation), this.parties, this.mediators, this.from, this.to,
				this.statuses, this.venueCountries);
	}

}
