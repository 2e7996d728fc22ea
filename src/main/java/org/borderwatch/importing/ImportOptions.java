package org.borderwatch.importing;

import java.util.Objects;
import java.util.UUID;

/**
 * How to run one import.
 *
 * @param fileName the file's name, for the report and the history's reason
 * @param datasetVersion the dataset's release ({@code 22.1}), when known
 * @param strict whether the first rejected row fails the import (nothing written)
 * @param requestedBy who runs it: the API caller, or {@code importer} on the command line
 */
public record ImportOptions(UUID id, ImportFormat format, String fileName, String datasetVersion, boolean strict,
		OnConflict onConflict, String requestedBy) {

	public ImportOptions {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(format, "format");
		fileName = (fileName != null && !fileName.isBlank()) ? fileName.strip() : "upload";
		onConflict = (onConflict != null) ? onConflict : OnConflict.KEEP;
		requestedBy = (requestedBy != null) ? requestedBy : "importer";
	}

	/** The reason the history records for what the import writes. */
	String reason() {
		return "import of " + this.fileName + " (" + this.format.title()
				+ ((this.datasetVersion != null) ? " version " + this.datasetVersion : ", version not given") + ")";
	}

}
