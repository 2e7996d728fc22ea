package org.borderwatch.config;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server on its data directory: started durable, on a directory
 * cleared of any server a killed predecessor left running, and stopped by
 * {@link #close()}.
 */
final class EmbeddedDatabaseServer implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	static final String DATABASE = "postgres";

	static final String USERNAME = "postgres";

	/**
	 * The library gives up after 10 seconds by default; crash recovery after a kill can
	 * take longer than that on a large database: it replays the WAL written since the
	 * last checkpoint, up to {@code max_wal_size} (gigabytes after a kill during a large
	 * import).
	 */
	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

	private final EmbeddedPostgres postgres;

	private final Path dataDir;

	private EmbeddedDatabaseServer(EmbeddedPostgres postgres, Path dataDir) {
		this.postgres = postgres;
		this.dataDir = dataDir;
	}

	static EmbeddedDatabaseServer start(EmbeddedDatabaseProperties properties) throws IOException {
		Path dataDir = prepareDataDirectory(properties.dataDir().toAbsolutePath().normalize());
		StalePostmaster.stopOrphans(dataDir);
		if (!StalePostmaster.claim(dataDir)) {
			throw new IllegalStateException("This application already runs an embedded PostgreSQL server on " + dataDir
					+ ". Give the second one another data directory (borderwatch.embedded-db.data-dir).");
		}
		try {
			if (properties.port() != 0) {
				requirePortFree(properties.port());
			}
			boolean firstStart = !Files.exists(dataDir.resolve("postgresql.conf"));
			logger.info(
					firstStart ? "Creating an embedded PostgreSQL cluster in {}" : "Starting embedded PostgreSQL on {}",
					dataDir);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPort(properties.port())
				// The library always passes -F (fsync off) and defaults
				// synchronous_commit to off,
				// settings for throw-away test databases. "-c fsync=on" comes after -F on
				// the
				// command line and wins: a committed write survives a crash of the
				// machine.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100")
				// sized for imports of large files, see EmbeddedDatabaseProperties
				.setServerConfig("shared_buffers", properties.sharedBuffers())
				.setServerConfig("max_wal_size", properties.maxWalSize())
				.setServerConfig("checkpoint_timeout", properties.checkpointTimeout())
				// initdb sets up trust authentication: never reachable from another host
				.setServerConfig("listen_addresses", "localhost")
				// the application context stops the server, after the connection pool is
				// closed
				.setRegisterShutdownHook(false)
				.setPGStartupWait(STARTUP_TIMEOUT)
				.start();
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			logger.info("Embedded PostgreSQL {} mode: data in {}, port {} (started in {} ms). Set "
					+ "SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD) to use "
					+ "your own PostgreSQL server.", serverVersion(postgres), dataDir, postgres.getPort(), millis);
			return new EmbeddedDatabaseServer(postgres, dataDir);
		}
		catch (IOException | RuntimeException ex) {
			StalePostmaster.release(dataDir);
			throw ex;
		}
	}

	EmbeddedPostgres postgres() {
		return this.postgres;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
		}
		finally {
			StalePostmaster.release(this.dataDir);
		}
	}

	private static Path prepareDataDirectory(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path realDir = dataDir.toRealPath();
		// initdb refuses a directory that is not empty, with an error that does not say
		// why
		if (!Files.exists(realDir.resolve("postgresql.conf")) && !isEmpty(realDir)) {
			throw new IllegalStateException("The PostgreSQL data directory " + realDir + " is not empty but holds no "
					+ "PostgreSQL cluster (a first start interrupted while the cluster was being created leaves such a "
					+ "directory). Empty it, or set borderwatch.embedded-db.data-dir to another directory.");
		}
		return realDir;
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void requirePortFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// PostgreSQL binds with SO_REUSEADDR too, so a port in TIME_WAIT counts as
			// free
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			// the message says it all; the bind failure's stack trace would only hide it
			throw new IllegalStateException("Port " + port + " is not available to the embedded PostgreSQL server ("
					+ ex.getMessage() + "). Set borderwatch.embedded-db.port to a free port, or to 0 to pick one on "
					+ "every start.");
		}
	}

	private static String serverVersion(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			return result.next() ? result.getString(1) : "";
		}
		catch (SQLException ex) {
			return "";
		}
	}

}
