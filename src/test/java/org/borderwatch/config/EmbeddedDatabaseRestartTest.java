package org.borderwatch.config;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mode keeps its data across restarts of the application and runs durably.
 */
class EmbeddedDatabaseRestartTest {

	@TempDir
	Path tempDir;

	@AfterEach
	void stopLeftoverServer() {
		StalePostmaster.stopOrphans(this.tempDir.resolve("postgres"));
	}

	@Test
	void keepsCommittedRowsAcrossRestartsOnTheSameDataDirectory() {
		Path dataDir = this.tempDir.resolve("postgres");
		String value = "restart-" + UUID.randomUUID();
		try (ConfigurableApplicationContext context = EmbeddedModeApplication.start(dataDir)) {
			assertDurable(EmbeddedModeApplication.jdbc(context));
			EmbeddedModeApplication.insertProbe(EmbeddedModeApplication.jdbc(context), value);
		}
		try (ConfigurableApplicationContext context = EmbeddedModeApplication.start(dataDir)) {
			JdbcTemplate jdbc = EmbeddedModeApplication.jdbc(context);
			assertThat(EmbeddedModeApplication.probes(jdbc)).containsExactly(value);
			assertDurable(jdbc);
		}
		assertThat(dataDir.resolve(StalePostmaster.PID_FILE)).doesNotExist();
	}

	@Test
	void givesTheApplicationAPoolOnTheEmbeddedServer() {
		try (ConfigurableApplicationContext context = EmbeddedModeApplication.start(this.tempDir.resolve("postgres"))) {
			assertThat(context.getBeansOfType(DataSource.class)).containsOnlyKeys("dataSource");
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
			assertThat(dataSource.getJdbcUrl())
				.isEqualTo("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
			assertThat(dataSource.getMaximumPoolSize()).isEqualTo(10);
			JdbcTemplate jdbc = EmbeddedModeApplication.jdbc(context);
			assertThat(jdbc.queryForObject("SHOW server_version_num", Integer.class)).isGreaterThanOrEqualTo(170000);
			assertThat(jdbc.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("localhost");
		}
	}

	private static void assertDurable(JdbcTemplate jdbc) {
		// the library starts the server with -F and synchronous_commit=off; these must
		// not win
		assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW timezone", String.class)).isIn("UTC", "Etc/UTC");
	}

}
