package org.borderwatch.security;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "borderwatch.rate-limit.reads-per-minute=5",
		"borderwatch.rate-limit.writes-per-minute=2", "borderwatch.history.require-reason=true" })
class RateLimitApiTest extends IntegrationTest {

	@Test
	void answersTooManyRequestsWithRetryAfterOnceACallersBucketIsEmpty() {
		Api anonymous = new Api(this.port).anonymous();
		Api.Response first = anonymous.get("/api/v1/actors");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"reads\";q=5;w=60");
		assertThat(first.header("RateLimit")).startsWith("\"reads\";r=4;t=");
		for (int i = 0; i < 4; i++) {
			assertThat(anonymous.get("/api/v1/actors").status()).isEqualTo(200);
		}
		// The bucket refills one read every 12 s: on a slow machine a token may be back
		// by now, so the refusal is the first answer that is not a 200, a few at most.
		Api.Response refused = anonymous.get("/api/v1/actors");
		for (int i = 0; i < 5 && refused.status() == 200; i++) {
			refused = anonymous.get("/api/v1/actors");
		}
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).hasValue("application/problem+json");
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
		assertThat(refused.header("RateLimit")).startsWith("\"reads\";r=0;");

		// Another caller has a bucket of its own.
		assertThat(new Api(this.port).as(Api.ADMIN_KEY).get("/api/v1/actors").status()).isEqualTo(200);
	}

	@Test
	void requiresAReasonForWritesWhenConfiguredAndBoundsItsLength() {
		Api api = new Api(this.port);
		Api.Response without = api.post("/api/v1/actors", """
				{"name": "Unexplained", "kind": "OTHER"}""");
		assertThat(without.status()).isEqualTo(400);
		assertThat(without.errorFields()).containsExactly("X-Change-Reason");
		Api.Response tooLong = api.post("/api/v1/actors", """
				{"name": "Overexplained", "kind": "OTHER"}""", "X-Change-Reason", "x".repeat(501));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("X-Change-Reason");
	}

}
