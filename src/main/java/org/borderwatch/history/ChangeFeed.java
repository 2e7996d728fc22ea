package org.borderwatch.history;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.borderwatch.common.InvalidInputException;

/**
 * The committed changes of every record in the order they became visible, for consumers
 * that keep a cursor and poll (and for the event stream and webhooks).
 * <p>
 * The order is (transaction id, sequence) and only the changes of transactions older than
 * the oldest transaction still running are served. A transaction that took its sequence
 * numbers early and commits late therefore never lands behind a cursor that has moved
 * past it: while it runs, nothing from it or after it is served, and once it has ended it
 * sorts by its own transaction id. The price is that the feed lags behind by the longest
 * running write transaction.
 * <p>
 * Transaction ids restart when a cluster is restored from a logical dump: consumers then
 * start again from an empty cursor.
 */
@Service
public class ChangeFeed {

	/** The cursor of the very beginning. */
	public static final String START = "0-0";

	private final JdbcClient jdbc;

	ChangeFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} changes after the cursor {@code after} (null or empty: from the
	 * start), in visibility order, only of {@code collections} when that is not empty.
	 * @throws InvalidInputException (400 on {@code after}) for a cursor this feed did not
	 * issue, or on {@code collection} for an unknown collection
	 */
	public ChangePage read(String after, Collection<String> collections, int limit) {
		Position from = Position.parse(after);
		String[] wanted = (collections == null) ? new String[0] : collections.toArray(String[]::new);
		for (String collection : wanted) {
			if (!HistoryCollections.ALL.contains(collection)) {
				throw InvalidInputException.forField("collection",
						"is not a collection; one of " + String.join(", ", HistoryCollections.ALL));
			}
		}
		List<Change> items = this.jdbc
			.sql("""
					select c.txid::text, c.seq, c.at, c.collection, c.record_id, c.action, c.version, c.record::text
					from record_change c
					where (c.txid, c.seq) > (cast(:txid as xid8), :seq)
					  and c.txid < pg_snapshot_xmin(pg_current_snapshot())
					  and (cardinality(cast(:collections as text[])) = 0 or c.collection = any(cast(:collections as text[])))
					order by c.txid, c.seq
					limit :limit""")
			.param("txid", from.txid())
			.param("seq", from.seq())
			.param("collections", wanted)
			.param("limit", limit)
			.query((rs, row) -> new Change(rs.getString(1) + "-" + rs.getLong(2),
					rs.getObject(3, Timestamp.class).toInstant(), rs.getString(4), rs.getObject(5, UUID.class),
					rs.getString(6), rs.getLong(7), rs.getString(8)))
			.list();
		String next = items.isEmpty() ? from.toString() : items.get(items.size() - 1).cursor();
		return new ChangePage(items, next);
	}

	/** A position in the feed: the last change seen. */
	private record Position(String txid, long seq) {

		static Position parse(String cursor) {
			if (cursor == null || cursor.isEmpty()) {
				return new Position("0", 0);
			}
			int dash = cursor.indexOf('-');
			try {
				if (dash < 1) {
					throw new NumberFormatException();
				}
				long txid = Long.parseUnsignedLong(cursor.substring(0, dash));
				long seq = Long.parseLong(cursor.substring(dash + 1));
				if (seq < 0) {
					throw new NumberFormatException();
				}
				return new Position(Long.toUnsignedString(txid), seq);
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.forField("after",
						"is not a cursor of this feed; use a cursor or nextCursor it answered, unchanged");
			}
		}

		@Override
		public String toString() {
			return this.txid + "-" + this.seq;
		}

	}

}
