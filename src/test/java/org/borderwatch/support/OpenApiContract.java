package org.borderwatch.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks every answer the integration tests receive against the OpenAPI document the
 * service serves at {@code /v3/api-docs}: the status must be listed for the operation,
 * the content type among that status's media types, and the body must validate against
 * its schema (JSON Schema 2020-12, as OpenAPI 3.1 uses; NDJSON line by line). A
 * disagreement fails the test with the operation, status, media type and the JSON path of
 * each field at fault, so that a new field or status cannot ship undocumented.
 * <p>
 * Requests outside the document's paths (actuator, the document itself) are not checked.
 * With {@code -Dopenapi.contract=report} disagreements do not fail the tests but are
 * collected in {@code target/openapi-contract-violations.txt}, one line each: to see all
 * of them at once after merging new endpoints. How many responses were checked is printed
 * when the test JVM ends and written to {@code target/openapi-contract.txt}.
 */
public final class OpenApiContract {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, OpenApiContract> BY_BASE = new ConcurrentHashMap<>();

	private static final AtomicInteger VALIDATED = new AtomicInteger();

	private static final AtomicInteger SKIPPED = new AtomicInteger();

	private static final boolean REPORT_ONLY = "report".equals(System.getProperty("openapi.contract"));

	private static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(OpenApiContract::report));
	}

	private final JsonNode document;

	private final List<Route> routes = new ArrayList<>();

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private OpenApiContract(JsonNode document) {
		this.document = document;
		document.path("paths").properties().forEach((entry) -> this.routes.add(Route.of(entry.getKey())));
		// literal paths first: /incidents/by-external-ref before /incidents/{id}
		this.routes.sort(Comparator.comparingInt(Route::variables).thenComparing(Route::template));
	}

	/** The contract of the service at {@code base} (loaded once per service). */
	static OpenApiContract of(String base, HttpClient client) {
		return BY_BASE.computeIfAbsent(base, (key) -> new OpenApiContract(load(base, client)));
	}

	private static JsonNode load(String base, HttpClient client) {
		try {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("/v3/api-docs answered " + response.statusCode());
			}
			return JSON.readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot read /v3/api-docs", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Fails with an {@link AssertionError} naming the operation, status, media type and
	 * fields when the answer disagrees with the document.
	 */
	void check(String method, String path, Api.Response response) {
		try {
			verify(method, path, response);
		}
		catch (AssertionError ex) {
			if (!REPORT_ONLY) {
				throw ex;
			}
			VIOLATIONS.add(ex.getMessage().replace('\n', ' '));
		}
	}

	private void verify(String method, String path, Api.Response response) {
		String bare = URI.create(path.startsWith("http") ? path : "http://host" + path).getRawPath();
		Optional<Route> route = this.routes.stream().filter((candidate) -> candidate.matches(bare)).findFirst();
		if (route.isEmpty()) {
			SKIPPED.incrementAndGet();
			return;
		}
		String template = route.get().template();
		JsonNode operation = this.document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
		String where = method + " " + template;
		if (operation.isMissingNode()) {
			// a CORS preflight is the browser's question about an operation, not one
			// itself
			if (response.status() == 405 || "OPTIONS".equalsIgnoreCase(method)) {
				SKIPPED.incrementAndGet();
				return;
			}
			throw new AssertionError("OpenAPI contract: " + where + " is not in the document, but answered "
					+ response.status() + ". Document the operation.");
		}
		where = where + " (" + operation.path("operationId").asString("?") + ")";
		String status = String.valueOf(response.status());
		JsonNode answer = operation.path("responses").path(status);
		if (answer.isMissingNode()) {
			answer = operation.path("responses").path("default");
		}
		if (answer.isMissingNode()) {
			throw new AssertionError("OpenAPI contract: " + where + " answered " + status
					+ ", which the document does not list for it (listed: " + names(operation.path("responses"))
					+ "). Body: " + abbreviate(response.body()));
		}
		String body = response.body();
		if (body == null || body.isEmpty() || response.status() == 304) {
			VALIDATED.incrementAndGet();
			return;
		}
		String contentType = response.contentType()
			.map((value) -> value.split(";")[0].strip().toLowerCase(Locale.ROOT))
			.orElse("");
		JsonNode media = answer.path("content").path(contentType);
		if (media.isMissingNode()) {
			throw new AssertionError(
					"OpenAPI contract: " + where + " " + status + " answered Content-Type '" + contentType
							+ "', which the document does not list (listed: " + names(answer.path("content")) + ").");
		}
		JsonNode schemaNode = media.path("schema");
		if (schemaNode.isMissingNode() || !contentType.contains("json")) {
			VALIDATED.incrementAndGet();
			return;
		}
		Schema schema = this.schemas.computeIfAbsent(template + " " + method + " " + status + " " + contentType,
				(key) -> compile(schemaNode));
		List<String> problems = new ArrayList<>();
		if (contentType.equals("application/x-ndjson")) {
			String[] lines = body.split("\n");
			for (int i = 0; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					int line = i + 1;
					validate(schema, JSON.readTree(lines[i]))
						.forEach((problem) -> problems.add("line " + line + ": " + problem));
				}
			}
		}
		else {
			problems.addAll(validate(schema, JSON.readTree(body)));
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(
					"OpenAPI contract: " + where + " " + status + " " + contentType + " does not match its schema "
							+ schemaNode + ":\n  " + String.join("\n  ", problems) + "\nBody: " + abbreviate(body));
		}
		VALIDATED.incrementAndGet();
	}

	private Schema compile(JsonNode schemaNode) {
		ObjectNode root = JSON.createObjectNode();
		root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.set("allOf", JSON.createArrayNode().add(schemaNode));
		// "#/components/schemas/X" then resolves within this root
		root.set("components", this.document.path("components"));
		return this.registry.getSchema(root);
	}

	private static List<String> validate(Schema schema, JsonNode instance) {
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(instance)) {
			problems.add(error.getInstanceLocation() + ": " + error.getMessage());
		}
		return problems;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	private static String abbreviate(String body) {
		return (body == null || body.length() <= 600) ? body : body.substring(0, 600) + "...";
	}

	private static void report() {
		String line = "OpenAPI contract: " + VALIDATED.get() + " responses validated against /v3/api-docs ("
				+ SKIPPED.get() + " outside the documented paths)";
		System.out.println(line);
		try {
			Path target = Path.of("target");
			if (Files.isDirectory(target)) {
				Files.writeString(target.resolve("openapi-contract.txt"), line + "\n", StandardCharsets.UTF_8);
				if (REPORT_ONLY) {
					Files.write(target.resolve("openapi-contract-violations.txt"), VIOLATIONS);
				}
			}
		}
		catch (java.io.IOException ex) {
			// only a report
		}
	}

	/** A documented path, and the pattern of the request paths it stands for. */
	private record Route(String template, Pattern pattern, int variables) {

		static Route of(String template) {
			StringBuilder regex = new StringBuilder("^");
			int variables = 0;
			for (String part : template.split("(?=\\{)|(?<=\\})")) {
				if (part.startsWith("{") && part.endsWith("}")) {
					regex.append("[^/]+");
					variables++;
				}
				else {
					regex.append(Pattern.quote(part));
				}
			}
			return new Route(template, Pattern.compile(regex.append("$").toString()), variables);
		}

		boolean matches(String path) {
			return this.pattern.matcher(path).matches();
		}

	}

}
