package org.borderwatch.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.borderwatch.BorderwatchApplication;
import org.borderwatch.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code import} command, run in-process through its entry point: the engine on the
 * configured database, without a web server, a summary, and exit codes.
 */
class ImportCommandTest {

	@TempDir
	Path dir;

	private int run(List<String> args, StringBuilder stdout, StringBuilder stderr) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ImportCommand.run(BorderwatchApplication.class, args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		stdout.append(out.toString(StandardCharsets.UTF_8));
		stderr.append(err.toString(StandardCharsets.UTF_8));
		return code;
	}

	private static List<String> databaseArgs() {
		TestDatabase.Connection db = TestDatabase.connection();
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(), "--server.port=-1"));
		if (db.username() != null) {
			args.add("--spring.datasource.username=" + db.username());
		}
		if (db.password() != null) {
			args.add("--spring.datasource.password=" + db.password());
		}
		return args;
	}

	@Test
	void importsAFileAndPrintsTheSummaryWithoutAWebServer() throws Exception {
		String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "-";
		DatasetFixtures fixtures = new DatasetFixtures(prefix);
		Path file = this.dir.resolve("ged.csv");
		Files.write(file, DatasetFixtures
			.gedHdxFile(List.of(fixtures.gedEvent("1"), fixtures.gedEvent("2", "date_start", "03/27/1990 00:00:00"))));
		List<String> args = new ArrayList<>(List.of("import", "--format", "ucdp-ged", file.toString(),
				"--on-conflict=keep", "--dataset-version=22.1"));
		args.addAll(databaseArgs());
		StringBuilder out = new StringBuilder();
		StringBuilder err = new StringBuilder();

		int code = run(args, out, err);

		assertThat(code).as(err.toString()).isZero();
		assertThat(out.toString()).contains("ged.csv: 2 rows: 2 created, 0 updated, 0 unchanged");
		assertThat(err.toString()).contains("rows/s");

		StringBuilder again = new StringBuilder();
		assertThat(run(args, again, new StringBuilder())).isZero();
		assertThat(again.toString()).contains("0 created, 0 updated, 2 unchanged");
	}

	@Test
	void exitsWithOneWhenAStrictImportFails() throws Exception {
		DatasetFixtures fixtures = new DatasetFixtures("s" + UUID.randomUUID().toString().substring(0, 8) + "-");
		Path file = this.dir.resolve("bad.csv");
		Files.write(file, DatasetFixtures.gedHdxFile(List.of(fixtures.gedEvent("1", "type_of_violence", "9"))));
		List<String> args = new ArrayList<>(List.of("import", "--format=ucdp-ged", "--strict", file.toString()));
		args.addAll(databaseArgs());
		StringBuilder err = new StringBuilder();

		assertThat(run(args, new StringBuilder(), err)).isEqualTo(1);
		assertThat(err.toString()).contains("nothing written").contains("type_of_violence");
	}

	@Test
	void exitsWithTwoOnBadArguments() {
		StringBuilder err = new StringBuilder();

		assertThat(run(List.of("import", "--format", "gdelt", "x.csv"), new StringBuilder(), err)).isEqualTo(2);
		assertThat(err.toString()).contains("ucdp-ged").contains("usage");
	}

}
