package org.borderwatch.importing;

/**
 * Where an import job stands. RUNNING ends in SUCCEEDED (everything written) or FAILED
 * (nothing written: a strict import's rejected row, a file not of its format, a database
 * failure, or a restart of the service while it ran).
 */
public enum ImportJobState {

	QUEUED, RUNNING, SUCCEEDED, FAILED

}
