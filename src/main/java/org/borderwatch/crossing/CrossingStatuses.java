package org.borderwatch.crossing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.borderwatch.common.DatePrecision;

/**
 * Derives crossing statuses from their histories. {@link #STATUS_AT_JOIN} is the one
 * definition of "the status of crossing {@code b} at {@code :at}" (the latest change at
 * or before it, one index probe on {@code crossing_status_change_asof_idx}); lists, their
 * status filters and single reads all use it, so what a filter selects and what a
 * response shows cannot differ.
 */
@Component
class CrossingStatuses {

	/**
	 * Joins {@code cur}, the change in force at {@code :at}, to
	 * {@code border_crossing b}; no row means UNKNOWN.
	 */
	static final String STATUS_AT_JOIN = """
			left join lateral (
			    select s.id, s.status, s.allowed_traffic, s.effective_from, s.date_precision
			    from crossing_status_change s
			    where s.crossing_id = b.id and s.effective_from <= :at
			    order by s.effective_from desc
			    limit 1) cur on true""";

	/** The columns of {@link #STATUS_AT_JOIN} that {@link #read} maps. */
	static final String STATUS_COLUMNS = """
			cur.id as status_change_id, cur.status as status, cur.allowed_traffic as status_traffic,
			cur.effective_from as status_since, cur.date_precision as status_precision""";

	private final JdbcClient jdbc;

	CrossingStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The status of each of {@code ids} at {@code at}, in one query; crossings of UNKNOWN
	 * status are absent.
	 */
	Map<UUID, CurrentStatus> at(Collection<UUID> ids, Instant at) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, CurrentStatus> statuses = new HashMap<>();
		this.jdbc
			.sql("select b.id, " + STATUS_COLUMNS + "\nfrom border_crossing b\n" + STATUS_AT_JOIN
					+ "\nwhere b.id in (:ids)")
			.param("ids", ids)
			.param("at", sqlInstant(at))
			.query((rs, row) -> {
				CurrentStatus status = read(rs);
				if (status != null) {
					statuses.put(rs.getObject("id", UUID.class), status);
				}
				return null;
			})
			.list();
		return statuses;
	}

	/**
	 * The status of one crossing at {@code at}, and whether a later change is already
	 * recorded: then the status will change with time alone, without any write. Empty
	 * when there is no such crossing.
	 */
	Optional<Snapshot> snapshot(UUID id, Instant at) {
		return this.jdbc.sql("select " + STATUS_COLUMNS + """
				,
				    exists (select 1 from crossing_status_change n
				            where n.crossing_id = b.id and n.effective_from > :at) as changes_later
				from border_crossing b
				""" + STATUS_AT_JOIN + "\nwhere b.id = :id")
			.param("id", id)
			.param("at", sqlInstant(at))
			.query((rs, row) -> new Snapshot(read(rs), rs.getBoolean("changes_later")))
			.optional();
	}

	/**
	 * A crossing's status at an instant; {@code changesLater} when a change after it is
	 * recorded.
	 */
	record Snapshot(CurrentStatus status, boolean changesLater) {
	}

	/**
	 * Maps the {@link #STATUS_COLUMNS} of the current row; null when no change precedes
	 * the instant.
	 */
	static CurrentStatus read(ResultSet rs) throws SQLException {
		UUID changeId = rs.getObject("status_change_id", UUID.class);
		if (changeId == null) {
			return null;
		}
		return new CurrentStatus(CrossingStatus.valueOf(rs.getString("status")), traffic(rs.getArray("status_traffic")),
				rs.getObject("status_since", OffsetDateTime.class).toInstant(),
				DatePrecision.valueOf(rs.getString("status_precision")), changeId);
	}

	private static List<TrafficKind> traffic(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(TrafficKind::valueOf).sorted().toList();
	}

	/** PgJDBC binds {@code OffsetDateTime} to timestamptz, not {@code Instant}. */
	static OffsetDateTime sqlInstant(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
