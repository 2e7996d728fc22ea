package org.borderwatch.actor;

import java.util.List;
import java.util.UUID;

/** The filters of the actor list; empty lists and nulls mean "any". */
record ActorFilter(List<ActorKind> kinds, List<String> countries, String q, UUID parent) {
}
