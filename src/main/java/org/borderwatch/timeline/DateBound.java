package org.borderwatch.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.IsoDates;

/**
 * A {@code from} or {@code to} of the timeline as the client wrote it: an ISO date, or a
 * record whose date the bound takes ({@code ceasefire:{id}} its effective date,
 * {@code talks-round:{id}} and {@code incident:{id}} their start date,
 * {@code crossing-change:{id}} the UTC date it took effect). Records are looked up by
 * {@link TimelineService}.
 */
record DateBound(LocalDate date, RecordType recordType, UUID recordId) {

	/**
	 * The kinds of record a bound may name, with the SQL that yields the date each one
	 * stands for.
	 */
	enum RecordType {

		CEASEFIRE("ceasefire", "select coalesce(effective_from, agreed_on) from ceasefire where id = :id"),
		TALKS_ROUND("talks-round", "select start_date from talks_round where id = :id"),
		INCIDENT("incident", "select start_date from incident where id = :id"), CROSSING_CHANGE("crossing-change",
				"select (effective_from at time zone 'UTC')::date from crossing_status_change where id = :id");

		private final String prefix;

		private final String dateSql;

		RecordType(String prefix, String dateSql) {
			this.prefix = prefix;
			this.dateSql = dateSql;
		}

		String prefix() {
			return this.prefix;
		}

		String dateSql() {
			return this.dateSql;
		}

	}

	/** Parses a bound; null when absent, a 400 naming {@code param} when malformed. */
	static DateBound parse(String param, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		int colon = text.indexOf(':');
		if (colon < 0) {
			try {
				return new DateBound(IsoDates.parseDate(text), null, null);
			}
			catch (DateTimeParseException ex) {
				throw invalid(param, value);
			}
		}
		String prefix = text.substring(0, colon);
		for (RecordType type : RecordType.values()) {
			if (type.prefix.equals(prefix)) {
				try {
					return new DateBound(null, type, UUID.fromString(text.substring(colon + 1)));
				}
				catch (IllegalArgumentException ex) {
					throw invalid(param, value);
				}
			}
		}
		throw invalid(param, value);
	}

	private static InvalidInputException invalid(String param, String value) {
		return InvalidInputException.forField(param, "'" + value
				+ "' is neither a date (YYYY-MM-DD) nor a record reference (ceasefire:{id}, talks-round:{id}, incident:{id}, crossing-change:{id})");
	}

	boolean isRecord() {
		return this.recordType != null;
	}

	String describe() {
		return this.recordType.prefix() + ":" + this.recordId;
	}

}
