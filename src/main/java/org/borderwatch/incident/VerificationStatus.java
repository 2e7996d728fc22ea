package org.borderwatch.incident;

/**
 * How far an incident's account has been checked: merely reported, corroborated by
 * independent sources, verified, or disputed. Stored as text.
 */
public enum VerificationStatus {

	REPORTED, CORROBORATED, VERIFIED, DISPUTED

}
