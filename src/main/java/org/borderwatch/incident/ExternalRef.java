package org.borderwatch.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The record an incident was imported from: a dataset and its id there. Unique across
 * incidents, so an importer can look it up before writing and never create the same
 * incident twice.
 */
@Schema(name = "ExternalRef", description = "The dataset record this incident was imported from; unique")
public record ExternalRef(@Schema(example = "ACLED") @NotBlank @Size(max = 100) String dataset,
		@Schema(example = "AFG12345") @NotBlank @Size(max = 200) String id) {
}
