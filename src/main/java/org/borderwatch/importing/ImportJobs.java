package org.borderwatch.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.borderwatch.common.NotFoundException;

/**
 * Import jobs of the API: the uploaded file waits in a temporary file, then one worker
 * runs the imports one after another (two imports of one dataset at once would only
 * contend for the same rows). A job's row holds its state and outcome; the progress of
 * the running job lives here.
 * <p>
 * Rule: a job belongs to the instance that queued it ({@code owner}, the instance id:
 * {@code borderwatch.imports.instance-id}, by default the host name and port), which
 * renews the job's heartbeat while the job waits or runs. A job left QUEUED or RUNNING is
 * marked FAILED (its transaction never committed, so nothing of it was written) when its
 * instance starts again, or, by any instance, once its heartbeat is older than
 * {@link #STALE}: its instance is gone. A job another live instance runs is never
 * touched.
 */
@Service
@ConditionalOnWebApplication
class ImportJobs {

	private static final Logger logger = LoggerFactory.getLogger(ImportJobs.class);

	private final ImportEngine engine;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "import-worker");
		thread.setDaemon(true);
		return thread;
	});

	/** How old a job's heartbeat may grow before its instance counts as gone. */
	static final Duration STALE = Duration.ofMinutes(1);

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "import-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<UUID, Live> running = new ConcurrentHashMap<>();

	private final String configuredInstanceId;

	private volatile String instanceId = "instance-" + UUID.randomUUID();

	ImportJobs(ImportEngine engine, JdbcClient jdbc, ObjectMapper json,
			@Value("${borderwatch.imports.instance-id:}") String instanceId) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.json = json;
		this.configuredInstanceId = instanceId;
	}

	/** The id this instance's jobs carry as their owner. */
	String instanceId() {
		return this.instanceId;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failJobsOfAStoppedService(ApplicationReadyEvent event) {
		if (event.getApplicationContext()
			.getEnvironment()
			.getProperty(ImportCommand.COMMAND_PROPERTY, Boolean.class, false)) {
			// the import command shares the database with a running service: its jobs are
			// not ours
			return;
		}
		if (!this.configuredInstanceId.isBlank()) {
			this.instanceId = this.configuredInstanceId;
		}
		else {
			String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "");
			try {
				this.instanceId = java.net.InetAddress.getLocalHost().getHostName() + ":" + port;
			}
			catch (java.net.UnknownHostException ex) {
				logger.warn("No host name for this instance; its import jobs are owned by {}", this.instanceId);
			}
		}
		int failed = failInterruptedJobs();
		if (failed > 0) {
			logger.warn("{} import job(s) interrupted by the last stop are marked FAILED", failed);
		}
		this.heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
				TimeUnit.SECONDS);
	}

	/**
	 * At the start of this instance: marks FAILED the jobs its earlier run left queued or
	 * running, those of no known instance, and those of instances gone (heartbeat older
	 * than {@link #STALE}). Their transaction never committed, so nothing of them was
	 * written.
	 */
	int failInterruptedJobs() {
		return this.jdbc.sql("""
				update import_job
				set state = 'FAILED', finished_at = now(),
				    error = 'the service stopped while the job was queued or running; nothing of it was written'
				where state in ('QUEUED', 'RUNNING')
				  and (owner is null or owner = :me or heartbeat_at is null
				       or heartbeat_at < now() - make_interval(secs => :stale))""")
			.param("me", this.instanceId)
			.param("stale", STALE.toSeconds())
			.update();
	}

	/**
	 * While this instance runs: renews the heartbeat of its own jobs and marks FAILED
	 * those of other instances whose heartbeat is older than {@link #STALE}.
	 */
	int failJobsOfGoneInstances() {
		return this.jdbc.sql("""
				update import_job
				set state = 'FAILED', finished_at = now(),
				    error = 'the service instance running the job stopped; nothing of it was written'
				where state in ('QUEUED', 'RUNNING') and owner is distinct from :me
				  and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => :stale))""")
			.param("me", this.instanceId)
			.param("stale", STALE.toSeconds())
			.update();
	}

	private void beat() {
		try {
			this.jdbc.sql("""
					update import_job set heartbeat_at = now()
					where owner = :me and state in ('QUEUED', 'RUNNING')""").param("me", this.instanceId).update();
			int failed = failJobsOfGoneInstances();
			if (failed > 0) {
				logger.warn("{} import job(s) of a stopped instance are marked FAILED", failed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the heartbeat of this instance's import jobs: {}", ex.getMessage());
		}
	}

	/** Queues an import of {@code file}, which the job deletes when it ends. */
	ImportJobResponse submit(ImportOptions options, Path file) {
		this.jdbc
			.sql("""
					insert into import_job (id, format, file_name, dataset_version, on_conflict, strict, requested_by, state,
					                        created_at, owner, heartbeat_at)
					values (:id, :format, :fileName, :datasetVersion, :onConflict, :strict, :requestedBy, 'QUEUED', now(),
					        :owner, now())""")
			.param("id", options.id())
			.param("format", options.format().code())
			.param("fileName", options.fileName())
			.param("datasetVersion", options.datasetVersion())
			.param("onConflict", options.onConflict().name())
			.param("strict", options.strict())
			.param("requestedBy", options.requestedBy())
			.param("owner", this.instanceId)
			.update();
		this.worker.execute(() -> run(options, file));
		return get(options.id());
	}

	private void run(ImportOptions options, Path file) {
		Live live = new Live(Instant.now());
		this.running.put(options.id(), live);
		this.jdbc.sql("update import_job set state = 'RUNNING', started_at = :now where id = :id")
			.param("now", java.sql.Timestamp.from(live.started))
			.param("id", options.id())
			.update();
		try (InputStream in = Files.newInputStream(file)) {
			ImportReport report = this.engine.run(options, in, (rows, rejected) -> live.rowsRead = rows);
			live.rowsRead = report.rowsRead();
			this.jdbc.sql("""
					update import_job
					set state = 'SUCCEEDED', finished_at = now(), rows_read = :rowsRead, created = :created,
					    updated = :updated, unchanged = :unchanged, conflicts = :conflicts, skipped = :skipped,
					    rejected = :rejected,
					    actors_created = :actorsCreated, rejected_rows = :rejectedRows::jsonb,
					    conflict_ids = :conflictIds::jsonb, notes = :notes::jsonb
					where id = :id""")
				.param("rowsRead", report.rowsRead())
				.param("created", report.created())
				.param("updated", report.updated())
				.param("unchanged", report.unchanged())
				.param("conflicts", report.conflicts())
				.param("rejected", report.rejected())
				.param("skipped", report.skipped())
				.param("notes", this.json.writeValueAsString(report.notes()))
				.param("actorsCreated", report.actorsCreated())
				.param("rejectedRows", this.json.writeValueAsString(report.rejectedRows()))
				.param("conflictIds", this.json.writeValueAsString(report.conflictIds()))
				.param("id", options.id())
				.update();
			logger.info("Import {} of {}: {}", options.id(), options.fileName(), report.summary());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Import {} of {} failed: {}", options.id(), options.fileName(), ex.getMessage());
			this.jdbc.sql("""
					update import_job set state = 'FAILED', finished_at = now(), rows_read = :rowsRead, error = :error
					where id = :id""")
				.param("rowsRead", live.rowsRead)
				.param("error", (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName())
				.param("id", options.id())
				.update();
		}
		finally {
			this.running.remove(options.id());
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the uploaded file {}", file, ex);
			}
		}
	}

	ImportJobResponse get(UUID id) {
		return this.jdbc.sql("select * from import_job where id = :id")
			.param("id", id)
			.query(this::toResponse)
			.optional()
			.orElseThrow(() -> NotFoundException.of("import", id));
	}

	private ImportJobResponse toResponse(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		ImportJobState state = ImportJobState.valueOf(rs.getString("state"));
		Live live = this.running.get(id);
		Instant started = (rs.getTimestamp("started_at") != null) ? rs.getTimestamp("started_at").toInstant() : null;
		Instant finished = (rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null;
		long rowsRead = (live != null) ? live.rowsRead : rs.getLong("rows_read");
		Double rate = null;
		if (started != null) {
			Duration took = Duration.between(started, (finished != null) ? finished : Instant.now());
			rate = (took.toMillis() > 0) ? Math.round(rowsRead * 10000.0 / took.toMillis()) / 10.0 : null;
		}
		List<RejectedRow> rejected = this.json.readValue(rs.getString("rejected_rows"),
				new TypeReference<List<RejectedRow>>() {
				});
		ImportReport counts = (state == ImportJobState.SUCCEEDED) ? new ImportReport(rs.getLong("rows_read"),
				rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("conflicts"),
				rs.getLong("skipped"), rs.getLong("rejected"), rs.getLong("actors_created"), rejected,
				this.json.readValue(rs.getString("conflict_ids"), new TypeReference<List<String>>() {
				}), this.json.readValue(rs.getString("notes"), new TypeReference<List<String>>() {
				})) : null;
		return new ImportJobResponse(id, rs.getString("format"), rs.getString("file_name"),
				rs.getString("dataset_version"), state, rs.getBoolean("strict"),
				OnConflict.valueOf(rs.getString("on_conflict")), rs.getString("requested_by"), rowsRead, rate, counts,
				rejected, rs.getString("error"), rs.getTimestamp("created_at").toInstant(), started, finished);
	}

	@PreDestroy
	void stop() {
		this.heartbeat.shutdownNow();
		this.worker.shutdownNow();
	}

	/** The progress of the running job. */
	private static final class Live {

		private final Instant started;

		private volatile long rowsRead;

		Live(Instant started) {
			this.started = started;
		}

	}

}
