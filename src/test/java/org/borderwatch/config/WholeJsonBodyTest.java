package org.borderwatch.config;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON answers leave whole, with a Content-Length; streamed exports do not, they have no
 * known length.
 */
class WholeJsonBodyTest extends IntegrationTest {

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void aPageLargerThanTheServersBuffersComesWithItsLength() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 40; i++) {
			Api.Response created = this.api.post("/api/v1/actors", """
					{"name": "Whole body %s %d", "kind": "NON_STATE_ARMED_GROUP", "country": "PAK",
					 "description": "%s"}""".formatted(run, i, "A long description. ".repeat(40)));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}

		Api.Response page = this.api.get("/api/v1/actors?limit=100&q=whole%20body%20" + run);

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.json().path("items")).hasSize(40);
		int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
		assertThat(bytes).as("several of Tomcat's 8 KB output buffers").isGreaterThan(4 * 8192);
		assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(bytes);
		assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
	}

	@Test
	void aProblemComesWithItsLength() {
		Api.Response missing = this.api.get("/api/v1/actors/" + UUID.randomUUID());

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).hasValue("application/problem+json");
		assertThat(missing.headers().firstValueAsLong("Content-Length"))
			.hasValue(missing.body().getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void anExportStreamsWithoutALength() {
		Api.Response export = this.api.get("/api/v1/timeline", "Accept", "application/x-ndjson");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Length")).isEmpty();
		assertThat(export.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
	}

}
