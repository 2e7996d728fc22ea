package org.borderwatch.importing;

import java.util.List;

/** Turns the rows of one dataset's files into incidents. */
interface IncidentReader {

	/**
	 * The incident a row describes; throws {@link RowRejectedException} naming the column
	 * when it cannot be imported.
	 */
	StagedIncident read(CsvInput.Row row);

	/** What the report should say about the file as a whole (a key it had to derive). */
	default List<String> notes() {
		return List.of();
	}

	/**
	 * Whether rows repeating an id are parts of one record (merged) rather than
	 * duplicates (rejected).
	 */
	default boolean mergesRepeatedIds() {
		return false;
	}

}
