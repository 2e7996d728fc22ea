package org.borderwatch.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.TestPropertySource;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads closed to anonymous callers, JWTs from an identity provider (here: tokens signed
 * with the test's own key), and CORS for a configured dashboard origin.
 */
@TestPropertySource(properties = { "borderwatch.security.public-read=false",
		"borderwatch.cors.allowed-origins=https://dashboard.example" })
@Import(PrivateReadsAndJwtTest.Tokens.class)
class PrivateReadsAndJwtTest extends IntegrationTest {

	private static final KeyPair KEYS = rsa();

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@TestConfiguration
	static class Tokens {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		}

	}

	@Test
	void refusesAnonymousReadsWhenReadsAreNotPublic() {
		Api.Response anonymous = this.api.anonymous().get("/api/v1/actors");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().path("detail").asString()).contains("READER");
		assertThat(this.api.as(Api.ADMIN_KEY).get("/api/v1/actors").status()).isEqualTo(200);
		assertThat(this.api.anonymous().get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void acceptsJwtsWithTheirRolesFromTheRolesClaim() throws Exception {
		String reader = token("analyst@example.org", List.of("reader"), KEYS);
		String editor = token("editor@example.org", List.of("EDITOR"), KEYS);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"name": "By token %s", "kind": "OTHER"}""".formatted(run);

		assertThat(this.api.as(reader).get("/api/v1/actors").status()).isEqualTo(200);
		assertThat(this.api.as(reader).post("/api/v1/actors", body).status()).isEqualTo(403);
		Api.Response created = this.api.as(editor).post("/api/v1/actors", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String by = this.api.as(editor)
			.get("/api/v1/actors/" + created.json().path("id").asString() + "/history")
			.json()
			.path("items")
			.get(0)
			.path("by")
			.asString();
		assertThat(by).isEqualTo("editor@example.org");

		Api.Response forged = this.api.as(token("editor@example.org", List.of("ADMIN"), rsa()))
			.post("/api/v1/actors", body);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(forged.contentType()).hasValue("application/problem+json");
	}

	@Test
	void answersCorsPreflightsOfConfiguredOriginsOnly() {
		Api.Response allowed = this.api.anonymous()
			.send("OPTIONS", "/api/v1/incidents", null, null, "Origin", "https://dashboard.example",
					"Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers",
					"if-match,authorization");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://dashboard.example");
		assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PATCH");

		Api.Response read = this.api.as(Api.ADMIN_KEY).get("/api/v1/actors", "Origin", "https://dashboard.example");
		assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag", "Link", "X-Request-Id");

		Api.Response other = this.api.anonymous()
			.send("OPTIONS", "/api/v1/incidents", null, null, "Origin", "https://evil.example",
					"Access-Control-Request-Method", "PATCH");
		assertThat(other.status()).isEqualTo(403);
	}

	private static String token(String subject, List<String> roles, KeyPair keys) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().subject(subject)
					.claim("roles", roles)
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(600)))
					.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
