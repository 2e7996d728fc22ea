package org.borderwatch.importing;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row the import left out: the line of the file it starts on (1 is the header), the
 * column at fault and why.
 */
@Schema(name = "RejectedRow", description = "A row of the file that was not imported")
public record RejectedRow(
		@Schema(description = "Line of the file where the row starts; the header is line 1", example = "42") long line,
		@Schema(description = "The column at fault; null when the whole row is", example = "date_start",
				nullable = true) String column,
		@Schema(example = "not a date in any of the formats yyyy-MM-dd, MM/dd/yyyy HH:mm:ss") String reason) {

	@Override
	public String toString() {
		return "line " + this.line + ((this.column != null) ? ", column " + this.column : "") + ": " + this.reason;
	}

}
