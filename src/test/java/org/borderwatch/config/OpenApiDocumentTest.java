package org.borderwatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is committed as {@code docs/openapi.json}, so that reviewers see
 * contract changes in diffs. This test fails when the served document differs from it;
 * run it with {@code -Dopenapi.write=true} to write the served document there instead.
 */
class OpenApiDocumentTest extends IntegrationTest {

	static final Path COMMITTED = Path.of("docs", "openapi.json");

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void servedDocumentIsTheCommittedOne() throws IOException {
		Api.Response served = new Api(this.port).get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		String document = PRETTY.writeValueAsString(served.json()) + "\n";
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COMMITTED, document, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(COMMITTED))
			.as("%s exists; run this test with -Dopenapi.write=true to write it", COMMITTED)
			.isTrue();
		JsonNode committed = PRETTY.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		assertThat(served.json())
			.as("The served OpenAPI document differs from %s: review the change, then run "
					+ "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true to commit it", COMMITTED)
			.isEqualTo(committed);
	}

}
