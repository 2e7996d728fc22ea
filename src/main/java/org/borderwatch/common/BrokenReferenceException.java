package org.borderwatch.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 422: the request is well formed but names records that do not exist. */
public class BrokenReferenceException extends ApiException {

	private BrokenReferenceException(List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "Broken reference", InvalidInputException.summary(errors), errors);
	}

	public static BrokenReferenceException forFields(List<FieldError> errors) {
		return new BrokenReferenceException(errors);
	}

}
