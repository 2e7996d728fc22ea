package org.borderwatch.importing;

/**
 * An import that wrote nothing: a strict import's first rejected row, a file that is not
 * of its format, or a database failure. The message says which.
 */
class ImportFailedException extends RuntimeException {

	ImportFailedException(String message) {
		super(message);
	}

	ImportFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
