package org.borderwatch.support;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.borderwatch.common.ApiException;
import org.borderwatch.common.DomainRuleException;
import org.borderwatch.common.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assertions for the plain unit tests of aggregates: a refusal names the field the client
 * must fix, as the API will report it.
 */
public final class DomainRules {

	private DomainRules() {
	}

	/** The call breaks a domain rule (400) about {@code field}. */
	public static void assertRefused(String field, ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(DomainRuleException.class,
				(ex) -> assertThat(ex.field()).as(ex.getMessage()).isEqualTo(field));
	}

	/**
	 * The call is refused with an API error of {@code status} naming {@code field} (409
	 * for a transition the record's state forbids).
	 */
	public static void assertRefused(int status, String field, ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.status().value()).as(ex.getMessage()).isEqualTo(status);
			assertThat(ex.errors()).extracting(FieldError::field).containsExactly(field);
		});
	}

}
