package org.borderwatch.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed under concurrent writers: sequence numbers are taken in one order and
 * committed in another, and a poller that keeps its cursor must still see every change
 * exactly once.
 */
class ChangeFeedConcurrencyTest extends IntegrationTest {

	private static final int WRITERS = 8;

	private static final int TRANSACTIONS_PER_WRITER = 40;

	private static final int MAX_ROWS_PER_TRANSACTION = 5;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ChangeFeed feed;

	@Test
	void neverSkipsAChangeWhoseTransactionCommittedAfterLaterOnes() throws Exception {
		String cursor = drain(ChangeFeed.START);
		try (Connection early = this.dataSource.getConnection(); Connection late = this.dataSource.getConnection()) {
			early.setAutoCommit(false);
			late.setAutoCommit(false);
			// The early transaction takes its sequence number first ...
			UUID first = insertSource(early, "early");
			// ... the late one takes a later one and commits first.
			UUID second = insertSource(late, "late");
			late.commit();

			ChangePage whileOpen = this.feed.read(cursor, List.of(HistoryCollections.SOURCES), 500);
			assertThat(whileOpen.items()).extracting(Change::id).doesNotContain(first, second);
			cursor = whileOpen.nextCursor();

			early.commit();
			List<UUID> seen = new ArrayList<>();
			ChangePage page;
			do {
				page = this.feed.read(cursor, List.of(HistoryCollections.SOURCES), 500);
				page.items().forEach((change) -> seen.add(change.id()));
				cursor = page.nextCursor();
			}
			while (!page.items().isEmpty());
			assertThat(seen).contains(first, second);
		}
	}

	@Test
	void pollerSeesEveryChangeOfConcurrentWritersExactlyOnce() throws Exception {
		String start = drain(ChangeFeed.START);
		Set<UUID> written = ConcurrentHashMap.newKeySet();
		Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
		Map<UUID, Integer> seen = new ConcurrentHashMap<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
		CountDownLatch started = new CountDownLatch(WRITERS);
		try {
			Future<Integer> poller = pool.submit(() -> {
				String cursor = start;
				int polls = 0;
				while (true) {
					boolean last = !writing.get();
					ChangePage page = this.feed.read(cursor, List.of(HistoryCollections.SOURCES), 50);
					polls++;
					page.items().forEach((change) -> seen.merge(change.id(), 1, Integer::sum));
					cursor = page.nextCursor();
					if (last && page.items().isEmpty()) {
						return polls;
					}
				}
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.add(pool.submit(() -> {
					Random random = new Random(writer);
					try (Connection connection = this.dataSource.getConnection()) {
						connection.setAutoCommit(false);
						started.countDown();
						started.await();
						for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
							int rows = 1 + random.nextInt(MAX_ROWS_PER_TRANSACTION);
							List<UUID> ids = new ArrayList<>();
							for (int r = 0; r < rows; r++) {
								ids.add(insertSource(connection, "w" + writer));
							}
							// Every fifth transaction stays open while the others commit.
							if (t % 5 == 0) {
								Thread.sleep(20 + random.nextInt(40));
							}
							if (random.nextInt(10) == 0) {
								connection.rollback();
								rolledBack.addAll(ids);
							}
							else {
								connection.commit();
								written.addAll(ids);
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(5, TimeUnit.MINUTES);
			}
			writing.set(false);
			int polls = poller.get(5, TimeUnit.MINUTES);

			Map<UUID, Integer> ours = new HashMap<>();
			seen.forEach((id, count) -> {
				if (written.contains(id) || rolledBack.contains(id)) {
					ours.put(id, count);
				}
			});
			assertThat(ours.keySet()).as("every committed change seen").containsExactlyInAnyOrderElementsOf(written);
			assertThat(written).hasSizeGreaterThan(WRITERS * TRANSACTIONS_PER_WRITER / 2);
			assertThat(ours.values()).as("each seen once").allMatch((count) -> count == 1);
			System.out.printf("change feed: %d writers, %d committed changes, %d polls, none skipped or repeated%n",
					WRITERS, written.size(), polls);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private UUID insertSource(Connection connection, String title) throws SQLException {
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into source (id, publisher, title, kind, version, created_at, updated_at)
				values (?, 'Feed test', ?, 'OTHER', 0, now(), now())""")) {
			insert.setObject(1, id);
			insert.setString(2, title);
			insert.executeUpdate();
		}
		return id;
	}

	/** Reads the feed to its end; the cursor there. */
	private String drain(String cursor) {
		ChangePage page;
		do {
			page = this.feed.read(cursor, List.of(), 500);
			cursor = page.nextCursor();
		}
		while (!page.items().isEmpty());
		return cursor;
	}

}
