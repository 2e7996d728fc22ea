package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The filters of the ceasefire list; empty lists and nulls mean "any". */
record CeasefireFilter(LocalDate inEffectOn, List<UUID> parties, List<UUID> mediators, List<CeasefireStatus> statuses,
		LocalDate from, LocalDate to, String q) {
}
