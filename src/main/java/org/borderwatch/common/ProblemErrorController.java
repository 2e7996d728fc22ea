package org.borderwatch.common;

import java.net.URI;
import java.net.URISyntaxException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page as {@code application/problem+json}, like every
 * other error the service answers. Errors reach it that no controller saw: Tomcat
 * refusing a method it never allows ({@code TRACE}), a request it cannot parse, a failure
 * in a filter. Replaces Spring Boot's own error controller (which answers its plain JSON
 * with {@code timestamp}, {@code error} and {@code path}). Nothing of the failure itself
 * is shown: a 5xx is logged where it happened, with the correlation id this answer
 * carries when the request got one. Hidden from the API document: it is no endpoint of
 * the API.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, response));
		problem.setTitle(status.getReasonPhrase());
		URI instance = instance(request);
		if (instance != null) {
			problem.setInstance(instance);
		}
		// the id the request was given before it failed; none when the container refused
		// it before any filter ran
		String correlationId = response.getHeader(CorrelationId.HEADER);
		if (correlationId != null) {
			problem.setProperty("correlationId", correlationId);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The path that failed, when it is a valid URI: a request Tomcat let through can
	 * still hold characters a URI may not, and the error page must not fail in turn.
	 */
	private static URI instance(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
			try {
				return new URI(path);
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}
		return null;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status, HttpServletResponse response) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed and was refused before it reached the service";
			case NOT_FOUND -> "Nothing is served at this path";
			// the error dispatch reports its own method, not the one refused
			case METHOD_NOT_ALLOWED -> (response.getHeader("Allow") != null)
					? "This method is not supported here; the Allow header lists those that are"
					: "This method is not supported here";
			default -> status.is5xxServerError() ? "The service failed to answer this request"
					: "The request could not be served";
		};
	}

}
