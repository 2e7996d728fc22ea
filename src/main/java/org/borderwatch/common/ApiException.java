package org.borderwatch.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, rendered as {@code application/problem+json} by
 * {@link ProblemDetailsAdvice}. Subclasses name the kinds of failure the API reports.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final List<FieldError> errors;

	protected ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
