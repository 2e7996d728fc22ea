package org.borderwatch.history;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.borderwatch.common.Cursor;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.PageResponse;

/**
 * Reads the history of one record. History outlives the record: a deleted record's
 * history still answers, ending in its DELETED entry.
 */
@Service
class HistoryService {

	private static final String COLUMNS = """
			select c.seq, c.collection, c.record_id, c.version, c.action, c.at, c.actor, c.role, c.reason,
			       c.patch::text, c.record::text
			from record_change c
			""";

	private static final RowMapper<Row> ROW = (rs, row) -> new Row(rs.getLong(1),
			new HistoryEntry(rs.getString(2), rs.getObject(3, UUID.class), rs.getLong(4), rs.getString(5),
					rs.getObject(6, Timestamp.class).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11)));

	private final JdbcClient jdbc;

	HistoryService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the history of a record, newest first, with the entries of its child
	 * records (a crossing's status changes, a ceasefire's violations) mixed in; 404 when
	 * the record never existed. {@code parentId} names the parent of a child record, null
	 * for others.
	 */
	PageResponse<HistoryEntry> history(String collection, UUID parentId, UUID id, int limit, String cursor) {
		long before = Long.MAX_VALUE;
		if (cursor != null) {
			try {
				before = Long.parseLong(Cursor.decode(cursor, 1).value(0));
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.forField("cursor",
						"is not a cursor this list issued; use the nextCursor value of a previous page unchanged");
			}
		}
		requireKnown(collection, parentId, id);
		List<Row> rows = this.jdbc.sql(COLUMNS + """
				where c.seq in ((select seq from record_change
				                 where collection = :collection and record_id = :id and seq < :before
				                 order by seq desc limit :limit)
				                union all
				                (select seq from record_change
				                 where parent_collection = :collection and parent_id = :id and seq < :before
				                 order by seq desc limit :limit))
				order by c.seq desc
				limit :limit""")
			.param("collection", collection)
			.param("id", id)
			.param("before", before)
			.param("limit", limit + 1)
			.query(ROW)
			.list();
		return PageResponse.fromLookahead(rows, limit, (row) -> Cursor.of(row.seq())).map(Row::entry);
	}

	/**
	 * The record's served JSON as of {@code version}: 404 when the record never had that
	 * version, when that version is its deletion, or when the change was made outside the
	 * service (bulk SQL) and its record was not kept.
	 */
	String version(String collection, UUID parentId, UUID id, long version) {
		requireKnown(collection, parentId, id);
		List<Row> rows = this.jdbc.sql(COLUMNS + """
				where c.collection = :collection and c.record_id = :id and c.version = :version
				order by c.seq desc
				limit 1""").param("collection", collection).param("id", id).param("version", version).query(ROW).list();
		if (rows.isEmpty()) {
			throw NotFoundException.of("version " + version + " of " + collection, id);
		}
		HistoryEntry entry = rows.get(0).entry();
		if (entry.record() == null) {
			throw NotFoundException.of("record as of version " + version + " of " + collection,
					id + ("DELETED".equals(entry.action()) ? ": that version is its deletion"
							: ": that change was made outside the service and its record was not kept"));
		}
		return entry.record();
	}

	/** 404 unless the record has history (under that parent, for a child record). */
	private void requireKnown(String collection, UUID parentId, UUID id) {
		boolean known = this.jdbc.sql("""
				select exists (select 1 from record_change
				               where collection = :collection and record_id = :id
				                 and (cast(:parentId as uuid) is null or parent_id = :parentId))""")
			.param("collection", collection)
			.param("id", id)
			.param("parentId", parentId)
			.query(Boolean.class)
			.single();
		if (!known) {
			throw NotFoundException.of("history of " + collection, id);
		}
	}

	private record Row(long seq, HistoryEntry entry) {
	}

}
