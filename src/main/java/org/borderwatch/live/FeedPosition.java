package org.borderwatch.live;

import org.borderwatch.common.InvalidInputException;

/**
 * A position in the change feed, as its cursors write it: {@code <txid>-<seq>}, ordered
 * by transaction id, then sequence. The stream compares positions to tell which changes a
 * client has already had.
 *
 * @param txid the transaction id (an unsigned 64-bit number)
 * @param seq the sequence number within the feed
 */
public record FeedPosition(long txid, long seq) implements Comparable<FeedPosition> {

	public static final FeedPosition START = new FeedPosition(0, 0);

	/**
	 * Reads a cursor the feed issued.
	 * @param cursor the cursor, null or empty for the start
	 * @param field the request field it came from, named in the error
	 * @throws InvalidInputException (400 on {@code field}) for anything else
	 */
	public static FeedPosition parse(String cursor, String field) {
		if (cursor == null || cursor.isBlank()) {
			return START;
		}
		String value = cursor.strip();
		int dash = value.indexOf('-');
		try {
			if (dash < 1) {
				throw new NumberFormatException();
			}
			long seq = Long.parseLong(value.substring(dash + 1));
			if (seq < 0) {
				throw new NumberFormatException();
			}
			return new FeedPosition(Long.parseUnsignedLong(value.substring(0, dash)), seq);
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.forField(field,
					"is not a cursor of the change feed; use an event id or a feed cursor, unchanged");
		}
	}

	@Override
	public int compareTo(FeedPosition other) {
		int byTransaction = Long.compareUnsigned(this.txid, other.txid);
		return (byTransaction != 0) ? byTransaction : Long.compare(this.seq, other.seq);
	}

	public boolean isAfter(FeedPosition other) {
		return compareTo(other) > 0;
	}

	@Override
	public String toString() {
		return Long.toUnsignedString(this.txid) + "-" + this.seq;
	}

}
