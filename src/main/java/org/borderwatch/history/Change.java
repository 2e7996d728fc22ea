package org.borderwatch.history;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One committed change of the feed: which record, what happened to it, and the record as
 * the API served it after the change (null on a deletion: a tombstone).
 *
 * @param cursor the position after this change; pass it as {@code after} to read on
 * @param record the record's JSON exactly as served, or null
 */
public record Change(
		@Schema(description = "Position after this change: pass it as `after` to read on",
				example = "1042-77") String cursor,
		@Schema(description = "When the change was made (its transaction's start), UTC") Instant at,
		@Schema(description = "The collection, as in the API's paths", example = "incidents") String collection,
		@Schema(description = "The record's id") UUID id,
		@Schema(description = "CREATED, UPDATED or DELETED", allowableValues = {
				"CREATED", "UPDATED", "DELETED" }) String action,
		@Schema(description = "The record's version after the change (for DELETED, the last version plus one)") long version,
		@Schema(description = "The record as the API served it after the change; null for DELETED (a tombstone), "
				+ "and for a change made by bulk SQL outside the service", nullable = true,
				type = "object") @JsonRawValue String record){
}
