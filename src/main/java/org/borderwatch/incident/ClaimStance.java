package org.borderwatch.incident;

/**
 * What an actor said about an incident: that it did it, that another actor did it, that
 * it did not do it, or that it happened as reported. Only accusations and denials name an
 * accused actor. Stored as text.
 */
public enum ClaimStance {

	CLAIMS_RESPONSIBILITY, ACCUSES, DENIES, CONFIRMS;

	/** Whether a claim with this stance may name an accused actor. */
	public boolean mayNameAccused() {
		return this == ACCUSES || this == DENIES;
	}

}
