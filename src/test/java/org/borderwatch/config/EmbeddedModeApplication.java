package org.borderwatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.borderwatch.BorderwatchApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the real application in the embedded database mode on a given data directory for
 * the tests, and (through {@link #main}) the embedded database in a separate JVM that a
 * test kills to leave its PostgreSQL server behind.
 */
final class EmbeddedModeApplication {

	private EmbeddedModeApplication() {
	}

	/**
	 * Command-line arguments, not {@code SpringApplicationBuilder.properties(...)}: those
	 * are default properties, which {@code application.properties} and the environment (a
	 * developer's {@code SPRING_DATASOURCE_URL}) override.
	 */
	static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(BorderwatchApplication.class).run("--spring.datasource.url=",
				"--borderwatch.embedded-db.data-dir=" + dataDir, "--borderwatch.embedded-db.port=0", "--server.port=0",
				"--borderwatch.demo-data.enabled=false",
				// the schema belongs to the features' migrations; these tests use their
				// own table
				"--spring.jpa.hibernate.ddl-auto=none");
	}

	static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class);
	}

	/**
	 * Commits a row to a table of the tests' own. Its schema keeps it out of Flyway's
	 * way: Flyway refuses to migrate a {@code public} schema that holds tables it did not
	 * create.
	 */
	static void insertProbe(JdbcTemplate jdbc, String value) {
		jdbc.execute("CREATE SCHEMA IF NOT EXISTS embedded_db_test");
		jdbc.execute("CREATE TABLE IF NOT EXISTS embedded_db_test.restart_probe (value text PRIMARY KEY)");
		jdbc.update("INSERT INTO embedded_db_test.restart_probe (value) VALUES (?)", value);
	}

	static List<String> probes(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT value FROM embedded_db_test.restart_probe ORDER BY value", String.class);
	}

	/**
	 * Starts the embedded database configuration alone (the whole application would only
	 * make the child slower to start), commits a probe row, then signals readiness by
	 * creating a file and waits to be killed.
	 * @param args the data directory, the probe value and the readiness file
	 */
	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EmbeddedDatabaseConfiguration.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=", "--borderwatch.embedded-db.data-dir=" + args[0]);
		// Should the test JVM die before killing this one, stop the server rather than
		// leave it
		ProcessHandle.current().parent().ifPresent((parent) -> parent.onExit().thenRun(() -> {
			context.close();
			Runtime.getRuntime().halt(1);
		}));
		insertProbe(new JdbcTemplate(context.getBean(DataSource.class)), args[1]);
		Files.writeString(Path.of(args[2]), "ready");
		Thread.sleep(Long.MAX_VALUE);
	}

}
