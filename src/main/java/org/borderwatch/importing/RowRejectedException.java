package org.borderwatch.importing;

/**
 * A row of a dataset file that cannot be imported, and why: the column at fault (null
 * when the row as a whole is) and the reason. The engine reports it and goes on with the
 * next row, unless the import is strict.
 */
class RowRejectedException extends RuntimeException {

	private final String column;

	RowRejectedException(String column, String reason) {
		super(reason, null, false, false);
		this.column = column;
	}

	String column() {
		return this.column;
	}

}
