package org.borderwatch.crossing;

/**
 * Whether a crossing lets anything through. CLOSED lets nothing through; OPEN and
 * PARTIALLY_OPEN always say which kinds of traffic pass. Stored as text.
 */
public enum CrossingStatus {

	OPEN, PARTIALLY_OPEN, CLOSED

}
