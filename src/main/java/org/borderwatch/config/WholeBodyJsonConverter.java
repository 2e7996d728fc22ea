package org.borderwatch.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import org.borderwatch.common.ServedJson;

/**
 * The JSON converter, writing each body whole: serialised into memory first, then sent
 * with a Content-Length in one piece.
 * <p>
 * Every JSON answer of the API is bounded (pages have a limit, statistics a bucket cap;
 * unbounded exports stream through their own writers), so holding one in memory is cheap.
 * Streaming it instead made Tomcat send it in chunked encoding, one socket write per 8 KB
 * plus one for the closing chunk: for a 50-entry timeline page those writes were an
 * eighth of the service's CPU time in a profile (a twentieth once sent whole, with the
 * larger socket buffer that {@link WebServerConfiguration} sets). It also means a
 * serialisation error can still become a proper error response, since nothing has been
 * sent yet.
 * <p>
 * A write's answer that the request already rendered for the record's history entry
 * ({@link ServedJson}) is sent as that text, not serialised a second time.
 */
class WholeBodyJsonConverter extends JacksonJsonHttpMessageConverter {

	/** Room for a typical page without regrowing; larger bodies grow the buffer. */
	private static final int INITIAL_BUFFER_BYTES = 16 * 1024;

	WholeBodyJsonConverter(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage message,
			Map<String, Object> hints) throws IOException {
		HttpHeaders headers = message.getHeaders();
		String rendered = (hints == null || hints.isEmpty()) ? ServedJson.of(value) : null;
		if (rendered != null) {
			// A write's record, already rendered for its history entry: the same text.
			byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
			headers.setContentLength(bytes.length);
			message.getBody().write(bytes);
			return;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
		super.writeInternal(value, type, new HttpOutputMessage() {
			@Override
			public OutputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		}, hints);
		headers.setContentLength(body.size());
		body.writeTo(message.getBody());
	}

}
