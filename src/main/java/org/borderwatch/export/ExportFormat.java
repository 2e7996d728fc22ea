package org.borderwatch.export;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The bulk formats a list can be exported in, chosen by the request's {@code Accept}
 * header. JSON stays the paged list; these are full, streamed exports.
 */
public enum ExportFormat {

	CSV(ExportFormat.CSV_VALUE, "csv"),

	GEOJSON(ExportFormat.GEOJSON_VALUE, "geojson"),

	NDJSON(ExportFormat.NDJSON_VALUE, "ndjson");

	/**
	 * The media types, as constants for {@code produces} of the endpoints that offer
	 * exports.
	 */
	public static final String CSV_VALUE = "text/csv";

	public static final String GEOJSON_VALUE = "application/geo+json";

	public static final String NDJSON_VALUE = "application/x-ndjson";

	private final MediaType mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = MediaType.parseMediaType(mediaType);
		this.extension = extension;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * The export format the client prefers, or empty when it prefers JSON (or anything):
	 * the highest-quality acceptable type decides, {@code *}{@code /*} meaning JSON. A
	 * range that leaves JSON out but takes an export ({@code text/*}) means that export:
	 * answering it with JSON would find no converter for the type the request was matched
	 * on.
	 */
	public static Optional<ExportFormat> negotiate(String accept) {
		if (accept == null || accept.isBlank()) {
			return Optional.empty();
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
		// Highest quality first; at equal quality a concrete type before a wildcard.
		accepted = accepted.stream()
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue)
				.reversed()
				.thenComparing((type) -> type.isWildcardType() || type.isWildcardSubtype()))
			.toList();
		for (MediaType type : accepted) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			for (ExportFormat format : values()) {
				if (format.mediaType.equalsTypeAndSubtype(type)) {
					return Optional.of(format);
				}
			}
			if (type.isWildcardType() || MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(type)) {
				return Optional.empty();
			}
			for (ExportFormat format : values()) {
				if (type.isWildcardSubtype() && format.mediaType.isCompatibleWith(type)) {
					return Optional.of(format);
				}
			}
		}
		return Optional.empty();
	}

}
