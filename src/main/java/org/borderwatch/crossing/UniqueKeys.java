package org.borderwatch.crossing;

import java.util.Map;

import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;

import org.borderwatch.common.ConflictException;

/**
 * The unique keys of this feature and the field each one guards. The services check these before
 * writing, but two concurrent requests can both pass the check; the database's unique key then
 * stops the second one, and this gives it the same 409 naming the same field as the check.
 */
final class UniqueKeys {

	static final String CROSSING_NAME = "border_crossing_name_key";

	static final String CHANGE_INSTANT = "crossing_status_change_instant_key";

	private static final Map<String, Guarded> GUARDS = Map.of(CROSSING_NAME,
			new Guarded("name", "a border crossing with this name already exists"), CHANGE_INSTANT,
			new Guarded("effectiveFrom", "this crossing already has a status change at this instant"));

	private UniqueKeys() {
	}

	/** The 409 for a violated key of this feature, or {@code ex} itself for anything else. */
	static RuntimeException translate(DataIntegrityViolationException ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof ConstraintViolationException)) {
			cause = (cause.getCause() == cause) ? null : cause.getCause();
		}
		if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
			Guarded guarded = GUARDS.get(violation.getConstraintName());
			if (guarded != null) {
				return ConflictException.duplicate(guarded.field(), guarded.message());
			}
		}
		return ex;
	}

	private record Guarded(String field, String message) {
	}

}
