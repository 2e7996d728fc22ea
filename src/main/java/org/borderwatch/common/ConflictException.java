package org.borderwatch.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * 409: the request clashes with the current state (a duplicate name, a record still
 * referenced).
 */
public class ConflictException extends ApiException {

	private ConflictException(String detail, List<FieldError> errors) {
		super(HttpStatus.CONFLICT, "Conflict", detail, errors);
	}

	public static ConflictException duplicate(String field, String message) {
		return new ConflictException(message, List.of(new FieldError(field, message)));
	}

	public static ConflictException because(String detail) {
		return new ConflictException(detail, List.of());
	}

}
