package org.borderwatch.importing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an import did: rows read, records created, updated, unchanged, in conflict (edited
 * in BorderWatch since the last import and kept), rows skipped (agreements without a
 * ceasefire) and rows rejected, with the first rejected rows.
 */
@Schema(name = "ImportCounts", description = "What an import did, row by row")
public record ImportReport(@Schema(description = "Data rows read from the file") long rowsRead,
		@Schema(description = "Records created") long created, @Schema(description = "Records changed") long updated,
		@Schema(description = "Records the file brings exactly as they are") long unchanged,
		@Schema(description = "Records edited in BorderWatch since their last import that the file would change; "
				+ "kept unless the import overwrites them") long conflicts,
		@Schema(description = "Rows that carry nothing to import (peace agreements without a ceasefire)") long skipped,
		@Schema(description = "Rows not imported, for the reasons in rejectedRows") long rejected,
		@Schema(description = "Actors the import created") long actorsCreated,
		@Schema(description = "The first rejected rows (at most 100)") List<RejectedRow> rejectedRows,
		@Schema(description = "External ids of the first records in conflict (at most 100)") List<String> conflictIds,
		@Schema(description = "What the report says about the file as a whole") List<String> notes) {

	static final int MAX_LISTED = 100;

	/** One line for logs and the command line. */
	String summary() {
		return "%d rows: %d created, %d updated, %d unchanged, %d conflicts, %d skipped, %d rejected; %d actors created"
			.formatted(this.rowsRead, this.created, this.updated, this.unchanged, this.conflicts, this.skipped,
					this.rejected, this.actorsCreated);
	}

}
