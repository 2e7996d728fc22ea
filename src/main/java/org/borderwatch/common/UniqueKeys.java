package org.borderwatch.common;

import java.util.Map;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The field each unique key of the schema guards. Services check uniqueness before they
 * write, so that a duplicate gets a 409 naming its field; two concurrent requests can
 * still both pass the check, and then the database's key stops the second one. This table
 * lets that 409 name the same field as the check would have.
 */
final class UniqueKeys {

	private static final Map<String, FieldError> FIELDS = Map.of("actor_name_key",
			new FieldError("name", "an actor with this name already exists"), "source_url_key",
			new FieldError("url", "a source with this url already exists"), "incident_external_ref_key",
			new FieldError("externalRef", "an incident with this external reference already exists"),
			"negotiation_name_key", new FieldError("name", "a negotiation with this name already exists"),
			"talks_round_number_key",
			new FieldError("roundNumber", "the negotiation already has a round with this number"), "ceasefire_name_key",
			new FieldError("name", "a ceasefire with this name already exists"), "ceasefire_violation_incident_key",
			new FieldError("incidentId", "this incident is already recorded as a violation of the ceasefire"),
			"border_crossing_name_key", new FieldError("name", "a border crossing with this name already exists"),
			"crossing_status_change_instant_key",
			new FieldError("effectiveFrom", "this crossing already has a status change at this instant"));

	private UniqueKeys() {
	}

	/**
	 * The field behind the unique key that {@code ex} reports as violated, if it is one
	 * of ours.
	 */
	static Optional<FieldError> fieldOf(Throwable ex) {
		return Optional.ofNullable(constraintName(ex)).map(FIELDS::get);
	}

	/**
	 * The violated key's name: as Hibernate reports it for a write through JPA, or as
	 * PostgreSQL does for one made with SQL of its own (an actor's insert is).
	 */
	private static String constraintName(Throwable ex) {
		ConstraintViolationException violation = Causes.find(ex, ConstraintViolationException.class);
		if (violation != null) {
			return violation.getConstraintName();
		}
		PSQLException postgres = Causes.find(ex, PSQLException.class);
		ServerErrorMessage message = (postgres != null) ? postgres.getServerErrorMessage() : null;
		return (message != null) ? message.getConstraint() : null;
	}

}
