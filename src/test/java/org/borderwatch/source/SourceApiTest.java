package org.borderwatch.source;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SourceApiTest extends IntegrationTest {

	private Api api;

	/** A publisher unique to this run, so list assertions see only this run's sources. */
	private String publisher;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.publisher = "Publisher " + UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode create(String title, String kind, String publishedOn, String url) {
		Api.Response response = this.api.post("/api/v1/sources",
				"""
						{"publisher": "%s", "title": "%s", "kind": "%s", "publishedOn": %s, "url": %s, "language": "en"}"""
					.formatted(this.publisher, title, kind, (publishedOn != null) ? "\"" + publishedOn + "\"" : "null",
							(url != null) ? "\"" + url + "\"" : "null"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private List<String> titles(String query) {
		Api.Response response = this.api.get("/api/v1/sources?publisher=" + this.publisher.replace(" ", "%20") + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map((item) -> item.path("title").asString()).toList();
	}

	@Test
	void createsReadsReplacesPatchesAndDeletesASource() {
		Api.Response created = this.api.post("/api/v1/sources", """
				{"publisher": "%s", "title": "Talks resume in Istanbul", "kind": "NEWS_AGENCY",
				 "publishedOn": "2025-11-06", "url": "https://example.org/%s", "language": "en"}"""
			.formatted(this.publisher, UUID.randomUUID()));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).endsWith("/api/v1/sources/" + id);
		assertThat(created.json().path("createdAt").asString()).isNotBlank();

		assertThat(this.api.get("/api/v1/sources/" + id, "If-None-Match", "\"0\"").status()).isEqualTo(304);

		Api.Response replaced = this.api.put("/api/v1/sources/" + id, """
				{"publisher": "%s", "title": "Talks open in Istanbul", "kind": "NEWS_AGENCY"}"""
			.formatted(this.publisher), "If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().path("url").isNull()).isTrue();

		Api.Response patched = this.api.patch("/api/v1/sources/" + id, "{\"language\": \"ps\"}", "If-Match", "\"1\"");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("title").asString()).isEqualTo("Talks open in Istanbul");
		assertThat(patched.json().path("language").asString()).isEqualTo("ps");

		assertThat(this.api.patch("/api/v1/sources/" + id, "{\"language\": \"en\"}", "If-Match", "\"1\"").status())
			.isEqualTo(412);
		assertThat(this.api.delete("/api/v1/sources/" + id).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/sources/" + id).status()).isEqualTo(404);
	}

	@Test
	void duplicateUrlIs409NamingUrl() {
		String url = "https://example.org/" + UUID.randomUUID();
		create("First", "NEWS_AGENCY", null, url);

		Api.Response response = this.api.post("/api/v1/sources", """
				{"publisher": "%s", "title": "Second", "kind": "NEWS_AGENCY", "url": "%s"}""".formatted(this.publisher,
				url));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorFields()).containsExactly("url");
	}

	@Test
	void rejectsInvalidFieldsNamingEach() {
		Api.Response response = this.api.post("/api/v1/sources", """
				{"publisher": "", "title": "T", "kind": "BLOG", "url": "ftp://x"}""");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("kind");

		Api.Response invalid = this.api.post("/api/v1/sources", """
				{"publisher": "", "title": "T", "kind": "OTHER", "url": "ftp://x", "language": "English",
				 "publishedOn": "06/11/2025"}""");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.errorFields()).containsExactly("publishedOn");

		Api.Response constraints = this.api.post("/api/v1/sources", """
				{"publisher": "", "title": "T", "kind": "OTHER", "url": "ftp://x", "language": "English"}""");
		assertThat(constraints.errorFields()).containsExactly("language", "publisher", "url");
	}

	@Test
	void filtersByKindAndPublishedRangeNewestFirst() {
		create("Old", "NEWS_AGENCY", "2025-10-01", null);
		create("State TV", "STATE_MEDIA", "2025-10-20", null);
		create("Statement", "OFFICIAL_STATEMENT", "2025-10-30", null);
		create("Undated", "OTHER", null, null);

		assertThat(titles("")).containsExactly("Statement", "State TV", "Old", "Undated");
		assertThat(titles("&kind=STATE_MEDIA,OFFICIAL_STATEMENT")).containsExactly("Statement", "State TV");
		assertThat(titles("&from=2025-10-20&to=2025-10-30")).containsExactly("Statement", "State TV");
		assertThat(titles("&to=2025-10-19")).containsExactly("Old");
		assertThat(this.api.get("/api/v1/sources?from=2025-11-01&to=2025-10-01").errorFields()).containsExactly("to");
		assertThat(this.api.get("/api/v1/sources?from=yesterday").errorFields()).containsExactly("from");
	}

	@Test
	void walksPagesIncludingUndatedSourcesExactlyOnce() {
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 30; i++) {
			String date = (i % 3 == 0) ? null : "2025-10-" + String.format("%02d", 1 + (i % 5));
			created.add(create("S" + i, "NEWS_AGENCY", date, null).path("id").asString());
		}

		List<String> seen = new java.util.ArrayList<>();
		String cursor = null;
		do {
			Api.Response page = this.api.get("/api/v1/sources?publisher=" + this.publisher.replace(" ", "%20")
					+ "&limit=7" + ((cursor != null) ? "&cursor=" + cursor : ""));
			page.json().path("items").forEach((item) -> seen.add(item.path("id").asString()));
			cursor = page.json().path("nextCursor").asString(null);
		}
		while (cursor != null);

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(new HashSet<>(seen)).isEqualTo(created);
	}

	@Test
	void deletingACitedSourceIs409() {
		String source = create("Cited", "NEWS_AGENCY", null, null).path("id").asString();
		Api.Response actor = this.api.post("/api/v1/actors", """
				{"name": "Cites %s", "kind": "OTHER", "sourceIds": ["%s"]}""".formatted(UUID.randomUUID(), source));
		assertThat(actor.status()).isEqualTo(201);

		Api.Response refused = this.api.delete("/api/v1/sources/" + source);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("actor source");
		assertThat(this.api.get("/api/v1/sources/" + source).status()).isEqualTo(200);
	}

}
