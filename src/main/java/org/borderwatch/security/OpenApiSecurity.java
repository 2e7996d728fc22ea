package org.borderwatch.security;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the bearer scheme in the API document and, on each operation, the role it
 * needs ({@code x-required-role}, from {@link AccessRules}) with its 401 and 403 answers,
 * so that Swagger UI can authorise with a key and clients can tell what a key may do. An
 * operation anyone may call declares the credential optional, and the 401 a bad one gets.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

	static final String SCHEME = "bearer";

	@Bean
	OpenApiCustomizer bearerScheme(AccessRules rules) {
		return (openApi) -> {
			openApi.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API key (bwk_...) or, when configured, a JWT from the identity provider"));
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
					Role needed = rules.required(entry.getKey().name(), path);
					if (needed != null) {
						declare(entry.getValue(), needed);
					}
					else {
						declareOptional(entry.getValue());
					}
				}
			});
		};
	}

	private static void declare(Operation operation, Role needed) {
		operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		operation.addExtension("x-required-role", needed.name());
		Content problem = problem();
		if (operation.getResponses() != null) {
			operation.getResponses()
				.putIfAbsent("401",
						new ApiResponse().description(
								"No credential, or one that is unknown, revoked or expired (WWW-Authenticate: Bearer)")
							.content(problem));
			operation.getResponses()
				.putIfAbsent("403",
						new ApiResponse().description("The credential's role is below " + needed).content(problem));
		}
	}

	/**
	 * An operation anyone may call: without a credential, or with one, which is then
	 * checked (a bad one is refused rather than ignored, so that a client learns its key
	 * stopped working on its first request, read or write).
	 */
	private static void declareOptional(Operation operation) {
		operation.addSecurityItem(new SecurityRequirement());
		operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		if (operation.getResponses() != null) {
			operation.getResponses()
				.putIfAbsent("401", new ApiResponse()
					.description("A credential was sent and it is unknown, revoked or expired (WWW-Authenticate: "
							+ "Bearer); without one the call is anonymous")
					.content(problem()));
		}
	}

	/** A problem details body: the schema the API document declares for every 4xx. */
	private static Content problem() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
	}

}
