package org.borderwatch.security;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it: an
 * encoded slash or NUL in the path, a malformed request line) as
 * {@code application/problem+json} like every other error, instead of its HTML page with
 * the server's name and version. Public, with a public constructor: Tomcat instantiates
 * it by name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status == 400)
				? "The request was refused before it reached the service: its URL or "
						+ "headers are malformed (an encoded slash or NUL in the path, an invalid character)"
				: "The request could not be served";
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot take a body any more: nothing to
			// report to.
		}
	}

	/** Installs the valve on the embedded Tomcat's host. */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		TomcatContextCustomizer problemErrorReportValve() {
			return (context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			};
		}

	}

}
