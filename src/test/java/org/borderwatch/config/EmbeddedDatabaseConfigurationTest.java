package org.borderwatch.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the embedded mode applies, and the clear refusals of its configuration.
 */
class EmbeddedDatabaseConfigurationTest {

	@TempDir
	Path tempDir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedDatabaseConfiguration.class);

	@AfterEach
	void stopLeftoverServer() {
		StalePostmaster.stopOrphans(dataDir());
	}

	@Test
	void backsOffWhenADataSourceUrlIsConfigured() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.org/borderwatch")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedPostgres.class)
				.doesNotHaveBean(DataSource.class));
	}

	@Test
	void treatsABlankDataSourceUrlAsUnset() {
		new ApplicationContextRunner().withUserConfiguration(OnlyWithoutDataSourceUrl.class)
			.withPropertyValues("spring.datasource.url= ")
			.run((context) -> assertThat(context).hasBean("embeddedModeWouldApply"));
	}

	@Test
	void refusesAFixedPortThatIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.runner.withPropertyValues(dataDirProperty(), "borderwatch.embedded-db.port=" + taken.getLocalPort())
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("Port " + taken.getLocalPort() + " is not available")
					.hasMessageContaining("in use")
					.hasMessageContaining("borderwatch.embedded-db.port"));
		}
	}

	@Test
	void refusesADirectoryThatHoldsSomethingElse() throws IOException {
		Files.createDirectories(dataDir());
		Files.writeString(dataDir().resolve("notes.txt"), "not a database");
		this.runner.withPropertyValues(dataDirProperty())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("is not empty but holds no PostgreSQL cluster")
				.hasMessageContaining("borderwatch.embedded-db.data-dir"));
	}

	@Test
	void refusesASecondServerOnTheSameDirectoryAndKeepsTheFirst() {
		this.runner.withPropertyValues(dataDirProperty()).run((first) -> {
			assertThat(first).hasNotFailed();
			this.runner.withPropertyValues(dataDirProperty())
				.run((second) -> assertThat(second).getFailure()
					.rootCause()
					.hasMessageContaining("already runs an embedded PostgreSQL server"));
			assertThat(new JdbcTemplate(first.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
				.isEqualTo(1);
		});
	}

	@Test
	void startsAServerSizedForLargeImportsWithoutGivingUpDurability() {
		this.runner.withPropertyValues(dataDirProperty(), "borderwatch.embedded-db.max-wal-size=2GB").run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("show shared_buffers", String.class)).isEqualTo("512MB");
			assertThat(jdbc.queryForObject("show max_wal_size", String.class)).isEqualTo("2GB");
			assertThat(jdbc.queryForObject("show checkpoint_timeout", String.class)).isEqualTo("30min");
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
		});
	}

	@Test
	void startsDespiteAPidFileNamingAnUnrelatedProcess() throws IOException {
		List<String> pidFile = new ArrayList<>();
		this.runner.withPropertyValues(dataDirProperty())
			.run((context) -> pidFile.addAll(Files.readAllLines(dataDir().resolve(StalePostmaster.PID_FILE))));
		// After a kill and a reboot the recorded PID may belong to anything; PostgreSQL
		// refuses to start while that PID is alive and owned by its user
		pidFile.set(0, Long.toString(ProcessHandle.current().pid()));
		Files.write(dataDir().resolve(StalePostmaster.PID_FILE), pidFile);
		this.runner.withPropertyValues(dataDirProperty())
			.run((context) -> assertThat(
					new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
				.isEqualTo(1));
	}

	private Path dataDir() {
		return this.tempDir.resolve("postgres");
	}

	private String dataDirProperty() {
		return "borderwatch.embedded-db.data-dir=" + dataDir();
	}

	/**
	 * Not a {@code @Configuration}: the application's component scan must not pick it up.
	 */
	@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrlCondition.class)
	static class OnlyWithoutDataSourceUrl {

		@Bean
		String embeddedModeWouldApply() {
			return "yes";
		}

	}

}
