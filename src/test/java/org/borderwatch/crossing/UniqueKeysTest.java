package org.borderwatch.crossing;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import org.borderwatch.common.ConflictException;
import org.borderwatch.common.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's unique keys are the last guard against two requests that both passed the
 * service's check; their violations must read like the check's own 409.
 */
class UniqueKeysTest {

	private static DataIntegrityViolationException violationOf(String constraint) {
		return new DataIntegrityViolationException("could not execute statement",
				new ConstraintViolationException("duplicate key", new SQLException("duplicate key", "23505"),
						constraint));
	}

	@Test
	void sameInstantRaceIsAConflictNamingEffectiveFrom() {
		RuntimeException translated = UniqueKeys.translate(violationOf(UniqueKeys.CHANGE_INSTANT));

		assertThat(translated).isInstanceOf(ConflictException.class);
		assertThat(((ConflictException) translated).errors()).extracting(FieldError::field)
			.containsExactly("effectiveFrom");
	}

	@Test
	void sameNameRaceIsAConflictNamingName() {
		RuntimeException translated = UniqueKeys.translate(violationOf(UniqueKeys.CROSSING_NAME));

		assertThat(((ConflictException) translated).errors()).extracting(FieldError::field).containsExactly("name");
	}

	@Test
	void otherViolationsPassThrough() {
		DataIntegrityViolationException other = violationOf("crossing_source_pkey");

		assertThat(UniqueKeys.translate(other)).isSameAs(other);
	}

}
