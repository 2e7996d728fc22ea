package org.borderwatch.ceasefire;

/**
 * Where a ceasefire stands in its lifecycle: proposed, in effect, then ended in one of
 * three ways (it collapsed under fighting, it expired at the end of its term, or a party
 * terminated it). Stored as text; other features may read it (a situation as of a date
 * lists ceasefires in effect).
 * <p>
 * Rule: UNKNOWN is a ceasefire agreed on a known date of which nothing says whether it
 * still holds or when it ended (a peace-agreement dataset that records agreements but not
 * their end, such as PA-X). It has no end date, like an IN_EFFECT one, and a situation
 * lists it with its UNKNOWN status among those not known to have ended.
 */
public enum CeasefireStatus {

	PROPOSED, IN_EFFECT, COLLAPSED, EXPIRED, TERMINATED, UNKNOWN;

	/**
	 * True for the three statuses of a ceasefire that is over, which all carry an end
	 * date.
	 */
	public boolean hasEnded() {
		return this == COLLAPSED || this == EXPIRED || this == TERMINATED;
	}

}
