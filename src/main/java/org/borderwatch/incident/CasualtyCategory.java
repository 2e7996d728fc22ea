package org.borderwatch.incident;

/** Whose casualties a figure counts. Stored as text. */
public enum CasualtyCategory {

	SECURITY_FORCES, CIVILIANS, MILITANTS, UNKNOWN

}
