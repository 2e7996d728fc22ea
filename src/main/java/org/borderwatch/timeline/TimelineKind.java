package org.borderwatch.timeline;

import java.util.UUID;

/**
 * What a timeline entry records. The declaration order is the order of entries that fall
 * on the same date; it is part of the feed's total order (date, kind, instant, record
 * id).
 */
enum TimelineKind {

	INCIDENT(1),

	CEASEFIRE_AGREED(2),

	CEASEFIRE_ENDED(3),

	TALKS_ROUND(4),

	CROSSING_STATUS_CHANGED(5);

	private final int rank;

	TimelineKind(int rank) {
		this.rank = rank;
	}

	int rank() {
		return this.rank;
	}

	/** The API path of the record behind an entry of this kind. */
	String link(UUID recordId, UUID crossingId) {
		return switch (this) {
			case INCIDENT -> "/api/v1/incidents/" + recordId;
			case CEASEFIRE_AGREED, CEASEFIRE_ENDED -> "/api/v1/ceasefires/" + recordId;
			case TALKS_ROUND -> "/api/v1/talks-rounds/" + recordId;
			case CROSSING_STATUS_CHANGED -> "/api/v1/crossings/" + crossingId + "/status-changes/" + recordId;
		};
	}

}
