package org.borderwatch.common;

/**
 * A domain rule refused a value or a transition (a ceasefire ending before it starts, a
 * closed crossing that allows trade). Aggregates throw it; the API answers 400 naming the
 * field.
 */
public class DomainRuleException extends RuntimeException {

	private final String field;

	public DomainRuleException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
