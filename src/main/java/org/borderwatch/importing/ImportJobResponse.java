package org.borderwatch.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An import job as the API shows it. */
@Schema(name = "ImportJob", description = "An import of one file: its state, progress and outcome")
public record ImportJobResponse(UUID id, @Schema(example = "ucdp-ged") String format,
		@Schema(example = "ged-pakistan.csv") String fileName,
		@Schema(example = "22.1", nullable = true) String datasetVersion, ImportJobState state, boolean strict,
		OnConflict onConflict,
		@Schema(description = "Who asked for the import", example = "importer") String requestedBy,
		@Schema(description = "Rows read so far (all rows once the job has ended)") long rowsRead,
		@Schema(description = "Rows read per second so far, or over the whole run once it has ended",
				nullable = true) Double rowsPerSecond,
		@Schema(description = "What the import did; null until it has succeeded", nullable = true) ImportReport counts,
		@Schema(description = "The first rejected rows (at most 100) once the job has succeeded; a failed strict import names its row in error") List<RejectedRow> rejectedRows,
		@Schema(description = "Why the job failed; null unless FAILED", nullable = true) String error,
		Instant createdAt, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt) {
}
