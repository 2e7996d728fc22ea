package org.borderwatch.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line way in:
 * {@code java -jar borderwatch.jar import --format ucdp-ged FILE [--strict]
 * [--on-conflict=keep|overwrite] [--dataset-version=22.1]}. It starts the application
 * without listening on any port, on the same database settings as the service (the
 * embedded database by default; {@code --spring.datasource.url=...} and the other Spring
 * properties are passed on), runs the same engine as the API, shows rows and rows/s on
 * stderr and a summary on stdout, and exits with 0 when the import was written, 1 when it
 * failed (nothing written) and 2 on bad arguments.
 */
public final class ImportCommand {

	static final String USAGE = """
			usage: import --format FORMAT FILE [--strict] [--on-conflict=keep|overwrite] [--dataset-version=V]
			       [--spring.datasource.url=... and other Spring properties]
			formats: %s""".formatted(ImportFormat.codes());

	/**
	 * Set while the command runs: the service's own duties (failing jobs of a stop) stay
	 * off.
	 */
	static final String COMMAND_PROPERTY = "borderwatch.import.command";

	private ImportCommand() {
	}

	/** Whether {@code args} ask for this command rather than the service. */
	public static boolean isInvoked(String[] args) {
		return args.length > 0 && args[0].equals("import");
	}

	/** Runs the command; answers the process exit code. */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		if (!Files.isReadable(arguments.file())) {
			err.println("cannot read " + arguments.file());
			return 2;
		}
		List<String> springArgs = new ArrayList<>(arguments.springArgs());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			// the application's web setup (security among it) expects a servlet context;
			// port -1
			// creates it without ever listening
			.web(WebApplicationType.SERVLET)
			.properties("spring.main.banner-mode=off", "borderwatch.demo-data.enabled=false", "server.port=-1",
					COMMAND_PROPERTY + "=true")
			.run(springArgs.toArray(String[]::new))) {
			ImportEngine engine = context.getBean(ImportEngine.class);
			ImportOptions options = new ImportOptions(UUID.randomUUID(), arguments.format(),
					arguments.file().getFileName().toString(), arguments.datasetVersion(), arguments.strict(),
					arguments.onConflict(), "importer");
			long started = System.nanoTime();
			ImportProgress progress = (rows, rejected) -> err.printf("\r%,d rows read, %,d rejected, %,.0f rows/s   ",
					rows, rejected, rows / Math.max(1e-9, (System.nanoTime() - started) / 1e9));
			try (InputStream in = Files.newInputStream(arguments.file())) {
				ImportReport report = engine.run(options, in, progress);
				double seconds = (System.nanoTime() - started) / 1e9;
				err.println();
				out.println(arguments.file().getFileName() + ": " + report.summary());
				out.printf("%.1f s, %,.0f rows/s%n", seconds, report.rowsRead() / Math.max(seconds, 1e-9));
				report.notes().forEach((note) -> out.println("note: " + note));
				report.rejectedRows().forEach((row) -> out.println("rejected " + row));
				if (report.rejected() > report.rejectedRows().size()) {
					out.println(
							"... and " + (report.rejected() - report.rejectedRows().size()) + " more rejected rows");
				}
				if (!report.conflictIds().isEmpty()) {
					out.println("conflicts (edited in BorderWatch, kept): " + String.join(", ", report.conflictIds()));
				}
				return 0;
			}
			catch (ImportFailedException ex) {
				err.println();
				err.println("import failed, nothing written: " + ex.getMessage());
				return 1;
			}
			catch (IOException ex) {
				err.println("cannot read " + arguments.file() + ": " + ex.getMessage());
				return 1;
			}
		}
	}

	record Arguments(ImportFormat format, Path file, boolean strict, OnConflict onConflict, String datasetVersion,
			List<String> springArgs) {

		static Arguments parse(String[] args) {
			ImportFormat format = null;
			Path file = null;
			boolean strict = false;
			OnConflict onConflict = OnConflict.KEEP;
			String datasetVersion = null;
			List<String> springArgs = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--format") && i + 1 < args.length) {
					format = format(args[++i]);
				}
				else if (arg.startsWith("--format=")) {
					format = format(arg.substring("--format=".length()));
				}
				else if (arg.equals("--strict")) {
					strict = true;
				}
				else if (arg.startsWith("--on-conflict=")) {
					String value = arg.substring("--on-conflict=".length());
					try {
						onConflict = OnConflict.valueOf(value.toUpperCase(java.util.Locale.ROOT));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException("--on-conflict: '" + value + "' is not keep or overwrite");
					}
				}
				else if (arg.startsWith("--dataset-version=")) {
					datasetVersion = arg.substring("--dataset-version=".length());
				}
				else if (arg.startsWith("--") && arg.contains("=")) {
					springArgs.add(arg);
				}
				else if (!arg.startsWith("--") && file == null) {
					file = Path.of(arg);
				}
				else {
					throw new IllegalArgumentException("unexpected argument " + arg);
				}
			}
			if (format == null) {
				throw new IllegalArgumentException("--format is required");
			}
			if (file == null) {
				throw new IllegalArgumentException("the file to import is required");
			}
			return new Arguments(format, file, strict, onConflict, datasetVersion, springArgs);
		}

		private static ImportFormat format(String code) {
			return ImportFormat.fromCode(code)
				.orElseThrow(() -> new IllegalArgumentException(
						"--format: '" + code + "' is not one of " + ImportFormat.codes()));
		}

	}

}
