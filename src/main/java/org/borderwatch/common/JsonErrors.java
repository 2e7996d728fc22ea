package org.borderwatch.common;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Reads Jackson's failure into the JSON path of the offending field and a plain message.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static FieldError describe(JacksonException ex) {
		String path = path(ex);
		if (ex instanceof UnrecognizedPropertyException unknown) {
			String field = path.isEmpty() ? unknown.getPropertyName() : path;
			return new FieldError(field, "is not a known field");
		}
		if (ex instanceof InvalidNullException) {
			return new FieldError(orBody(path), "must not be null");
		}
		if (ex instanceof InvalidFormatException format) {
			return new FieldError(orBody(path),
					"'" + format.getValue() + "' is not a valid " + ValueTypes.describe(format.getTargetType()));
		}
		if (ex instanceof ValueInstantiationException instantiation) {
			Throwable cause = instantiation.getCause();
			if (cause instanceof DomainRuleException rule) {
				return new FieldError(rule.field(), rule.getMessage());
			}
			return new FieldError(orBody(path), "has an invalid value");
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return new FieldError(orBody(path), "expected " + ValueTypes.describe(mismatch.getTargetType()));
		}
		if (ex instanceof StreamReadException) {
			return new FieldError(orBody(path), "malformed JSON at line " + lineOf(ex) + ", column " + columnOf(ex));
		}
		return new FieldError(orBody(path), "cannot be read");
	}

	private static String orBody(String path) {
		return path.isEmpty() ? "body" : path;
	}

	private static long lineOf(JacksonException ex) {
		return (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
	}

	private static long columnOf(JacksonException ex) {
		return (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : -1;
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
