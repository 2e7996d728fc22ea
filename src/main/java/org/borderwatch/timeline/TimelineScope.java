package org.borderwatch.timeline;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a per-record timeline is about, on top of the client's filters.
 * <ul>
 * <li>{@code ACTOR}: the entries in which the actor takes any part.</li>
 * <li>{@code CEASEFIRE}: its agreement, the incidents alleged to violate it, its
 * end.</li>
 * <li>{@code CROSSING}: its status changes, and the incidents within {@link #VICINITY_KM}
 * of it during the period its status history covers (from its first recorded change
 * on).</li>
 * </ul>
 */
record TimelineScope(Type type, UUID id, Double latitude, Double longitude, LocalDate since) {

	/** How near an incident must be to a crossing to show on the crossing's timeline. */
	static final double VICINITY_KM = 25.0;

	enum Type {

		ALL, ACTOR, CEASEFIRE, CROSSING

	}

	static TimelineScope all() {
		return new TimelineScope(Type.ALL, null, null, null, null);
	}

	static TimelineScope actor(UUID id) {
		return new TimelineScope(Type.ACTOR, id, null, null, null);
	}

	static TimelineScope ceasefire(UUID id) {
		return new TimelineScope(Type.CEASEFIRE, id, null, null, null);
	}

	/**
	 * A crossing's timeline; without coordinates or without any status change it has no
	 * incidents, as nothing says where or when to look.
	 */
	static TimelineScope crossing(UUID id, Double latitude, Double longitude, LocalDate since) {
		return new TimelineScope(Type.CROSSING, id, latitude, longitude, since);
	}

	/** The kinds an entry of this scope can have. */
	Set<TimelineKind> kinds() {
		return switch (this.type) {
			case ALL, ACTOR -> EnumSet.allOf(TimelineKind.class);
			case CEASEFIRE ->
				EnumSet.of(TimelineKind.CEASEFIRE_AGREED, TimelineKind.INCIDENT, TimelineKind.CEASEFIRE_ENDED);
			case CROSSING -> EnumSet.of(TimelineKind.CROSSING_STATUS_CHANGED, TimelineKind.INCIDENT);
		};
	}

	boolean hasVicinity() {
		return this.latitude != null && this.longitude != null && this.since != null;
	}

}
