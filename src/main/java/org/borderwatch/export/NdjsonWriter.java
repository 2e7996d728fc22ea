package org.borderwatch.export;

import java.io.IOException;
import java.io.OutputStream;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes newline-delimited JSON (one value per line, UTF-8) to a stream, one value at a
 * time. Each value is serialised exactly as the JSON API shows it.
 */
public final class NdjsonWriter {

	private final OutputStream out;

	private final ObjectMapper mapper;

	public NdjsonWriter(OutputStream out, ObjectMapper mapper) {
		this.out = out;
		this.mapper = mapper;
	}

	public void write(Object value) throws IOException {
		// Bytes first: writing to the stream directly would let the mapper close it.
		this.out.write(this.mapper.writeValueAsBytes(value));
		this.out.write('\n');
	}

	public void flush() throws IOException {
		this.out.flush();
	}

}
