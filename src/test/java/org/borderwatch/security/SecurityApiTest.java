package org.borderwatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	/** The security filter chains, in the order the filter chain proxy tries them. */
	@Autowired
	private List<SecurityFilterChain> securityChains;

	private Api admin;

	private String run;

	@BeforeEach
	void setUp() {
		this.admin = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private JsonNode issue(String name, String role) {
		Api.Response response = this.admin.post("/api/v1/api-keys", """
				{"name": "%s %s", "role": "%s"}""".formatted(name, this.run, role));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String secret(String role) {
		return issue(role.toLowerCase(), role).path("secret").asString();
	}

	private long writes() {
		return this.jdbc.sql("select (select count(*) from record_change) + (select count(*) from api_key)")
			.query(Long.class)
			.single();
	}

	@Test
	void refusesEveryWriteOperationOfTheApiDocumentToCallersBelowItsRole() {
		String reader = secret("READER");
		String editor = secret("EDITOR");
		String revoked = secret("ADMIN");
		String revokedId = this.jdbc.sql("select id::text from api_key where name = :name")
			.param("name", "admin " + this.run)
			.query(String.class)
			.single();
		assertThat(this.admin.delete("/api/v1/api-keys/" + revokedId).status()).isEqualTo(204);

		JsonNode paths = this.admin.get("/v3/api-docs").json().path("paths");
		List<String> checked = new ArrayList<>();
		long before = writes();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (String method : List.of("post", "put", "patch", "delete")) {
				JsonNode operation = path.getValue().path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				String role = operation.path("x-required-role").asString();
				assertThat(role).as(method + " " + path.getKey()).isIn("EDITOR", "ADMIN");
				assertThat(operation.path("security").toString()).contains("bearer");
				String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				Api anonymous = this.admin.anonymous();
				assertThat(call(anonymous, method, url).status()).as("anonymous " + method + " " + url).isEqualTo(401);
				assertThat(call(this.admin.as(revoked), method, url).status()).as("revoked " + method + " " + url)
					.isEqualTo(401);
				Api.Response asReader = call(this.admin.as(reader), method, url);
				assertThat(asReader.status()).as("reader " + method + " " + url).isEqualTo(403);
				assertThat(asReader.json().path("detail").asString()).contains(role);
				int asEditor = call(this.admin.as(editor), method, url).status();
				if (role.equals("ADMIN")) {
					assertThat(asEditor).as("editor " + method + " " + url).isEqualTo(403);
				}
				else {
					assertThat(asEditor).as("editor " + method + " " + url).isNotIn(401, 403);
				}
				checked.add(method + " " + path.getKey());
			}
		}
		assertThat(writes()).as("nothing written by refused or invalid requests").isEqualTo(before);
		assertThat(checked).hasSizeGreaterThan(25)
			.contains("post /api/v1/incidents", "delete /api/v1/api-keys/{id}",
					"post /api/v1/crossings/{crossingId}/status-changes");
		for (String method : List.of("post", "put", "patch", "delete")) {
			String url = "/api/v1/actors/" + UUID.randomUUID();
			if (method.equals("post")) {
				url = "/api/v1/actors";
			}
			assertThat(call(this.admin, method, url).status()).isNotIn(401, 403);
		}
	}

	private static Api.Response call(Api api, String method, String url) {
		String body = method.equals("delete") ? null : "{}";
		String type = method.equals("patch") ? "application/merge-patch+json"
				: (body != null) ? "application/json" : null;
		return api.send(method.toUpperCase(), url, body, type);
	}

	@Test
	void answersUnauthorizedAsProblemWithBearerChallengeAlikeForUnknownRevokedAndExpiredKeys() {
		String expired = secret("EDITOR");
		this.jdbc.sql("update api_key set expires_at = now() - interval '1 second' where name = :name")
			.param("name", "editor " + this.run)
			.update();
		String body = """
				{"name": "Nobody %s", "kind": "OTHER"}""".formatted(this.run);

		Api.Response none = this.admin.anonymous().post("/api/v1/actors", body);
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(none.contentType()).hasValue("application/problem+json");
		assertThat(none.json().path("detail").asString()).contains("EDITOR");

		List<Api.Response> refused = List.of(this.admin.as("bwk_" + "x".repeat(43)).post("/api/v1/actors", body),
				this.admin.as(expired).post("/api/v1/actors", body),
				this.admin.as("not-a-key").post("/api/v1/actors", body),
				this.admin.send("POST", "/api/v1/actors", body, "application/json", "Authorization", "Basic YTpi"));
		for (Api.Response response : refused) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(response.contentType()).hasValue("application/problem+json");
			assertThat(response.json().path("detail").asString())
				.isEqualTo("The credential sent is unknown, revoked or expired");
		}
		assertThat(this.jdbc.sql("select count(*) from actor where name = :name")
			.param("name", "Nobody " + this.run)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void issuesAKeyWhoseSecretIsShownOnceAndRevokesItAtOnce() {
		JsonNode issued = issue("dashboard", "EDITOR");
		String secret = issued.path("secret").asString();
		assertThat(secret).startsWith("bwk_").hasSizeGreaterThanOrEqualTo(4 + 43);
		byte[] stored = this.jdbc.sql("select secret_hash from api_key where id = :id")
			.param("id", UUID.fromString(issued.path("id").asString()))
			.query(byte[].class)
			.single();
		assertThat(stored).hasSize(32).isNotEqualTo(secret.getBytes());

		Api editor = this.admin.as(secret);
		Api.Response created = editor.post("/api/v1/actors", """
				{"name": "Written by key %s", "kind": "OTHER"}""".formatted(this.run), "X-Change-Reason",
				"Testing keys");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode entry = this.admin.get("/api/v1/actors/" + created.json().path("id").asString() + "/history")
			.json()
			.path("items")
			.get(0);
		assertThat(entry.path("by").asString()).isEqualTo("dashboard " + this.run);
		assertThat(entry.path("role").asString()).isEqualTo("EDITOR");
		assertThat(entry.path("reason").asString()).isEqualTo("Testing keys");

		Api.Response list = this.admin.get("/api/v1/api-keys");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(secret).doesNotContain("secret");
		JsonNode listed = list.json()
			.valueStream()
			.filter((key) -> key.path("id").asString().equals(issued.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("lastUsedAt").isNull()).isFalse();
		assertThat(listed.path("role").asString()).isEqualTo("EDITOR");
		assertThat(editor.get("/api/v1/api-keys").status()).isEqualTo(403);

		assertThat(this.admin.delete("/api/v1/api-keys/" + issued.path("id").asString()).status()).isEqualTo(204);
		assertThat(editor.post("/api/v1/actors", """
				{"name": "After revocation %s", "kind": "OTHER"}""".formatted(this.run)).status()).isEqualTo(401);
		assertThat(this.admin.delete("/api/v1/api-keys/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void refusesAKeyOnTheVeryNextRequestAfterItsRevocationThoughItWasJustUsed() {
		JsonNode issued = issue("busy", "EDITOR");
		Api editor = this.admin.as(issued.path("secret").asString());
		for (int i = 0; i < 3; i++) {
			assertThat(editor.post("/api/v1/actors", """
					{"name": "Busy %s %d", "kind": "OTHER"}""".formatted(this.run, i)).status()).isEqualTo(201);
		}
		// the key is in use (and kept in memory): the revocation still applies at once
		assertThat(this.admin.delete("/api/v1/api-keys/" + issued.path("id").asString()).status()).isEqualTo(204);
		long before = writes();
		Api.Response refused = editor.post("/api/v1/actors", """
				{"name": "Busy %s after", "kind": "OTHER"}""".formatted(this.run));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void refusesKeysWithoutNameOrWithUnknownRoleOrPastExpiry() {
		assertThat(this.admin.post("/api/v1/api-keys", """
				{"role": "EDITOR"}""").errorFields()).contains("name");
		assertThat(this.admin.post("/api/v1/api-keys", """
				{"name": "x", "role": "GOD"}""").status()).isEqualTo(400);
		assertThat(this.admin.post("/api/v1/api-keys", """
				{"name": "x", "role": "EDITOR", "expiresAt": "2020-01-01T00:00:00Z"}""").errorFields())
			.contains("expiresAt");
	}

	@Test
	void readsArePublicAndKeepTheirETagCaching() {
		Api anonymous = this.admin.anonymous();
		Api.Response list = anonymous.get("/api/v1/actors");
		assertThat(list.status()).isEqualTo(200);
		String id = this.admin.post("/api/v1/actors", """
				{"name": "Cached %s", "kind": "OTHER"}""".formatted(this.run)).json().path("id").asString();
		Api.Response read = anonymous.get("/api/v1/actors/" + id);
		assertThat(read.header("Cache-Control")).isNull();
		assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(anonymous.get("/api/v1/actors/" + id, "If-None-Match", read.header("ETag")).status()).isEqualTo(304);
	}

	@Test
	void letsAnonymousPublicReadsAloneTakeTheChainWithoutAuthentication() {
		List<String> shortChain = filtersOfTheChainFor("GET", "/api/v1/timeline", null);
		assertThat(shortChain).contains("HeaderWriterFilter", "CorsFilter")
			.doesNotContain("AuthorizationFilter", "ApiKeyAuthenticationFilter");
		assertThat(filtersOfTheChainFor("HEAD", "/api/v1/incidents/x", null)).isEqualTo(shortChain);
		for (List<String> fullChain : List.of(filtersOfTheChainFor("GET", "/api/v1/timeline", "Bearer bwk_x"),
				filtersOfTheChainFor("GET", "/api/v1/api-keys", null),
				filtersOfTheChainFor("GET", "/actuator/prometheus", null),
				filtersOfTheChainFor("POST", "/api/v1/actors", null),
				filtersOfTheChainFor("OPTIONS", "/api/v1/actors", null))) {
			assertThat(fullChain).contains("AuthorizationFilter", "ApiKeyAuthenticationFilter");
		}

		// a credential on a read is checked all the same
		assertThat(this.admin.as("bwk_" + "x".repeat(43)).get("/api/v1/actors").status()).isEqualTo(401);
	}

	@Test
	void answersReadsFromAnAllowedOriginWithCorsHeadersAndFromOthersWithout() {
		Api anonymous = this.admin.anonymous();
		Api.Response fromDashboard = anonymous.get("/api/v1/actors", "Origin", IntegrationTest.DASHBOARD_ORIGIN);
		assertThat(fromDashboard.status()).isEqualTo(200);
		assertThat(fromDashboard.header("Access-Control-Allow-Origin")).isEqualTo(IntegrationTest.DASHBOARD_ORIGIN);
		assertThat(fromDashboard.header("Access-Control-Expose-Headers")).contains("ETag", "Link", "RateLimit");
		assertThat(fromDashboard.header("X-Frame-Options")).isEqualTo("DENY");
		// another origin gets the answer without them: the browser keeps it from the page
		Api.Response fromElsewhere = anonymous.get("/api/v1/actors", "Origin", "https://elsewhere.example");
		assertThat(fromElsewhere.status()).isEqualTo(200);
		assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isNull();
		// and its pre-flight is refused, as a problem
		Api.Response preflight = anonymous.send("OPTIONS", "/api/v1/actors", null, null, "Origin",
				"https://elsewhere.example", "Access-Control-Request-Method", "POST");
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.contentType()).hasValue("application/problem+json");
	}

	/** The simple names of the filters of the security chain that takes the request. */
	private List<String> filtersOfTheChainFor(String method, String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return this.securityChains.stream()
			.filter((chain) -> chain.matches(request))
			.findFirst()
			.orElseThrow()
			.getFilters()
			.stream()
			.map((filter) -> filter.getClass().getSimpleName())
			.toList();
	}

	@Test
	void sendsTheSecurityHeadersWithProblemsToo() {
		Api anonymous = this.admin.anonymous();
		Api.Response notFound = anonymous.get("/api/v1/actors/" + UUID.randomUUID());
		Api.Response badFilter = anonymous.get("/api/v1/timeline?from=yesterday");
		Api.Response refused = anonymous.post("/api/v1/actors", """
				{"name": "Refused", "kind": "OTHER"}""");
		assertThat(List.of(notFound.status(), badFilter.status(), refused.status())).containsExactly(404, 400, 401);
		for (Api.Response problem : List.of(notFound, badFilter, refused)) {
			assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(problem.header("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void showsHealthDetailsAndMetricsToAdminsOnly() {
		Api anonymous = this.admin.anonymous();
		Api.Response publicHealth = anonymous.get("/actuator/health");
		assertThat(publicHealth.status()).isEqualTo(200);
		assertThat(publicHealth.json().path("status").asString()).isEqualTo("UP");
		assertThat(publicHealth.body()).doesNotContain("components").doesNotContain("diskSpace");
		assertThat(this.admin.get("/actuator/health").body()).contains("components");

		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
		assertThat(this.admin.as(secret("EDITOR")).get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(this.admin.get("/actuator/prometheus").status()).isEqualTo(200);
	}

	@Test
	void declaresTheBearerSchemeInTheApiDocument() {
		JsonNode document = this.admin.anonymous().get("/v3/api-docs").json();
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		JsonNode create = document.path("paths").path("/api/v1/actors").path("post");
		assertThat(create.path("responses").has("401")).isTrue();
		assertThat(create.path("responses").has("403")).isTrue();
		// reads are public: a credential is optional, and a bad one is refused
		JsonNode list = document.path("paths").path("/api/v1/actors").path("get");
		assertThat(list.path("security").toString()).isEqualTo("[{},{\"bearer\":[]}]");
		assertThat(list.path("responses").has("401")).isTrue();
		assertThat(list.path("responses").has("403")).isFalse();
		assertThat(list.has("x-required-role")).isFalse();
	}

}
