package org.borderwatch.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's self-description at {@code /v3/api-docs}, rendered by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI borderwatchOpenApi() {
		return new OpenAPI().info(new Info().title("BorderWatch API")
			.version("v1")
			.description("""
					Border-conflict events: actors, sources, incidents with casualty figures and contested \
					claims, ceasefires, peace talks and border-crossing status over time, plus timeline, \
					situation and statistics queries.

					Conventions: JSON in camelCase, dates as YYYY-MM-DD, instants in UTC. Errors are \
					application/problem+json with an `errors` list of {field, message}. Every single \
					resource carries an ETag: send If-None-Match to get 304, If-Match on PUT, PATCH and \
					DELETE to get 412 instead of overwriting a newer version. PATCH takes a JSON merge \
					patch (application/merge-patch+json). Lists are cursor-paginated: limit (1-500, \
					default 50) and cursor (the previous page's nextCursor, also in the Link header).""")
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
	}

}
