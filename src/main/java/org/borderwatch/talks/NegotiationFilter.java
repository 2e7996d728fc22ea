package org.borderwatch.talks;

import java.util.List;
import java.util.UUID;

/** The filters of the negotiation list; empty lists and nulls mean "any". */
record NegotiationFilter(List<UUID> parties, List<UUID> mediators, String q) {
}
