package org.borderwatch.history;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of the change feed. {@code nextCursor} is never null: it is where the next read
 * starts, the same cursor again when nothing new was visible.
 */
public record ChangePage(List<Change> items,
		@Schema(description = "Pass as `after` to read the changes that follow; equals the `after` sent when "
				+ "nothing new was visible yet") String nextCursor) {
}
