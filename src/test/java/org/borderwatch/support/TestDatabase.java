package org.borderwatch.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.borderwatch.config.StalePostmaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database integration tests run against, one per JVM, chosen in this
 * order:
 * <ol>
 * <li>the server named by the {@code TEST_DB_URL} environment variable (with
 * {@code TEST_DB_USERNAME} and {@code TEST_DB_PASSWORD}), for CI or a developer's own
 * server;</li>
 * <li>a {@code postgres:17-alpine} container when a Docker engine answers;</li>
 * <li>an embedded PostgreSQL 17 on a fresh temporary data directory, so a database test
 * never has to be skipped for want of Docker.</li>
 * </ol>
 * The embedded server runs without fsync (its data is thrown away) and is stopped, and
 * its directory deleted, when the JVM exits. Servers of test JVMs that were killed are
 * stopped by the next test run.
 */
public final class TestDatabase {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

	private static final String IMAGE = "postgres:17-alpine";

	private static final String EMBEDDED_DIR_PREFIX = "borderwatch-testdb-";

	private static Connection connection;

	private TestDatabase() {
	}

	/**
	 * The test database, started on first use.
	 * @return how to connect to it
	 */
	public static synchronized Connection connection() {
		if (connection == null) {
			connection = resolve();
		}
		return connection;
	}

	private static Connection resolve() {
		String url = System.getenv("TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			logger.info("Test database: the server at TEST_DB_URL {}", url);
			return new Connection(url, System.getenv("TEST_DB_USERNAME"), System.getenv("TEST_DB_PASSWORD"));
		}
		if (isDockerAvailable()) {
			return startContainer();
		}
		return startEmbedded();
	}

	private static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			// A broken Docker setup must not cost a test run its database
			logger.debug("Docker is not usable", ex);
			return false;
		}
	}

	private static Connection startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-database-stop"));
		logger.info("Test database: Testcontainers {} at {}", IMAGE, container.getJdbcUrl());
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static Connection startEmbedded() {
		Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
		stopAbandonedServers(tempDir);
		try {
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory(tempDir, EMBEDDED_DIR_PREFIX))
				.setCleanDataDirectory(true)
				// the library's own hook stops the server and deletes its directory at
				// exit
				.setRegisterShutdownHook(true)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			String url = postgres.getJdbcUrl("postgres", "postgres");
			logger.info("Test database: embedded PostgreSQL (no TEST_DB_URL, no Docker) at {}, started in {} ms", url,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return new Connection(url, "postgres", null);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded test database", ex);
		}
	}

	/**
	 * Stops the servers of test JVMs that were killed before their shutdown hook ran (a
	 * Surefire timeout, a killed build) and deletes their directories. A directory whose
	 * owner still runs keeps its lock and is left alone.
	 */
	private static void stopAbandonedServers(Path tempDir) {
		Instant recent = Instant.now().minus(Duration.ofMinutes(1));
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempDir, EMBEDDED_DIR_PREFIX + "*")) {
			for (Path dir : dirs) {
				Path lockFile = dir.resolve("epg-lock");
				// The lock file appears when the server starts, after initdb: a young
				// directory
				// without one may be another JVM's server being created.
				Path age = Files.exists(lockFile) ? lockFile : dir;
				Duration minimumAge = Files.exists(lockFile) ? Duration.ZERO : Duration.ofHours(1);
				if (isYoungerThan(age, recent.minus(minimumAge)) || StalePostmaster.isInUse(dir)) {
					continue;
				}
				try {
					StalePostmaster.stopOrphans(dir);
					deleteRecursively(dir);
					logger.info("Removed the abandoned test database directory {}", dir);
				}
				catch (RuntimeException | IOException ex) {
					logger.warn("Could not remove the abandoned test database directory {}", dir, ex);
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Could not look for abandoned test databases in {}", tempDir, ex);
		}
	}

	private static boolean isYoungerThan(Path path, Instant instant) throws IOException {
		FileTime modified = Files.getLastModifiedTime(path);
		return modified.toInstant().isAfter(instant);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				if (ex != null) {
					throw ex;
				}
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/**
	 * How to reach the test database.
	 *
	 * @param url the JDBC URL
	 * @param username the user name, or {@code null} to use the one in the URL
	 * @param password the password, or {@code null} for none
	 */
	public record Connection(String url, String username, String password) {

	}

}
