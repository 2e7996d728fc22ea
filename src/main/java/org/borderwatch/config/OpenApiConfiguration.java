package org.borderwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import org.borderwatch.common.StrictQueryParameters;
import org.borderwatch.export.ExportFormat;

/**
 * The API's self-description at {@code /v3/api-docs}, rendered by Swagger UI at
 * {@code /swagger-ui.html}, and the rules that keep it true for every endpoint without an
 * annotation on each:
 * <ul>
 * <li>Every operation lists the statuses it can answer, by kind: 400 everywhere (every
 * endpoint refuses unknown query parameters), 404 where the path names a record, 304 on
 * reads of one record, 201 for creates ({@code create*} and {@code add*} handlers), 204
 * for deletes, 409, 412 and 428 on writes, 413, 415 and 422 where a body is sent, 406 on
 * reads, 422 on timelines (whose from and to may name records), 500 and 503 everywhere;
 * errors as {@code application/problem+json} with the {@code Problem} schema.</li>
 * <li>Every record field that can be null says so ({@code type: [string, "null"]}, or
 * {@code anyOf} with {@code null} beside a {@code $ref}): a field is non-null only when
 * it is primitive, a collection, an {@code id}, or required by a bean-validation
 * constraint.</li>
 * <li>Exports (handlers that produce {@code text/csv}) document their CSV, GeoJSON and
 * NDJSON answers and the {@code format} parameter.</li>
 * <li>Long descriptions and examples live in resources, not in annotations:
 * {@code openapi/{method}-{path}/description.md} and {@code example.csv},
 * {@code example.geojson}, {@code example.ndjson}, the path without {@code /api/v1} and
 * braces, slashes as dashes ({@code openapi/get-incidents/}).</li>
 * <li>Operation ids are the handler's name followed by its controller's
 * ({@code listIncident}), stable from one build to the next.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";

	static final String GEOJSON = "GeoJsonFeatureCollection";

	static final String MERGE_PATCH = "MergePatch";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	@Bean
	OpenAPI borderwatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("BorderWatch API")
				.version("v1")
				.description("""
						Border-conflict events: actors, sources, incidents with casualty figures and contested \
						claims, ceasefires, peace talks and border-crossing status over time, plus timeline, \
						situation and statistics queries.

						Conventions: JSON in camelCase, dates as YYYY-MM-DD, instants in UTC. Errors are \
						application/problem+json with an `errors` list of {field, message}; their title is the \
						HTTP status phrase. Every single resource carries an ETag: send If-None-Match to get 304, \
						If-Match on PUT, PATCH and DELETE to get 412 instead of overwriting a newer version. PATCH \
						takes a JSON merge patch (application/merge-patch+json). Lists are cursor-paginated: limit \
						(1-500, default 50) and cursor (the previous page's nextCursor, also in the Link header); \
						a cursor is bound to the filters it was issued with.

						Query rules: a query parameter an operation does not list is refused (400 naming it and \
						the closest known one); enumerations ignore case; repeat a parameter or comma-separate \
						values for OR, different parameters AND; format=csv|geojson|ndjson on exports stands \
						for the Accept header.""")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			// relative: the document does not change with the host and port that served
			// it
			.servers(List.of(new Server().url("/").description("The service that serves this document")));
	}

	@Bean
	OperationCustomizer operationsByHandler() {
		return (operation, handler) -> {
			operation.setOperationId(operationId(handler));
			String name = handler.getMethod().getName();
			ApiResponses responses = responses(operation);
			if ((name.startsWith("create") || name.startsWith("add")) && responses.containsKey("200")) {
				ApiResponse created = responses.remove("200");
				created.setDescription("Created; Location names the new record");
				created.addHeaderObject("Location", new Header().description("URI of the new record")
					.schema(new Schema<>().type("string").format("uri")));
				created.addHeaderObject("ETag", etag());
				responses.addApiResponse("201", created);
			}
			if ((name.startsWith("delete") || name.startsWith("remove"))
					&& handler.getReturnType().getParameterType() != Object.class) {
				responses.remove("200");
				responses.addApiResponse("204", new ApiResponse().description("Deleted"));
			}
			if (offersExports(handler)) {
				documentExports(operation);
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer contractRules() {
		return (openApi) -> {
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			// PATCH bodies are bound as Jackson trees: documented as what they are, a
			// merge
			// patch, not as the tree class's getters
			schemas.remove("JsonNode");
			schemas.put(MERGE_PATCH,
					new Schema<>().types(Set.of("object"))
						.description("A JSON merge patch (RFC 7396): fields present replace the stored ones (lists as "
								+ "a whole), null removes a field, fields left out stay as they are"));
			schemas.put(PROBLEM, problemSchema());
			schemas.put(GEOJSON, geoJsonSchema());
			Nullability.apply(schemas);
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String key = resourceKey(method, path);
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach((media) -> {
						if (media.getSchema() != null
								&& "#/components/schemas/JsonNode".equals(media.getSchema().get$ref())) {
							media.setSchema(new Schema<>().$ref("#/components/schemas/" + MERGE_PATCH));
						}
					});
				}
				addErrorResponses(method, path, operation);
				documentation(key + "/description.md").ifPresent(operation::setDescription);
				addExamples(key, operation);
			}));
			// Sorted, so that the committed document does not change with the order
			// beans happen to be found in.
			openApi.getComponents().setSchemas(new TreeMap<>(schemas));
		};
	}

	private static String operationId(HandlerMethod handler) {
		String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
		return handler.getMethod().getName() + controller;
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		return operation.getResponses();
	}

	private static boolean offersExports(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null
				&& Arrays.stream(mapping.produces()).anyMatch((type) -> type.startsWith(ExportFormat.CSV_VALUE));
	}

	/**
	 * The CSV answer is text, the GeoJSON one a feature collection whose properties are
	 * the NDJSON rows, the NDJSON one a row per line (its schema describes one line).
	 */
	private static void documentExports(Operation operation) {
		ApiResponse ok = responses(operation).computeIfAbsent("200", (status) -> new ApiResponse().description("OK"));
		if (ok.getContent() == null) {
			ok.setContent(new Content());
		}
		MediaType ndjson = ok.getContent().get(ExportFormat.NDJSON_VALUE);
		Schema<?> row = (ndjson != null && ndjson.getSchema() != null && ndjson.getSchema().get$ref() != null)
				? ndjson.getSchema() : new Schema<>().types(Set.of("object"));
		ok.getContent()
			.addMediaType(ExportFormat.CSV_VALUE, new MediaType().schema(new Schema<>().types(Set.of("string"))
				.description("RFC 4180 CSV: UTF-8, CRLF line ends, a header line, one row per record")));
		ok.getContent()
			.addMediaType(ExportFormat.GEOJSON_VALUE,
					new MediaType().schema(new Schema<>().allOf(List.of(
							new Schema<>().$ref("#/components/schemas/" + GEOJSON),
							new Schema<>().types(Set.of("object"))
								.addProperty("features", new Schema<>().types(Set.of("array"))
									.items(new Schema<>().types(Set.of("object")).addProperty("properties", row)))))));
		ok.getContent()
			.addMediaType(ExportFormat.NDJSON_VALUE,
					new MediaType().schema(row).extensions(Map.of("x-ndjson", "each line is one JSON object")));
		ok.addHeaderObject("X-Features-Without-Coordinates",
				new Header().description("GeoJSON only: how many records were left out for want of coordinates")
					.schema(new Schema<>().types(Set.of("integer"))));
		boolean declared = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> "format".equals(parameter.getName()));
		if (!declared) {
			operation.addParametersItem(new Parameter().in("query")
				.name("format")
				.description("Stands for the Accept header, and wins over it: json, csv (text/csv), geojson "
						+ "(application/geo+json) or ndjson (application/x-ndjson). For tools that read a URL "
						+ "without choosing an Accept header.")
				.schema(new Schema<String>().types(Set.of("string"))
					._enum(new ArrayList<>(StrictQueryParameters.FORMATS))));
		}
	}

	private static void addErrorResponses(PathItem.HttpMethod method, String path, Operation operation) {
		ApiResponses responses = responses(operation);
		boolean namesRecord = path.contains("{");
		boolean hasBody = operation.getRequestBody() != null;
		boolean write = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
				|| method == PathItem.HttpMethod.DELETE;
		add(responses, HttpStatus.BAD_REQUEST,
				"Invalid input, naming the field or parameter: a malformed value, an unknown query parameter, "
						+ "a cursor from another walk");
		if (method == PathItem.HttpMethod.GET) {
			if (namesRecord && path.endsWith("}") || hasHeader(operation, "If-None-Match")) {
				responses.computeIfAbsent("304", (status) -> new ApiResponse()
					.description("Not modified: If-None-Match carries the current ETag"));
				responses.get("200").addHeaderObject("ETag", etag());
			}
			add(responses, HttpStatus.NOT_ACCEPTABLE, "None of the accepted media types can be produced");
		}
		if (namesRecord || hasHeader(operation, "If-None-Match")) {
			add(responses, HttpStatus.NOT_FOUND, "No such record");
		}
		if (write || method == PathItem.HttpMethod.POST) {
			add(responses, HttpStatus.CONFLICT,
					"A unique value is taken, the record is still referenced, or a concurrent change won");
		}
		if (write || hasHeader(operation, "If-Match")) {
			add(responses, HttpStatus.PRECONDITION_FAILED, "If-Match names a version that is no longer current");
		}
		if (path.endsWith("/timeline")) {
			add(responses, HttpStatus.UNPROCESSABLE_CONTENT, "from or to names a record that does not exist");
		}
		if (hasBody) {
			add(responses, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than the configured limit");
			add(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is missing or not accepted");
			add(responses, HttpStatus.UNPROCESSABLE_CONTENT, "A referenced record does not exist, naming the field");
		}
		if (path.startsWith("/api/")) {
			add(responses, HttpStatus.TOO_MANY_REQUESTS,
					"The caller's rate limit is spent: retry after Retry-After (RateLimit and RateLimit-Policy "
							+ "headers on every answer say how much is left)");
		}
		add(responses, HttpStatus.INTERNAL_SERVER_ERROR, "A failure on the server's side, with a correlation id");
		add(responses, HttpStatus.SERVICE_UNAVAILABLE, "The database is unreachable; retry after Retry-After");
	}

	private static boolean hasHeader(Operation operation, String name) {
		return operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
	}

	private static void add(ApiResponses responses, HttpStatus status, String description) {
		String code = String.valueOf(status.value());
		ApiResponse response = responses.get(code);
		if (response == null) {
			response = new ApiResponse().description(description);
			responses.addApiResponse(code, response);
		}
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	private static Header etag() {
		return new Header().description("The record's version, for If-None-Match and If-Match")
			.schema(new Schema<>().types(Set.of("string")));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new Schema<>().types(Set.of("object"))
			.addProperty("field", new Schema<>().types(Set.of("string")).description("The field or parameter"))
			.addProperty("message", new Schema<>().types(Set.of("string")))
			.required(List.of("field", "message"));
		return new Schema<>().types(Set.of("object"))
			.description("RFC 9457 problem details. type is about:blank, so title is the HTTP status phrase; "
					+ "detail says what went wrong, errors lists each field or parameter at fault.")
			.addProperty("type", new Schema<>().types(Set.of("string")).format("uri"))
			.addProperty("title", new Schema<>().types(Set.of("string")).example("Bad Request"))
			.addProperty("status", new Schema<>().types(Set.of("integer")).example(400))
			.addProperty("detail", new Schema<>().types(Set.of("string")).example("kind: 'PERSN' is not a valid value"))
			.addProperty("instance", new Schema<>().types(Set.of("string")).format("uri-reference"))
			.addProperty("errors", new Schema<>().types(Set.of("array")).items(fieldError))
			.addProperty("correlationId",
					new Schema<>().types(Set.of("string")).description("Quote it when reporting a problem"))
			.required(List.of("title", "status", "correlationId"));
	}

	private static Schema<?> geoJsonSchema() {
		Schema<?> point = new Schema<>().types(Set.of("object"))
			.addProperty("type", new Schema<String>().types(Set.of("string"))._enum(List.of("Point")))
			.addProperty("coordinates",
					new Schema<>().types(Set.of("array"))
						.items(new Schema<>().types(Set.of("number")))
						.description("longitude, latitude"));
		Schema<?> feature = new Schema<>().types(Set.of("object"))
			.addProperty("type", new Schema<String>().types(Set.of("string"))._enum(List.of("Feature")))
			.addProperty("id", new Schema<>().types(Set.of("string")))
			.addProperty("geometry", point)
			.addProperty("properties", new Schema<>().types(Set.of("object")))
			.required(List.of("type", "geometry", "properties"));
		return new Schema<>().types(Set.of("object"))
			.description("RFC 7946 GeoJSON: one Point feature per record with coordinates")
			.addProperty("type", new Schema<String>().types(Set.of("string"))._enum(List.of("FeatureCollection")))
			.addProperty("features", new Schema<>().types(Set.of("array")).items(feature))
			.required(List.of("type", "features"));
	}

	private static void addExamples(String key, Operation operation) {
		ApiResponse ok = (operation.getResponses() != null) ? operation.getResponses().get("200") : null;
		if (ok == null || ok.getContent() == null) {
			return;
		}
		Map<String, String> names = Map.of(ExportFormat.CSV_VALUE, "csv", ExportFormat.GEOJSON_VALUE, "geojson",
				ExportFormat.NDJSON_VALUE, "ndjson");
		names.forEach((mediaType, name) -> {
			MediaType content = ok.getContent().get(mediaType);
			if (content != null) {
				documentation(key + "/example." + name).ifPresent((text) -> content.addExamples(name,
						new Example().summary("One record").value(parsed(name, text))));
			}
		});
	}

	/**
	 * CSV examples are text (with the final line end the resource's stripping took); JSON
	 * ones are shown parsed, an NDJSON one as its first line.
	 */
	private static Object parsed(String name, String text) {
		if (name.equals("csv")) {
			return text + "\n";
		}
		String json = name.equals("ndjson") ? text.lines().findFirst().orElse(text) : text;
		return JsonMapper.shared().readValue(json, Object.class);
	}

	/** {@code get-incidents} for {@code GET /api/v1/incidents}. */
	static String resourceKey(PathItem.HttpMethod method, String path) {
		String trimmed = path.replaceFirst("^/api/v1/?", "").replace("{", "").replace("}", "");
		return method.name().toLowerCase(Locale.ROOT) + (trimmed.isEmpty() ? "" : "-" + trimmed.replace('/', '-'));
	}

	private static java.util.Optional<String> documentation(String name) {
		ClassPathResource resource = new ClassPathResource("openapi/" + name);
		if (!resource.exists()) {
			return java.util.Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}

	/**
	 * Declares nullable every record field that can be null, by the rule in this class's
	 * description. Springdoc knows the records only by their schema names, so the records
	 * of the application are found by scanning, and matched to schemas by name.
	 */
	static final class Nullability {

		private Nullability() {
		}

		static void apply(Map<String, Schema> schemas) {
			Map<String, Class<?>> records = records();
			schemas.forEach((name, schema) -> {
				Class<?> type = records.get(name);
				if (type == null) {
					type = genericRecord(records, name);
				}
				if (type == null || schema.getProperties() == null) {
					return;
				}
				for (RecordComponent component : type.getRecordComponents()) {
					Schema<?> property = (Schema<?>) schema.getProperties().get(component.getName());
					if (property != null && component.getAccessor().isAnnotationPresent(JsonRawValue.class)) {
						// raw JSON text goes out as the JSON it holds: an object, not a
						// string
						property.setTypes(new LinkedHashSet<>(Set.of("object")));
					}
					if (property != null && nullable(component)) {
						schema.getProperties().put(component.getName(), orNull(property));
					}
				}
			});
		}

		/** {@code PageResponseActor} is {@code PageResponse<ActorResponse>}. */
		private static Class<?> genericRecord(Map<String, Class<?>> records, String name) {
			return records.values()
				.stream()
				.filter((type) -> type.getTypeParameters().length > 0 && name.startsWith(type.getSimpleName()))
				.findFirst()
				.orElse(null);
		}

		private static Map<String, Class<?>> records() {
			ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(
					false) {
				@Override
				protected boolean isCandidateComponent(
						org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
					return definition.getMetadata().isIndependent();
				}
			};
			scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
			Map<String, Class<?>> named = new LinkedHashMap<>();
			Map<String, Class<?>> records = new LinkedHashMap<>();
			scanner.findCandidateComponents("org.borderwatch").forEach((definition) -> {
				Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(),
						OpenApiConfiguration.class.getClassLoader());
				io.swagger.v3.oas.annotations.media.Schema annotation = type
					.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
				if (annotation != null && !annotation.name().isEmpty()) {
					named.put(annotation.name(), type);
				}
				else {
					records.putIfAbsent(type.getSimpleName(), type);
				}
			});
			// a name given with @Schema wins over a record that merely has that simple
			// name
			records.putAll(named);
			return records;
		}

		private static boolean nullable(RecordComponent component) {
			Class<?> type = component.getType();
			if (type.isPrimitive() || type.isArray() || Collection.class.isAssignableFrom(type)
					|| Map.class.isAssignableFrom(type) || component.getName().equals("id")) {
				return false;
			}
			for (Annotation annotation : component.getAnnotations()) {
				String name = annotation.annotationType().getSimpleName();
				if (name.equals("NotNull") || name.equals("NotBlank") || name.equals("NotEmpty")
						|| name.equals("NonNull")) {
					return false;
				}
				if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
						&& schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
					return false;
				}
			}
			return true;
		}

		/** The property, also allowing null: OpenAPI 3.1's way, as JSON Schema has it. */
		@SuppressWarnings({ "rawtypes", "unchecked" })
		private static Schema<?> orNull(Schema property) {
			if (property.get$ref() != null) {
				Schema wrapped = new Schema<>()
					.anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
				wrapped.setDescription(property.getDescription());
				return wrapped;
			}
			Set<String> types = new LinkedHashSet<>();
			if (property.getTypes() != null) {
				types.addAll(property.getTypes());
			}
			else if (property.getType() != null) {
				types.add(property.getType());
			}
			if (types.isEmpty()) {
				return property;
			}
			types.add("null");
			property.setTypes(types);
			// an enumeration lists every value allowed: null among them
			if (property.getEnum() != null && !property.getEnum().contains(null)) {
				List<Object> values = new ArrayList<>(property.getEnum());
				values.add(null);
				property.setEnum(values);
			}
			return property;
		}

	}

}
