package org.borderwatch.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.borderwatch.export.ExportAbortedException;

/**
 * Maps every failure to an RFC 9457 {@code application/problem+json} response, and does
 * nothing else: reading Jackson's errors is {@link JsonErrors}' job, telling a lost
 * database from a bug is {@link DatabaseProbe}'s. Field-level problems are listed under
 * {@code errors} as {@code {field, message}}; every problem carries the request's
 * correlation id. The {@code type} stays {@code about:blank}, so the {@code title} is the
 * status phrase ("Bad Request", "Not Found"), as RFC 9457 asks; the {@code detail} and
 * {@code errors} say what went wrong. Nothing internal (stack traces, class names, SQL)
 * reaches the client: unexpected failures are logged with the correlation id and answered
 * with a bare 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private static final String CHECK_VIOLATION = "23514";

	private final DatabaseProbe database;

	ProblemDetailsAdvice(DatabaseProbe database) {
		this.database = database;
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
			.sorted(Comparator.comparing(FieldError::field))
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
		SQLException sql = Causes.find(ex, SQLException.class);
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
		ProblemDetail body = body(HttpStatus.SERVICE_UNAVAILABLE,
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
		if (Causes.clientWentAway(ex)) {
			log.debug("Client disconnected during an export: {}", ex.getCause().toString());
			return null;
		}
		log.warn("{}; cutting the connection: {}", ex.getMessage(), ex.getCause().toString());
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (Causes.clientWentAway(ex)) {
			// Nobody is left to read an answer: a client that hung up is not a server
			// failure.
			log.debug("Client disconnected [correlationId={}]: {}", CorrelationId.current(), ex.toString());
			return null;
		}
		if (this.database.explainsFailure(ex)) {
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
		JacksonException jackson = Causes.find(ex, JacksonException.class);
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
		EnumValues.UnknownEnumValueException unknown = Causes.find(ex, EnumValues.UnknownEnumValueException.class);
		String message = (unknown != null) ? unknown.getMessage()
				: "'" + ex.getValue() + "' is not a valid " + ValueTypes.describe(ex.getRequiredType());
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

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String given = (ex.getContentType() != null) ? "Content-Type " + ex.getContentType() + " is not supported"
				: "The request has no Content-Type";
		ProblemDetail body = body(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				given + "; send one of " + ex.getSupportedMediaTypes(), List.of());
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	/**
	 * Every problem that Spring MVC builds on its own passes here: the same shape as ours
	 * (the status phrase as title, the correlation id).
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (Causes.clientWentAway(ex)) {
			log.debug("Client disconnected [correlationId={}]: {}", CorrelationId.current(), ex.toString());
			return null;
		}
		if (body instanceof ProblemDetail problem) {
			HttpStatus known = HttpStatus.resolve(statusCode.value());
			if (known != null) {
				problem.setTitle(known.getReasonPhrase());
			}
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
			.body(body(status, detail, errors));
	}

	/**
	 * A problem of {@code type about:blank}: its title is the status phrase, whatever
	 * name the failure has in the code.
	 */
	private static ProblemDetail body(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
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
		errors.sort(Comparator.comparing(FieldError::field));
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

}
