package org.borderwatch.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams a bulk export from the database to the client row by row, in constant memory
 * whatever the row count.
 * <ul>
 * <li>The body is written after the controller returned, on an async thread, inside one
 * read-only REPEATABLE READ transaction: every query of one export (a count, then the
 * rows) sees the same snapshot, so a count sent in a header agrees with the rows that
 * follow.</li>
 * <li>Rows come through a JDBC cursor ({@link #FETCH_SIZE} rows per round trip;
 * PostgreSQL only honours a fetch size inside a transaction), handed one by one to the
 * caller's writer.</li>
 * <li>Headers may still be set from inside the body until its first byte is flushed.</li>
 * </ul>
 * Validate the request before calling {@link #stream}: once streaming starts the status
 * is 200 and a failure can only cut the response short.
 * <p>
 * A list offers its exports like the timeline does: the same filter object builds both
 * the paged statement and the unpaged one, so the two cannot drift apart. For the
 * incident list, mapped with {@code produces} JSON and the three
 * {@code ExportFormat.*_VALUE} types: <pre>{@code
 * Object list(..., @RequestHeader(name = ACCEPT, required = false) String accept, HttpServletResponse response) {
 *     IncidentFilter filter = ...;                       // parsed and checked here: a 400 still can be sent
 *     Optional<ExportFormat> export = ExportFormat.negotiate(accept);
 *     if (export.isEmpty()) {
 *         return service.list(filter, limit, cursor).toResponse();
 *     }
 *     return exports.stream(export.get(), "incidents", response, (out, headers) -> {
 *         CsvWriter csv = new CsvWriter(out);            // or GeoJsonWriter / NdjsonWriter
 *         csv.row("id", "title", ...);
 *         exports.query(sql, params, (rs) -> csv.row(rs.getObject("id"), rs.getString("title"), ...));
 *         csv.flush();
 *     });
 * }
 * }</pre> Return the {@link StreamingResponseBody} as the method's result, with
 * {@code Object} as its declared type.
 */
@Component
public class StreamingExport {

	/** Rows per round trip to the database while streaming. */
	public static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	StreamingExport(DataSource dataSource, PlatformTransactionManager transactionManager) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * What an export writes, given the response stream and a way to add headers before
	 * the first byte.
	 */
	@FunctionalInterface
	public interface Body {

		void write(OutputStream out, Headers headers) throws IOException;

	}

	/** Sets response headers from inside an export body, before it writes anything. */
	@FunctionalInterface
	public interface Headers {

		void set(String name, String value);

	}

	/**
	 * Prepares {@code servletResponse} (200, content type, a download named
	 * {@code baseName.<extension>}) and returns the body that streams {@code body}.
	 * Return it as it is from the controller method: Spring MVC recognises a
	 * {@link StreamingResponseBody} by the returned value, while a
	 * {@code ResponseEntity<?>} would hide it behind its unresolved type argument.
	 */
	public StreamingResponseBody stream(ExportFormat format, String baseName, HttpServletResponse servletResponse,
			Body body) {
		MediaType type = (format == ExportFormat.CSV) ? new MediaType(format.mediaType(), StandardCharsets.UTF_8)
				: format.mediaType();
		servletResponse.setStatus(HttpServletResponse.SC_OK);
		servletResponse.setContentType(type.toString());
		servletResponse.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(baseName + "." + format.extension()).build().toString());
		return (out) -> {
			try {
				this.transactions.executeWithoutResult((status) -> {
					try {
						body.write(out, servletResponse::setHeader);
						out.flush();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (RuntimeException ex) {
				throw new ExportAbortedException("Export of " + baseName + " failed mid-stream", ex);
			}
		};
	}

	/** Streams the rows of {@code sql} to {@code rows}; call it from a {@link Body}. */
	public void query(String sql, Map<String, ?> params, RowCallbackHandler rows) {
		this.jdbc.query(sql, params, rows);
	}

	/**
	 * A single number (a count) from {@code sql}, in the export's snapshot; call it from
	 * a {@link Body}.
	 */
	public long count(String sql, Map<String, ?> params) {
		Long count = this.jdbc.queryForObject(sql, params, Long.class);
		return (count != null) ? count : 0;
	}

}
