package org.borderwatch.history;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of a record's history: what was done to it, by whom, why, and what it became.
 */
record HistoryEntry(
		@Schema(description = "The collection of the changed record: the record's own, or a child collection "
				+ "(crossing-status-changes, ceasefire-violations) in its parent's history",
				example = "incidents") String collection,
		@Schema(description = "The changed record's id") UUID id,
		@Schema(description = "The record's version after the change; for DELETED the last version plus one") long version,
		@Schema(description = "CREATED, UPDATED or DELETED", allowableValues = {
				"CREATED", "UPDATED", "DELETED" }) String action,
		@Schema(description = "When (the start of the writing transaction), UTC") Instant at,
		@Schema(description = "Who: the API key's name or the token's subject; 'system' for the service's own "
				+ "writes, 'sql:<role>' for database writes that did not say who they were",
				example = "analyst-team") String by,
		@Schema(description = "The caller's role, null when unknown", nullable = true, example = "EDITOR") String role,
		@Schema(description = "The reason given (X-Change-Reason), null when none", nullable = true,
				example = "Corrected the figures after the ISPR statement") String reason,
		@Schema(description = "The change from the previous entry's record as a JSON merge patch (RFC 7396); "
				+ "the whole record on creation; null on deletion and where the record is unknown", nullable = true,
				type = "object") @JsonRawValue String patch,
		@Schema(description = "The record exactly as the API served it after the change; null on deletion "
				+ "(a tombstone) and for changes made by bulk SQL outside the service", nullable = true,
				type = "object") @JsonRawValue String record){
}
