package org.borderwatch.ceasefire;

/**
 * Where a ceasefire stands in its lifecycle: proposed, in effect, then ended in one of
 * three ways (it collapsed under fighting, it expired at the end of its term, or a party
 * terminated it). Stored as text; other features may read it (a situation as of a date
 * lists ceasefires in effect).
 */
public enum CeasefireStatus {

	PROPOSED, IN_EFFECT, COLLAPSED, EXPIRED, TERMINATED;

	/**
	 * True for the three statuses of a ceasefire that is over, which all carry an end
	 * date.
	 */
	public boolean hasEnded() {
		return this == COLLAPSED || this == EXPIRED || this == TERMINATED;
	}

}
