package org.borderwatch.common;

/**
 * One problem with one input field. {@code field} is the JSON path of the field in the
 * request body ({@code casualties[1].low}) or the name of the query parameter.
 */
public record FieldError(String field, String message) {
}
