package org.borderwatch.live;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.borderwatch.history.ChangeFeed;
import org.borderwatch.history.ChangePage;

/**
 * The change feed as the stream and the webhooks read it: pages of {@link FeedEvent}s
 * after a position, the position of the newest visible change, and the timeline facets of
 * changed records for the filters that need them. The feed itself stays the single source
 * of truth: nothing here keeps changes in memory beyond one page.
 */
@Component
public class LiveFeed {

	private final ChangeFeed feed;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LiveFeed(ChangeFeed feed, JdbcClient jdbc, JsonMapper json) {
		this.feed = feed;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Up to {@code limit} changes after {@code after}, of every collection, in feed
	 * order.
	 */
	public List<FeedEvent> read(FeedPosition after, int limit) {
		ChangePage page = this.feed.read(after.toString(), List.of(), limit);
		List<FeedEvent> events = new ArrayList<>(page.items().size());
		page.items().forEach((change) -> events.add(FeedEvent.of(change, this.json)));
		return events;
	}

	/**
	 * The position of the newest change the feed serves now (only ended transactions), or
	 * the start when there is none.
	 */
	public FeedPosition end() {
		return this.jdbc.sql("""
				select c.txid::text, c.seq from record_change c
				where c.txid < pg_snapshot_xmin(pg_current_snapshot())
				order by c.txid desc, c.seq desc
				limit 1""")
			.query((rs, row) -> new FeedPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
			.optional()
			.orElse(FeedPosition.START);
	}

	/** The events with the timeline entries of their records, in one query. */
	public List<FeedEvent> withTimelineEntries(List<FeedEvent> events) {
		if (events.isEmpty() || events.get(0).entries() != null) {
			return events;
		}
		UUID[] ids = events.stream().map(FeedEvent::recordId).distinct().toArray(UUID[]::new);
		Map<UUID, List<FeedEvent.TimelineFacet>> byRecord = new HashMap<>();
		this.jdbc.sql("""
				select record_id, kind, countries, actor_ids from timeline_entry
				where record_id = any(:ids)""").param("ids", ids).query((rs) -> {
			byRecord.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new ArrayList<>())
				.add(new FeedEvent.TimelineFacet(rs.getString(2), Set.copyOf(strings(rs.getArray(3))),
						Set.copyOf(uuids(rs.getArray(4)))));
		});
		List<FeedEvent> enriched = new ArrayList<>(events.size());
		for (FeedEvent event : events) {
			enriched.add(event.withEntries(byRecord.getOrDefault(event.recordId(), List.of())));
		}
		return enriched;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		return (array != null) ? new HashSet<>(Arrays.asList((UUID[]) array.getArray())) : Set.of();
	}

}
