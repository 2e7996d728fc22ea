package org.borderwatch.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two stateless filter chains. Anonymous public reads take a short one (security headers
 * and CORS); every other request the full one: API keys, optional JWTs (when Spring's
 * resource-server properties configure a decoder), one authorization rule
 * ({@link AccessRules}), 401/403 as problem details, CORS for the configured origins. No
 * sessions, no cookies, hence no CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	/** Headers a dashboard on another origin may read. */
	static final List<String> EXPOSED_HEADERS = List.of("ETag", "Link", "Location", "X-Request-Id", "RateLimit",
			"RateLimit-Policy", "Retry-After", "Idempotent-Replayed");

	/**
	 * No observations of the filter chain's own steps (Spring Security would otherwise
	 * time the chain before and after each request, every authentication and every
	 * authorization): in CPU profiles of actor creates under load, the share of the
	 * request's time spent outside the controller fell from 28% to 22% without them.
	 * Requests stay observed as a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's firewall, with header checks that cost less on the common
	 * printable-ASCII headers and decide alike ({@link HeaderCharacters}).
	 */
	@Bean
	static HttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	@Bean
	AccessRules accessRules(SecurityProperties properties) {
		return new AccessRules(properties.publicRead());
	}

	/**
	 * Anonymous public reads: what {@link AccessRules} lets anyone do, asked without
	 * credentials, needs no authentication, no security context and no authorization, so
	 * it passes through the security headers and CORS alone. In profiles of timeline
	 * pages the whole chain was about 3.5% of the request threads' samples, and the five
	 * filters skipped here (security context, servlet API wrapper, anonymous caller,
	 * exception translation, authorization) about 1%. A request with an
	 * {@code Authorization} header takes the full chain, whose verdict on a bad
	 * credential (401) does not depend on the path.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain publicReads(HttpSecurity http, AccessRules rules, JsonMapper mapper,
			@Value("${borderwatch.cors.allowed-origins:}") List<String> allowedOrigins) throws Exception {
		http.securityMatcher(rules::isAnonymousPublicRead)
			.securityContext(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.exceptionHandling(AbstractHttpConfigurer::disable);
		return statelessWithHeaders(http, allowedOrigins, new ProblemResponses(mapper, rules)).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, AccessRules rules, JsonMapper mapper,
			SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder,
			@Value("${borderwatch.cors.allowed-origins:}") List<String> allowedOrigins) throws Exception {
		ProblemResponses problems = new ProblemResponses(mapper, rules);
		boolean jwt = jwtDecoder.getIfAvailable() != null;
		statelessWithHeaders(http, allowedOrigins, problems)
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(rules))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems, jwt), AnonymousAuthenticationFilter.class);
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(jwtOnly())
				.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler())
				.jwt((tokens) -> tokens.decoder(jwtDecoder.getObject())
					.jwtAuthenticationConverter(rolesFrom(properties.jwtRolesClaim()))));
		}
		return http.build();
	}

	/**
	 * What both chains share: no sessions, cookies, forms or CSRF tokens, Spring
	 * Security's headers without its Cache-Control, and CORS for the configured origins
	 * ({@link CorsRequests}).
	 */
	private static HttpSecurity statelessWithHeaders(HttpSecurity http, List<String> allowedOrigins,
			ProblemResponses problems) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// No sessions, and not the filter that would only manage them: every request
			// passes through each filter of the chain, reads included. The caller's
			// authentication lives for the request alone.
			.sessionManagement(AbstractHttpConfigurer::disable)
			// Responses carry ETags and answer If-None-Match: the default no-store would
			// forbid exactly the caching they are there for. The headers are the same on
			// every answer, so they are written before the request goes on rather than by
			// a wrapper around the response that watches every write for the commit (a
			// visible share of a page request's CPU).
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
					@Override
					public <O extends HeaderWriterFilter> O postProcess(O filter) {
						filter.setShouldWriteHeadersEagerly(true);
						return filter;
					}
				}))
			.cors(AbstractHttpConfigurer::disable)
			.addFilter(CorsRequests.filter(corsSource(allowedOrigins), problems));
	}

	/** API keys are the key filter's; every other bearer token is a JWT. */
	private static BearerTokenResolver jwtOnly() {
		DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
		return (request) -> {
			String token = bearer.resolve(request);
			return (token != null && token.startsWith(ApiKeys.PREFIX)) ? null : token;
		};
	}

	/**
	 * The token's subject names the caller; its roles come from {@code claim} (a string
	 * or a list of strings), unknown role names ignored.
	 */
	static JwtAuthenticationConverter rolesFrom(String claim) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((Jwt token) -> {
			Collection<GrantedAuthority> authorities = new ArrayList<>();
			Object value = token.getClaims().get(claim);
			List<Object> names = new ArrayList<>();
			if (value instanceof Collection<?> many) {
				names.addAll(many);
			}
			else if (value != null) {
				names.add(value);
			}
			for (Object name : names) {
				Role.parse(String.valueOf(name)).ifPresent((role) -> authorities.add(role.authority()));
			}
			return authorities;
		});
		return converter;
	}

	private static CorsConfigurationSource corsSource(List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = allowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList();
		if (!origins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(origins);
			cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
					"Idempotency-Key", "X-Change-Reason", "X-Request-Id", "Last-Event-ID"));
			cors.setExposedHeaders(EXPOSED_HEADERS);
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

}
