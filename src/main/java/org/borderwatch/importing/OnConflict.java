package org.borderwatch.importing;

/**
 * What an import does with a record edited in BorderWatch since it was last imported,
 * when the file brings a different version of it: KEEP the edit (the default; the record
 * is reported as a conflict) or OVERWRITE it with the file's.
 */
public enum OnConflict {

	KEEP, OVERWRITE

}
