package org.borderwatch.source;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The writable state of a source: the body of POST and PUT, and what a merge patch
 * applies to.
 */
@Schema(name = "SourceRequest", description = "A source as written by clients")
public record SourceRequest(@Schema(example = "Associated Press") @NotBlank @Size(max = 200) String publisher,
		@Schema(example = "Pakistan and Afghanistan resume talks in Istanbul") @NotBlank @Size(max = 500) String title,
		@Schema(example = "https://apnews.com/article/pakistan-afghanistan-talks-istanbul") @Size(max = 2000) @Pattern(
				regexp = "https?://\\S+", message = "must be an http or https URL") String url,
		@Schema(example = "2025-11-06") LocalDate publishedOn,
		@Schema(example = "NEWS_AGENCY") @NotNull SourceKind kind,
		@Schema(example = "en", description = "ISO 639-1 language code") @Pattern(regexp = "[a-z]{2}",
				message = "must be a two-letter ISO 639-1 code such as en or ps") String language) {

	static SourceRequest from(Source source) {
		return new SourceRequest(source.getPublisher(), source.getTitle(), source.getUrl(), source.getPublishedOn(),
				source.getKind(), source.getLanguage());
	}

}
