package org.borderwatch.config;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.borderwatch.export.ExportFormat;

/**
 * {@code format=csv|geojson|ndjson|json} in the query string stands for the matching
 * {@code Accept} header, and wins over it: tools that read a URL without choosing an
 * Accept header (a GIS, a data-frame library, a download link) can reach the exports. An
 * unknown value is left for {@code StrictQueryParameters} to refuse with a 400, as is
 * {@code format} on an endpoint that has no exports.
 */
@Component
class FormatParameterFilter extends OncePerRequestFilter {

	private static final Map<String, String> MEDIA_TYPES = Map.of("json", MediaType.APPLICATION_JSON_VALUE, "csv",
			ExportFormat.CSV_VALUE, "geojson", ExportFormat.GEOJSON_VALUE, "ndjson", ExportFormat.NDJSON_VALUE);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String format = request.getParameter("format");
		String mediaType = (format != null) ? MEDIA_TYPES.get(format.strip().toLowerCase(Locale.ROOT)) : null;
		chain.doFilter((mediaType != null) ? new Accepting(request, mediaType) : request, response);
	}

	/** The request with its {@code Accept} header replaced. */
	private static final class Accepting extends HttpServletRequestWrapper {

		private final String accept;

		Accepting(HttpServletRequest request, String accept) {
			super(request);
			this.accept = accept;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(this.accept))
					: super.getHeaders(name);
		}

	}

}
