package org.borderwatch.importing;

/** Turns the rows of a peace-agreement dataset into ceasefires. */
interface CeasefireReader {

	/**
	 * The ceasefire an agreement contains, or null when it contains none (the row is
	 * skipped, not rejected); throws {@link RowRejectedException} naming the column when
	 * the row cannot be imported.
	 */
	StagedCeasefire read(CsvInput.Row row);

}
