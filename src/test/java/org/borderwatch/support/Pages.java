package org.borderwatch.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging helpers shared by the list tests: walking every page of a list by its
 * {@code Link: rel="next"} header, and tampering with a cursor.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * Follows the {@code rel="next"} links from {@code first} to the last page. Every
	 * page must answer 200 with a {@code Link} that carries its {@code nextCursor}, and
	 * the last page neither.
	 */
	public static Walk walk(Api api, String first) {
		List<JsonNode> items = new ArrayList<>();
		String next = first;
		int pages = 0;
		while (next != null) {
			Api.Response page = api.get(next);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().path("items").forEach(items::add);
			String cursor = page.json().path("nextCursor").asString(null);
			String link = page.header("Link");
			if (cursor != null) {
				assertThat(link).contains("rel=\"next\"").contains(cursor);
				next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
			}
			else {
				assertThat(link).isNull();
				next = null;
			}
			pages++;
		}
		return new Walk(items, pages);
	}

	/**
	 * The cursor with its last character changed, so that its signature no longer
	 * matches.
	 */
	public static String tampered(String cursor) {
		char last = cursor.charAt(cursor.length() - 1);
		return cursor.substring(0, cursor.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

	/** Every item seen on a walk, in order, and how many pages it took. */
	public record Walk(List<JsonNode> items, int pages) {

		public List<String> ids() {
			return this.items.stream().map((item) -> item.path("id").asString()).toList();
		}

	}

}
