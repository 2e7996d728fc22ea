package org.borderwatch.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code borderwatch.web.max-request-bytes} with 413
 * before anything reads them, so an oversized upload costs no heap. Bodies without a
 * declared length (chunked) are counted as they are read and cut off at the same limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(@Value("${borderwatch.web.max-request-bytes:1048576}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response);
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			// a body of unknown length is buffered up to the limit, one byte past it to
			// detect an overflow
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
			if (body.length > this.maxBytes) {
				refuse(response);
				return;
			}
			chain.doFilter(new ReadAheadRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Dataset uploads ({@code POST /api/v1/imports}) stream to disk as they arrive,
	 * however large; the limit guards the bodies that are read into memory.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/imports");
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Connection", "close");
		response.getOutputStream()
			.write("""
					{"type":"about:blank","title":"Content too large","status":413,\
					"detail":"Request bodies are limited to %d bytes","correlationId":"%s"}"""
				.formatted(this.maxBytes, CorrelationId.current())
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
