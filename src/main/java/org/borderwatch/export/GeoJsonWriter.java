package org.borderwatch.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes a GeoJSON (RFC 7946) FeatureCollection of Point features to a stream, one
 * feature at a time: {@link #begin()}, {@link #feature} for each, {@link #end()}. The
 * properties of a feature are serialised exactly as the JSON API shows the record.
 */
public final class GeoJsonWriter {

	private final OutputStream out;

	private final ObjectMapper mapper;

	private boolean first = true;

	public GeoJsonWriter(OutputStream out, ObjectMapper mapper) {
		this.out = out;
		this.mapper = mapper;
	}

	public void begin() throws IOException {
		this.out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
	}

	/** One Point feature; GeoJSON puts the longitude first. */
	public void feature(Object id, double longitude, double latitude, Object properties) throws IOException {
		if (!this.first) {
			this.out.write(',');
		}
		this.first = false;
		this.out.write('\n');
		this.out.write(this.mapper.writeValueAsBytes(
				new Feature("Feature", id, new Point("Point", List.of(longitude, latitude)), properties)));
	}

	public void end() throws IOException {
		this.out.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
	}

	public void flush() throws IOException {
		this.out.flush();
	}

	private record Feature(String type, Object id, Point geometry, Object properties) {
	}

	private record Point(String type, List<Double> coordinates) {
	}

}
