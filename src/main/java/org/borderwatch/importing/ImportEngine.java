package org.borderwatch.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.jdbc.datasource.DataSourceUtils;

import org.borderwatch.history.ChangeAttribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one import engine behind the command line and the API.
 * <p>
 * An import is one transaction: it sets who writes and why for the history, parses the
 * file in one streaming pass, sends each good row to a staging table with {@code COPY},
 * resolves actors and sources and upserts the records with a few set-based statements.
 * Bad rows are reported (line, column, reason) and left out; a strict import fails on the
 * first with nothing written. Any failure rolls everything back: an import is applied
 * whole or not at all.
 */
@Component
public class ImportEngine {

	private static final Logger logger = LoggerFactory.getLogger(ImportEngine.class);

	private static final int PROGRESS_EVERY = 5000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ImportEngine(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Imports {@code in} (read to its end, not closed). Throws
	 * {@link ImportFailedException} when nothing was written.
	 */
	public ImportReport run(ImportOptions options, InputStream in, ImportProgress progress) {
		try {
			return this.transactions.execute((status) -> runInTransaction(options, in, progress));
		}
		catch (ImportFailedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ImportFailedException("the import failed and wrote nothing: " + rootMessage(ex), ex);
		}
	}

	private ImportReport runInTransaction(ImportOptions options, InputStream in, ImportProgress progress) {
		ChangeAttribution.apply(this.jdbc, options.requestedBy(),
				options.requestedBy().equals("importer") ? "IMPORTER" : "EDITOR", options.reason());
		BulkSettings.apply(this.jdbc);
		long started = System.nanoTime();
		ImportFormat format = options.format();
		Rows rows = new Rows(options.strict(), progress);
		List<String> notes = new ArrayList<>();
		boolean merge = false;
		try (CsvInput csv = openCsv(in)) {
			if (format.makesCeasefires()) {
				CeasefireUpsert.createStage(this.jdbc);
				CeasefireReader reader = (format == ImportFormat.PAX) ? new PaxReader(csv)
						: new UcdpPeaceAgreementReader(csv);
				copy(CeasefireUpsert.copySql(), csv, rows, (row) -> {
					StagedCeasefire ceasefire = reader.read(row);
					return (ceasefire != null) ? StageRows.ceasefire(ceasefire) : null;
				});
			}
			else {
				IncidentUpsert.createStage(this.jdbc);
				IncidentReader reader = (format == ImportFormat.ACLED) ? new AcledReader(csv) : new UcdpGedReader(csv);
				notes.addAll(reader.notes());
				copy(IncidentUpsert.copySql(), csv, rows, (row) -> StageRows.incident(reader.read(row)));
				merge = reader.mergesRepeatedIds();
			}
		}
		catch (IOException ex) {
			throw new ImportFailedException("the file could not be read: " + ex.getMessage(), ex);
		}
		String stage = format.makesCeasefires() ? CeasefireUpsert.STAGE : IncidentUpsert.STAGE;
		long copied = System.nanoTime();
		if (merge) {
			long merged = mergeRowsOfOneEvent();
			if (merged > 0) {
				rows.skipped += merged;
				notes.add(merged + " rows repeat the id of an earlier row with another actor (the file has no actor2 "
						+ "column: ACLED lists such events once per actor); their actors were merged into that "
						+ "row's incident, the first actor of each later row as the target where the first row's "
						+ "actor initiates");
			}
		}
		rejectRepeatedIds(stage, rows);
		progress.rowsRead(rows.read, rows.rejected);

		long actorsCreated = ActorResolution.resolve(this.jdbc, stage, format.makesCeasefires() ? "parties" : "actors",
				format.actorNamespace());
		SourceResolution.resolve(this.jdbc, stage);
		long resolved = System.nanoTime();
		UUID datasetSource = SourceResolution.datasetSource(this.jdbc, format, options.datasetVersion());
		boolean overwrite = options.onConflict() == OnConflict.OVERWRITE;
		ImportPlan.Counts counts = format.makesCeasefires()
				? CeasefireUpsert.apply(this.jdbc, format, options.id(), datasetSource, overwrite)
				: IncidentUpsert.apply(this.jdbc, format, options.id(), datasetSource, overwrite);
		long written = System.nanoTime();
		logger.info(
				"Import {} of {}: {} rows parsed and copied in {} ms, actors and sources resolved in {} ms, "
						+ "records written in {} ms",
				options.id(), options.fileName(), rows.read, (copied - started) / 1_000_000,
				(resolved - copied) / 1_000_000, (written - resolved) / 1_000_000);
		List<String> conflictIds = (counts.conflicts() > 0) ? ImportPlan.conflictIds(this.jdbc, ImportReport.MAX_LISTED)
				: List.of();
		return new ImportReport(rows.read, counts.created(), counts.updated(), counts.unchanged(), counts.conflicts(),
				rows.skipped, rows.rejected, actorsCreated, List.copyOf(rows.listed), conflictIds, notes);
	}

	private static CsvInput openCsv(InputStream in) {
		try {
			return new CsvInput(in);
		}
		catch (RowRejectedException ex) {
			throw new ImportFailedException(ex.getMessage());
		}
	}

	/**
	 * Streams the rows through the reader into {@code COPY}: no row is held longer than
	 * it takes to write it.
	 */
	private void copy(String copySql, CsvInput csv, Rows rows, RowStager stager) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyIn copy = null;
		try {
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
			// rows go out in 64 KB messages, not one network write each
			PGCopyOutputStream out = new PGCopyOutputStream(copy, 65536);
			while (true) {
				CsvInput.Row row;
				try {
					if (!csv.hasNext()) {
						break;
					}
					row = csv.next();
				}
				catch (RowRejectedException ex) {
					// the file cannot be parsed past this point
					rows.reject(new RejectedRow(rows.read + 2, ex.column(), ex.getMessage()));
					break;
				}
				rows.read++;
				String staged;
				try {
					staged = stager.stage(row);
				}
				catch (RowRejectedException ex) {
					rows.reject(new RejectedRow(row.line(), ex.column(), ex.getMessage()));
					continue;
				}
				if (staged == null) {
					rows.skipped++;
				}
				else {
					byte[] bytes = staged.getBytes(StandardCharsets.UTF_8);
					out.write(bytes);
				}
				rows.progress();
			}
			out.endCopy();
			copy = null;
		}
		catch (SQLException | IOException ex) {
			throw new ImportFailedException("the database refused the staged rows: " + ex.getMessage(), ex);
		}
		finally {
			if (copy != null && copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException ignored) {
					// the transaction rolls back anyway
				}
			}
		}
	}

	/**
	 * Folds the rows of one event listed once per actor into its first row: their actors
	 * join the first row's, a later row's initiator becoming the target (it is the other
	 * side of the same event), and the row hash covers all of them, so that a change to
	 * any row is an update.
	 */
	private long mergeRowsOfOneEvent() {
		this.jdbc.sql("""
				update import_incident_stage f
				set actors = f.actors || m.actors, row_hash = md5(f.row_hash || m.hashes)
				from (select first.line,
				             jsonb_agg(case when a.x ->> 'role' = 'INITIATOR'
				                            then jsonb_set(a.x, '{role}', '"TARGET"') else a.x end
				                       order by o.line, a.ord) as actors,
				             string_agg(o.row_hash, '' order by o.line) as hashes
				      from (select external_id, min(line) as line from import_incident_stage
				            group by external_id having count(*) > 1) first
				      join import_incident_stage o on o.external_id = first.external_id and o.line > first.line
				      cross join lateral jsonb_array_elements(o.actors) with ordinality a(x, ord)
				      group by first.line) m
				where f.line = m.line""").update();
		return this.jdbc.sql("""
				delete from import_incident_stage s
				where exists (select 1 from import_incident_stage t
				              where t.external_id = s.external_id and t.line < s.line)""").update();
	}

	/**
	 * Rows repeating an id seen on an earlier line are rejected: the first one counts.
	 */
	private void rejectRepeatedIds(String stage, Rows rows) {
		List<RejectedRow> repeated = this.jdbc.sql("""
				with later as (
				    delete from %1$s s
				    where exists (select 1 from %1$s t where t.external_id = s.external_id and t.line < s.line)
				    returning s.line, s.external_id)
				select l.line, l.external_id,
				       (select min(t.line) from %1$s t where t.external_id = l.external_id) as first_line
				from later l order by l.line""".formatted(stage))
			.query((rs, n) -> new RejectedRow(rs.getLong("line"), null,
					"repeats the id " + rs.getString("external_id") + " of line " + rs.getLong("first_line")
							+ "; the first row with an id counts"))
			.list();
		repeated.forEach(rows::reject);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	@FunctionalInterface
	private interface RowStager {

		String stage(CsvInput.Row row);

	}

	/** Counts and the first rejected rows of one import. */
	private static final class Rows {

		private final boolean strict;

		private final ImportProgress progress;

		private final List<RejectedRow> listed = new ArrayList<>();

		private long read;

		private long skipped;

		private long rejected;

		Rows(boolean strict, ImportProgress progress) {
			this.strict = strict;
			this.progress = progress;
		}

		void reject(RejectedRow row) {
			if (this.strict) {
				throw new ImportFailedException(
						"strict import stopped at the first rejected row, nothing written: " + row);
			}
			this.rejected++;
			if (this.listed.size() < ImportReport.MAX_LISTED) {
				this.listed.add(row);
			}
		}

		void progress() {
			if (this.read % PROGRESS_EVERY == 0) {
				this.progress.rowsRead(this.read, this.rejected);
			}
		}

	}

	/** The COPY text of staged records, with the hash that tells a changed row. */
	static final class StageRows {

		private StageRows() {
		}

		static String incident(StagedIncident incident) {
			CopyText content = new CopyText().value(incident.externalId())
				.value(incident.title())
				.value(incident.description())
				.value(incident.startDate())
				.value(incident.endDate())
				.value(incident.datePrecision())
				.value(incident.eventType())
				.value(incident.subEventType())
				.value(incident.placeName())
				.value(incident.admin1())
				.value(incident.admin2())
				.value(incident.country())
				.value(incident.latitude())
				.value(incident.longitude())
				.value(incident.geoPrecision())
				.value(incident.fatalities())
				.value(CopyText.jsonArray(incident.tags()))
				.value(incident.actors()
					.stream()
					.map((a) -> new JsonObject().field("key", CopyText.json(a.key()))
						.field("name", CopyText.json(a.name()))
						.field("kind", CopyText.json(a.kind().name()))
						.field("role", CopyText.json(a.role().name()))
						.end())
					.collect(Collectors.joining(",", "[", "]")))
				.value(incident.figures()
					.stream()
					.map((f) -> new JsonObject().field("category", CopyText.json(f.category().name()))
						.field("outcome", CopyText.json(f.outcome()))
						.field("low", CopyText.json(f.low()))
						.field("best", Integer.toString(f.best()))
						.field("high", CopyText.json(f.high()))
						.field("side", CopyText.json(f.sideKey()))
						.end())
					.collect(Collectors.joining(",", "[", "]")))
				.value(sources(incident.sources()));
			return withLineAndHash(incident.line(), content);
		}

		static String ceasefire(StagedCeasefire ceasefire) {
			List<StagedIncident.Cited> sources = (ceasefire.url() != null)
					? List.of(new StagedIncident.Cited("Agreement text", ceasefire.name(),
							org.borderwatch.source.SourceKind.OFFICIAL_STATEMENT, null))
					: List.of();
			CopyText content = new CopyText().value(ceasefire.externalId())
				.value(ceasefire.name())
				.value(ceasefire.agreedOn())
				.value(ceasefire.endedOn())
				.value(ceasefire.status())
				.value(ceasefire.arrangement())
				.value(ceasefire.terms())
				.value(ceasefire.scope())
				.value(ceasefire.parties()
					.stream()
					.map((a) -> new JsonObject().field("key", CopyText.json(a.key()))
						.field("name", CopyText.json(a.name()))
						.field("kind", CopyText.json(a.kind().name()))
						.end())
					.collect(Collectors.joining(",", "[", "]")))
				.value(sources(sources, ceasefire.url()));
			return withLineAndHash(ceasefire.line(), content);
		}

		private static String sources(List<StagedIncident.Cited> sources) {
			return sources(sources, null);
		}

		private static String sources(List<StagedIncident.Cited> sources, String url) {
			return sources.stream()
				.map((s) -> new JsonObject().field("publisher", CopyText.json(s.publisher()))
					.field("title", CopyText.json(s.title()))
					.field("kind", CopyText.json(s.kind().name()))
					.field("url", CopyText.json(url))
					.end())
				.collect(Collectors.joining(",", "[", "]"));
		}

		/**
		 * A JSON object of fields already written as JSON values, the same text as
		 * {@code {"a":1,"b":"x"}} formatted: no spaces, fields in the order given (the
		 * row hash covers this text).
		 */
		private static final class JsonObject {

			private final StringBuilder text = new StringBuilder(128).append('{');

			JsonObject field(String name, String json) {
				if (this.text.length() > 1) {
					this.text.append(',');
				}
				this.text.append('"').append(name).append("\":").append(json);
				return this;
			}

			String end() {
				return this.text.append('}').toString();
			}

		}

		private static String withLineAndHash(long line, CopyText content) {
			String fields = content.fields();
			return line + "\t" + hash(fields) + "\t" + fields + "\n";
		}

		private static String hash(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
