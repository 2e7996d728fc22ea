package org.borderwatch.config;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsEndpointsTest extends IntegrationTest {

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void healthReportsTheDatabase() {
		Api.Response health = this.api.get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		this.api.get("/api/v1/actors");

		Api.Response metrics = this.api.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
	}

	@Test
	void describesEveryOperationInOpenApi() {
		Api.Response docs = this.api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.has("/api/v1/actors")).isTrue();
		assertThat(paths.has("/api/v1/sources/{id}")).isTrue();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (operation.getValue().isObject() && operation.getValue().has("responses")) {
				assertThat(operation.getValue().path("summary").asString())
					.as(operation.getKey() + " " + path.getKey() + " has a summary")
					.isNotBlank();
			}
		}));
	}

	@Test
	void servesSwaggerUi() {
		Api.Response ui = this.api.get("/swagger-ui/index.html");

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger");
	}

	@Test
	void unknownPathIs404Problem() {
		Api.Response response = this.api.get("/api/v1/nothing-here");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).hasValue("application/problem+json");
	}

	@Test
	void wrongMethodIs405Problem() {
		Api.Response response = this.api.send("PUT", "/api/v1/actors", "{}", "application/json");

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.contentType()).hasValue("application/problem+json");
	}

	@Test
	void echoesTheCallersRequestId() {
		Api.Response response = this.api.get("/api/v1/actors/00000000-0000-0000-0000-000000000000", "X-Request-Id",
				"trace-123");

		assertThat(response.header("X-Request-Id")).isEqualTo("trace-123");
		assertThat(response.json().path("correlationId").asString()).isEqualTo("trace-123");
	}

	@Test
	void givesEachRequestWithoutAnIdAFreshOne() {
		Api.Response first = this.api.get("/api/v1/actors/00000000-0000-0000-0000-000000000000");
		Api.Response second = this.api.get("/api/v1/actors/00000000-0000-0000-0000-000000000000");

		UUID id = UUID.fromString(first.header("X-Request-Id"));
		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
		assertThat(first.json().path("correlationId").asString()).isEqualTo(first.header("X-Request-Id"));
	}

}
