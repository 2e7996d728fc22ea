package org.borderwatch.common;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list: the items, and the cursor of the next page (null on the last page).
 * The same cursor is offered as a {@code Link: <...>; rel="next"} header for clients that
 * follow links.
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

	/**
	 * Builds a page from a query that fetched one row more than {@code limit}: the extra
	 * row only tells that there is a next page, whose cursor is made from the last row
	 * kept.
	 */
	public static <T> PageResponse<T> fromLookahead(List<T> rows, int limit, CursorCodec cursors,
			Function<T, Cursor> cursorOf) {
		if (rows.size() <= limit) {
			return new PageResponse<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		return new PageResponse<>(List.copyOf(page), cursors.encode(cursorOf.apply(page.get(limit - 1))));
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.items.stream().map(mapper).toList(), this.nextCursor);
	}

	/** A 200 with this page and, when there is a next page, its {@code Link} header. */
	public ResponseEntity<PageResponse<T>> toResponse() {
		ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
		if (this.nextCursor != null) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", this.nextCursor)
				.build()
				.toUriString();
			builder.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return builder.body(this);
	}

}
