package org.borderwatch.incident;

/** Whether a casualty figure counts the dead or the wounded. Stored as text. */
public enum CasualtyOutcome {

	KILLED, WOUNDED

}
