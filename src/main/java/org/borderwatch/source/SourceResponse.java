package org.borderwatch.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A source as the API returns it. */
@Schema(name = "Source")
public record SourceResponse(UUID id, @Schema(example = "Associated Press") String publisher, String title, String url,
		LocalDate publishedOn, SourceKind kind, @Schema(example = "en") String language, long version,
		Instant createdAt, Instant updatedAt) {

	static SourceResponse of(Source source) {
		return new SourceResponse(source.getId(), source.getPublisher(), source.getTitle(), source.getUrl(),
				source.getPublishedOn(), source.getKind(), source.getLanguage(), source.getVersion(),
				source.getCreatedAt(), source.getUpdatedAt());
	}

}
