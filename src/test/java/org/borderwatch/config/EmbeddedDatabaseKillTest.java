package org.borderwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An application killed with SIGKILL leaves its PostgreSQL server running on the data
 * directory; the next start on that directory must stop it and come up with the data. The
 * application runs in a child JVM, so the kill is a real one: no shutdown hook, no
 * context close.
 */
class EmbeddedDatabaseKillTest {

	private static final Duration CHILD_STARTUP_TIMEOUT = Duration.ofSeconds(120);

	@TempDir
	Path tempDir;

	private Process child;

	@AfterEach
	void stopEverythingLeftBehind() throws InterruptedException {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		StalePostmaster.stopOrphans(dataDir());
	}

	@Test
	void startsAgainAfterTheApplicationWasKilled() throws Exception {
		String value = "killed-" + UUID.randomUUID();
		this.child = startChild(value);
		long postmasterPid = postmasterPid();

		// While the child lives its server is in use: a second application must not take
		// it over
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("borderwatch.embedded-db.data-dir=" + dataDir())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("in use by another running application"));
		assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isPresent();

		this.child.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(postmasterPid)).as("the killed application's postmaster lives on")
			.hasValueSatisfying((process) -> assertThat(process.isAlive()).isTrue());

		try (ConfigurableApplicationContext context = EmbeddedModeApplication.start(dataDir())) {
			JdbcTemplate jdbc = EmbeddedModeApplication.jdbc(context);
			assertThat(EmbeddedModeApplication.probes(jdbc)).containsExactly(value);
			assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(postmasterPid()).isNotEqualTo(postmasterPid);
		}
	}

	@Test
	void recoversAfterTheApplicationAndItsServerWereKilled() throws Exception {
		String value = "crashed-" + UUID.randomUUID();
		this.child = startChild(value);
		ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
		List<ProcessHandle> backends = postmaster.descendants().toList();

		this.child.destroyForcibly().waitFor();
		// a committed row must survive the server dying without a shutdown checkpoint
		postmaster.destroyForcibly();
		postmaster.onExit().get(30, TimeUnit.SECONDS);

		try (ConfigurableApplicationContext context = EmbeddedModeApplication.start(dataDir())) {
			assertThat(EmbeddedModeApplication.probes(EmbeddedModeApplication.jdbc(context))).containsExactly(value);
			assertThat(backends).noneMatch(ProcessHandle::isAlive);
		}
	}

	private Path dataDir() {
		return this.tempDir.resolve("postgres");
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(dataDir().resolve(StalePostmaster.PID_FILE)).get(0).trim());
	}

	private Process startChild(String value) throws Exception {
		Path ready = this.tempDir.resolve("child-ready");
		Path log = this.tempDir.resolve("child.log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(EmbeddedModeApplication.class.getName());
		command.add(dataDir().toString());
		command.add(value);
		command.add(ready.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + CHILD_STARTUP_TIMEOUT.toNanos();
		while (!Files.exists(ready)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly().waitFor();
				fail("The child application did not start; its output:%n%s", Files.readString(log));
			}
			Thread.sleep(100);
		}
		return process;
	}

}
