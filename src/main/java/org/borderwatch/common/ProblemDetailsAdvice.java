package org.borderwatch.common;

import org.borderwatch.export.ExportAbortedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response.
 * Field-level problems are listed under {@code errors} as {@code {field, message}}; every
 * problem carries the request's correlation id. Nothing internal (stack traces, class
 * names, SQL) reaches the client: unexpected failures are logged with the correlation id
 * and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private static final String CHECK_VIOLATION = "23514";

	private final ObjectProvider<DataSource> dataSource;

	ProblemDetailsAdvice(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApi(ApiException ex, WebRequest request) {
		return problem(ex.status(), ex.title(), ex.getMessage(), ex.errors(), request);
	}

	@ExceptionHandler(DomainRuleException.class)
	ResponseEntity<Object> handleDomainRule(DomainRuleException ex, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.field() + ": " + ex.getMessage(),
				List.of(new FieldError(ex.field(), ex.getMessage())), request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", InvalidInputException.summary(errors), errors,
				request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
			// The version the client named went stale while this request ran: the
			// precondition failed.
			return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
					"The record was changed by someone else while this change was applied; read it again and reapply your change",
					List.of(), request);
		}
		return problem(HttpStatus.CONFLICT, "Conflict",
				"The record was changed by someone else while this change was applied; read it again and retry",
				List.of(), request);
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<Object> handlePessimisticLock(PessimisticLockingFailureException ex, WebRequest request) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"A concurrent change to the same records blocked this one; retry", List.of(), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
		SQLException sql = findCause(ex, SQLException.class);
		String state = (sql != null) ? sql.getSQLState() : null;
		if (UNIQUE_VIOLATION.equals(state)) {
			return UniqueKeys.fieldOf(ex)
				.map((field) -> problem(HttpStatus.CONFLICT, "Conflict", field.field() + ": " + field.message(),
						List.of(field), request))
				.orElseGet(() -> problem(HttpStatus.CONFLICT, "Conflict",
						"A record with the same unique value already exists", List.of(), request));
		}
		if (FOREIGN_KEY_VIOLATION.equals(state)) {
			return problem(HttpStatus.CONFLICT, "Conflict",
					"The change breaks a reference between records: a referenced record was removed, or this one is still referenced",
					List.of(), request);
		}
		if (CHECK_VIOLATION.equals(state)) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", "A value is outside what the record allows",
					List.of(), request);
		}
		return unexpected(ex, request);
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class })
	ResponseEntity<Object> handleDatabaseDown(Exception ex, WebRequest request) {
		log.warn("Database unavailable [correlationId={}]: {}", CorrelationId.current(), ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		ProblemDetail body = body(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The database is not reachable right now; retry shortly", List.of());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	/**
	 * See {@link ExportAbortedException}: rethrown on purpose, so that the container cuts
	 * the connection. A client that hung up needs nothing cut.
	 */
	@ExceptionHandler(ExportAbortedException.class)
	ResponseEntity<Object> exportAborted(ExportAbortedException ex) {
		if (clientWentAway(ex)) {
			log.debug("Client disconnected during an export: {}", ex.getCause().toString());
			return null;
		}
		log.warn("{}; cutting the connection: {}", ex.getMessage(), ex.getCause().toString());
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (clientWentAway(ex)) {
			// Nobody is left to read an answer: a client that hung up is not a server
			// failure.
			log.debug("Client disconnected [correlationId={}]: {}", CorrelationId.current(), ex.toString());
			return null;
		}
		if (lostTheDatabase(ex) || (findCause(ex, SQLException.class) != null && !databaseAnswers())) {
			// A connection that broke mid-request surfaces as whatever failed last (often
			// the rollback,
			// with no SQLState to go by): when in doubt, ask the database whether it is
			// there.
			return handleDatabaseDown(ex, request);
		}
		log.error("Unhandled failure [correlationId={}] on {}", CorrelationId.current(), request.getDescription(false),
				ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; quote correlation id " + CorrelationId.current()
						+ " when reporting it",
				List.of(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException jackson = findCause(ex, JacksonException.class);
		if (jackson == null) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is missing or unreadable",
					List.of(), request);
		}
		FieldError error = JsonErrors.describe(jackson);
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", error.field() + ": " + error.message(),
				List.of(error), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = fieldErrors(ex.getBindingResult());
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", InvalidInputException.summary(errors), errors,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(name, error.getDefaultMessage())));
		});
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", InvalidInputException.summary(errors), errors,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = "'" + ex.getValue() + "' is not a valid " + describeType(ex.getRequiredType());
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
				List.of(new FieldError(field, message)), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = ex.getParameterName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": is required",
				List.of(new FieldError(field, "is required")), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The client refused every type we could send, so the problem goes out as
		// problem+json anyway.
		return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
				"Supported media types: " + ex.getSupportedMediaTypes(), List.of(), request);
	}

	/**
	 * Every problem that Spring MVC builds on its own passes here: add the correlation
	 * id.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (clientWentAway(ex)) {
			log.debug("Client disconnected [correlationId={}]: {}", CorrelationId.current(), ex.toString());
			return null;
		}
		if (body instanceof ProblemDetail problem) {
			problem.setProperty("correlationId", CorrelationId.current());
		}
		if (statusCode.is5xxServerError()) {
			log.error("Failure [correlationId={}] on {}", CorrelationId.current(), request.getDescription(false), ex);
		}
		HttpHeaders merged = new HttpHeaders();
		merged.addAll(headers);
		merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, body, merged, statusCode, request);
	}

	private ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors,
			WebRequest request) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body(status, title, detail, errors));
	}

	private static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		problem.setProperty("correlationId", CorrelationId.current());
		return problem;
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		errors.sort(java.util.Comparator.comparing(FieldError::field));
		return errors;
	}

	private static String lastNode(String propertyPath) {
		// "update.request.name" from method validation -> "name"; bean paths keep their
		// nesting.
		int dot = propertyPath.indexOf('.');
		int second = (dot >= 0) ? propertyPath.indexOf('.', dot + 1) : -1;
		return (second >= 0 && !propertyPath.substring(0, dot).contains("[")) ? propertyPath.substring(second + 1)
				: propertyPath;
	}

	private static String describeType(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name());
			}
			return "value; expected one of " + names;
		}
		String simple = type.getSimpleName();
		return switch (simple) {
			case "UUID" -> "UUID";
			case "LocalDate" -> "date (expected YYYY-MM-DD)";
			case "Instant", "OffsetDateTime" -> "date-time (expected ISO-8601, e.g. 2025-10-12T00:00:00Z)";
			case "int", "Integer", "long", "Long" -> "whole number";
			case "double", "Double", "BigDecimal" -> "number";
			case "boolean", "Boolean" -> "boolean (true or false)";
			default -> simple.toLowerCase(Locale.ROOT);
		};
	}

	private static boolean clientWentAway(Throwable ex) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null
				: current.getCause()) {
			if (current.getClass().getSimpleName().equals("ClientAbortException")
					|| current instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
				return true;
			}
		}
		return false;
	}

	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getObject().getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * True when a cause is a JDBC connection failure (SQLState class 08) or an
	 * unreachable server.
	 */
	private static boolean lostTheDatabase(Throwable ex) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null
				: current.getCause()) {
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (current instanceof java.sql.SQLTransientConnectionException
					|| current instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

	static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = (current.getCause() == current) ? null : current.getCause();
		}
		return null;
	}

	/**
	 * Reads Jackson's failure into the JSON path of the offending field and a plain
	 * message.
	 */
	static final class JsonErrors {

		private JsonErrors() {
		}

		static FieldError describe(JacksonException ex) {
			String path = path(ex);
			if (ex instanceof UnrecognizedPropertyException unknown) {
				String field = path.isEmpty() ? unknown.getPropertyName() : path;
				return new FieldError(field, "is not a known field");
			}
			if (ex instanceof InvalidNullException) {
				return new FieldError(orBody(path), "must not be null");
			}
			if (ex instanceof InvalidFormatException format) {
				return new FieldError(orBody(path),
						"'" + format.getValue() + "' is not a valid " + describeType(format.getTargetType()));
			}
			if (ex instanceof ValueInstantiationException instantiation) {
				Throwable cause = instantiation.getCause();
				if (cause instanceof DomainRuleException rule) {
					return new FieldError(rule.field(), rule.getMessage());
				}
				return new FieldError(orBody(path), "has an invalid value");
			}
			if (ex instanceof MismatchedInputException mismatch) {
				return new FieldError(orBody(path), "expected " + describeType(mismatch.getTargetType()));
			}
			if (ex instanceof StreamReadException) {
				return new FieldError(orBody(path),
						"malformed JSON at line " + lineOf(ex) + ", column " + columnOf(ex));
			}
			return new FieldError(orBody(path), "cannot be read");
		}

		private static String orBody(String path) {
			return path.isEmpty() ? "body" : path;
		}

		private static long lineOf(JacksonException ex) {
			return (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
		}

		private static long columnOf(JacksonException ex) {
			return (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : -1;
		}

		static String path(JacksonException ex) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : ex.getPath()) {
				if (reference.getPropertyName() != null) {
					if (!path.isEmpty()) {
						path.append('.');
					}
					path.append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.toString();
		}

	}

}
