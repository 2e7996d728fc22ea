package org.borderwatch.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.borderwatch.common.Cursor;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.IsoDates;

/**
 * A position in the feed's total order: date, kind rank, instant (a crossing change's
 * exact time, midnight UTC for the rest), record id. Unique per entry, so keyset paging
 * over it returns each entry exactly once even while entries are added: a new entry lands
 * either before the cursor (never shown to this walk) or after it (shown in a later
 * page).
 */
record TimelineKey(LocalDate date, int rank, Instant instant, UUID recordId) {

	/** How many sort keys a timeline cursor holds. */
	static final int VALUES = 5;

	/** A cursor for the page after this key, bound to the walk's direction. */
	Cursor toCursor(SortOrder order) {
		return Cursor.of(order.name().toLowerCase(Locale.ROOT), this.date, this.rank, this.instant, this.recordId);
	}

	/**
	 * The key in a decoded cursor; a 400 on {@code cursor} when it is not one of this
	 * walk's.
	 */
	static TimelineKey fromCursor(Cursor cursor, SortOrder order) {
		if (!cursor.value(0).equals(order.name().toLowerCase(Locale.ROOT))) {
			throw InvalidInputException.forField("cursor",
					"was issued for order=" + cursor.value(0) + "; keep the order of the walk it came from");
		}
		try {
			return new TimelineKey(IsoDates.parseDate(cursor.value(1)), Integer.parseInt(cursor.value(2)),
					IsoDates.parseInstant(cursor.value(3)), UUID.fromString(cursor.value(4)));
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw InvalidInputException.forField("cursor", "is not a cursor this list issued");
		}
	}

}
