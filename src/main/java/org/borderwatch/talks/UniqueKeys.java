package org.borderwatch.talks;

import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;

import org.borderwatch.common.ConflictException;

/**
 * Names the field behind a unique index the database enforced. The services check uniqueness
 * before writing; a concurrent writer can still win the race between that check and the commit,
 * and its loser should hear which field clashed, as it would have without the race.
 */
final class UniqueKeys {

	private UniqueKeys() {
	}

	/** Runs {@code write}; a violation of one of {@code fieldsByIndex} becomes a 409 naming the field. */
	static void translate(Runnable write, Map<String, String> fieldsByIndex) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException ex) {
			String constraint = constraintName(ex);
			String field = (constraint != null) ? fieldsByIndex.get(constraint) : null;
			if (field == null) {
				throw ex;
			}
			throw ConflictException.duplicate(field, "is already taken (written by a concurrent request)");
		}
	}

	private static String constraintName(Throwable ex) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null
				: current.getCause()) {
			if (current instanceof org.hibernate.exception.ConstraintViolationException violation) {
				return violation.getConstraintName();
			}
		}
		return null;
	}

}
