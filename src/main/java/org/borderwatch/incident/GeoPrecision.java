package org.borderwatch.incident;

/**
 * How precisely an incident's place is known: the spot itself, near it, or only its
 * district (ADMIN2), province (ADMIN1) or country. Stored as text.
 */
public enum GeoPrecision {

	EXACT, NEAR, ADMIN2, ADMIN1, COUNTRY

}
