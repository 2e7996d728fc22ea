package org.borderwatch.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 400: the request is malformed or breaks a rule about a field's value. */
public class InvalidInputException extends ApiException {

	private InvalidInputException(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
	}

	public static InvalidInputException forField(String field, String message) {
		return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
	}

	public static InvalidInputException forFields(List<FieldError> errors) {
		return new InvalidInputException(summary(errors), errors);
	}

	static String summary(List<FieldError> errors) {
		return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
	}

}
