package org.borderwatch.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.borderwatch.importing.DatasetFixtures;
import org.borderwatch.importing.ImportEngine;
import org.borderwatch.importing.ImportFormat;
import org.borderwatch.importing.ImportOptions;
import org.borderwatch.importing.ImportProgress;
import org.borderwatch.importing.ImportReport;
import org.borderwatch.importing.OnConflict;
import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;
import org.borderwatch.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification that wakes the other instances: sent by the service after a commit
 * that recorded changes, from outside the writing transaction, one for a burst of
 * commits; none for a rolled-back transaction, none from the database for writes made
 * outside the service. Seen here as another instance sees it, on a connection that
 * {@code LISTEN}s.
 */
class CommitNotificationTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private CommitNotifier notifier;

	@Autowired
	private LiveProperties properties;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportEngine importer;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private Connection listening;

	@BeforeEach
	void listen() throws Exception {
		TestDatabase.Connection database = TestDatabase.connection();
		this.listening = (database.username() != null)
				? DriverManager.getConnection(database.url(), database.username(), database.password())
				: DriverManager.getConnection(database.url());
		try (Statement statement = this.listening.createStatement()) {
			statement.execute("LISTEN " + FeedNotificationListener.CHANNEL);
		}
		assertThat(this.notifier.awaitSent(PATIENCE)).isTrue();
		notificationsUntilFence();
	}

	@AfterEach
	void stopListening() throws SQLException {
		this.listening.close();
	}

	@Test
	void aWriteThroughTheApiWakesAListeningConnectionAfterItsCommit() throws Exception {
		Api.Response created = new Api(this.port).post("/api/v1/actors", """
				{"name": "Notified %s", "kind": "OTHER"}""".formatted(UUID.randomUUID()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();

		assertThat(awaitNotification()).as("a notification arrived").isTrue();
		// sent after the commit: the change is visible to whoever is woken
		try (PreparedStatement select = this.listening
			.prepareStatement("select count(*) from record_change where record_id = cast(? as uuid)")) {
			select.setString(1, id);
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

	@Test
	void anImportIsAnnouncedAfterItsCommit() throws Exception {
		long announced = this.notifier.announcedCommits();
		DatasetFixtures fixtures = new DatasetFixtures("n" + UUID.randomUUID().toString().substring(0, 8) + "-");
		byte[] file = DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("1")));

		ImportReport report = this.importer.run(new ImportOptions(UUID.randomUUID(), ImportFormat.UCDP_GED, "ged.csv",
				"22.1", false, OnConflict.KEEP, "importer"), new ByteArrayInputStream(file), ImportProgress.NONE);

		assertThat(report.created()).isEqualTo(1);
		assertThat(this.notifier.announcedCommits()).isEqualTo(announced + 1);
		assertThat(awaitNotification()).as("a notification arrived").isTrue();
	}

	@Test
	void aRolledBackWriteSendsNoNotification() throws Exception {
		long announced = this.notifier.announcedCommits();
		long sent = this.notifier.sentNotifications();

		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			insertActor("Rolled back");
			status.setRollbackOnly();
		});

		assertThat(this.notifier.awaitSent(PATIENCE)).isTrue();
		assertThat(this.notifier.announcedCommits()).isEqualTo(announced);
		assertThat(this.notifier.sentNotifications()).isEqualTo(sent);
		assertThat(notificationsUntilFence()).isZero();
	}

	@Test
	void theDatabaseNoLongerNotifiesForWritesMadeOutsideTheService() throws Exception {
		try (PreparedStatement insert = this.listening.prepareStatement("""
				insert into actor (id, name, kind, version, created_at, updated_at)
				values (cast(? as uuid), ?, 'OTHER', 0, now(), now())""")) {
			insert.setString(1, UUID.randomUUID().toString());
			insert.setString(2, "Written with SQL " + UUID.randomUUID());
			assertThat(insert.executeUpdate()).isEqualTo(1);
		}
		assertThat(notificationsUntilFence()).isZero();
	}

	/**
	 * The rule is a rate, not a count: however slowly the burst runs on a busy machine,
	 * two notifications are at least one interval apart, so the burst's duration bounds
	 * their number. The commits come far faster than one per interval here, so that bound
	 * is far below one notification per commit.
	 */
	@Test
	void aBurstOfCommitsSendsAtMostOneNotificationPerInterval() throws Exception {
		int writers = 4;
		int commitsEach = 50;
		long announced = this.notifier.announcedCommits();
		long sent = this.notifier.sentNotifications();
		long interval = this.properties.notifyInterval().toNanos();

		long start = System.nanoTime();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < commitsEach; i++) {
						transaction.executeWithoutResult((status) -> insertActor("Burst"));
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.notifier.awaitSent(PATIENCE)).isTrue();
		long elapsed = System.nanoTime() - start;

		int commits = writers * commitsEach;
		long notifications = this.notifier.sentNotifications() - sent;
		assertThat(this.notifier.announcedCommits() - announced).isEqualTo(commits);
		assertThat(notifications).isPositive().isLessThanOrEqualTo(elapsed / interval + 1);
		assertThat(awaitNotification()).as("the last commit was announced").isTrue();
	}

	private void insertActor(String name) {
		this.jdbc.sql("""
				insert into actor (id, name, kind, version, created_at, updated_at)
				values (:id, :name, 'OTHER', 0, now(), now())""")
			.param("id", UUID.randomUUID())
			.param("name", name + " " + UUID.randomUUID())
			.update();
	}

	/** Waits for a payload-free notification, the kind the service sends. */
	private boolean awaitNotification() throws SQLException {
		PGConnection postgres = this.listening.unwrap(PGConnection.class);
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() - deadline < 0) {
			PGNotification[] notifications = postgres.getNotifications(200);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					if (notification.getParameter().isEmpty()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Sends a notification with a payload of its own and reads up to it, counting the
	 * payload-free notifications that came before: PostgreSQL delivers notifications in
	 * commit order.
	 */
	private int notificationsUntilFence() throws SQLException {
		String fence = "fence-" + UUID.randomUUID();
		try (PreparedStatement notify = this.listening.prepareStatement("select pg_notify(?, ?)")) {
			notify.setString(1, FeedNotificationListener.CHANNEL);
			notify.setString(2, fence);
			notify.execute();
		}
		PGConnection postgres = this.listening.unwrap(PGConnection.class);
		int before = 0;
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() - deadline < 0) {
			PGNotification[] notifications = postgres.getNotifications(200);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					if (fence.equals(notification.getParameter())) {
						return before;
					}
					if (notification.getParameter().isEmpty()) {
						before++;
					}
				}
			}
		}
		throw new AssertionError("the fence notification never came");
	}

}
