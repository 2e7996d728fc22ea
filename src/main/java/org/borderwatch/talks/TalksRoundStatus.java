package org.borderwatch.talks;

/** Where a round of talks stands. Stored as text. */
public enum TalksRoundStatus {

	SCHEDULED, ONGOING, CONCLUDED, SUSPENDED, COLLAPSED

}
