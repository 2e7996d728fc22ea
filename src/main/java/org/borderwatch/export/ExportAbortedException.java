package org.borderwatch.export;

/**
 * A streamed export failed after its first bytes went out. The status line is sent, so no
 * problem response can follow: {@code ProblemDetailsAdvice} lets this exception through
 * to the container, which then drops the connection instead of ending the body cleanly,
 * and the client sees a truncated transfer rather than a file that looks complete.
 */
public class ExportAbortedException extends RuntimeException {

	ExportAbortedException(String message, Throwable cause) {
		super(message, cause);
	}

}
