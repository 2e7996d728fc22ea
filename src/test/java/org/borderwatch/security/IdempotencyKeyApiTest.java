package org.borderwatch.security;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.Api;
import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyApiTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	private Api api;

	private String run;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	private long actorsNamed(String name) {
		return this.jdbc.sql("select count(*) from actor where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	@Test
	void replaysTheFirstAnswerToARetryAndCreatesNothing() {
		String key = UUID.randomUUID().toString();
		String body = """
				{"name": "Retried %s", "kind": "OTHER"}""".formatted(this.run);
		Api.Response first = this.api.post("/api/v1/actors", body, "Idempotency-Key", key);
		Api.Response retry = this.api.post("/api/v1/actors", body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(actorsNamed("Retried " + this.run)).isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyForAnotherRequest() {
		String key = UUID.randomUUID().toString();
		assertThat(this.api.post("/api/v1/actors", """
				{"name": "First %s", "kind": "OTHER"}""".formatted(this.run), "Idempotency-Key", key).status())
			.isEqualTo(201);
		Api.Response other = this.api.post("/api/v1/actors", """
				{"name": "Second %s", "kind": "OTHER"}""".formatted(this.run), "Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).hasValue("application/problem+json");
		assertThat(other.json().path("detail").asString()).contains("Idempotency-Key");
		assertThat(actorsNamed("Second " + this.run)).isZero();
	}

	@Test
	void keepsKeysApartPerCaller() {
		String key = UUID.randomUUID().toString();
		String editor = this.api.post("/api/v1/api-keys", """
				{"name": "other caller %s", "role": "EDITOR"}""".formatted(this.run)).json().path("secret").asString();
		assertThat(this.api.post("/api/v1/actors", """
				{"name": "Mine %s", "kind": "OTHER"}""".formatted(this.run), "Idempotency-Key", key).status())
			.isEqualTo(201);
		assertThat(this.api.as(editor).post("/api/v1/actors", """
				{"name": "Theirs %s", "kind": "OTHER"}""".formatted(this.run), "Idempotency-Key", key).status())
			.isEqualTo(201);
	}

	@Test
	void answersConflictWhileTheFirstRequestStillRunsThenReplaysIt() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = """
				{"name": "Concurrent %s", "kind": "OTHER"}""".formatted(this.run);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try (Connection blocker = this.dataSource.getConnection()) {
			// Holds every insert into actor until released: the first request stays in
			// flight.
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("lock table actor in share row exclusive mode");
			}
			Future<Api.Response> first = pool
				.submit(() -> this.api.post("/api/v1/actors", body, "Idempotency-Key", key));
			waitUntilClaimed(key);
			List<Future<Api.Response>> duplicates = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				duplicates.add(pool.submit(() -> this.api.post("/api/v1/actors", body, "Idempotency-Key", key)));
			}
			for (Future<Api.Response> duplicate : duplicates) {
				Api.Response response = duplicate.get(60, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.body()).isEqualTo(409);
				assertThat(response.header("Retry-After")).isNotNull();
			}
			blocker.rollback();
			assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		finally {
			pool.shutdownNow();
		}
		Api.Response later = this.api.post("/api/v1/actors", body, "Idempotency-Key", key);
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(actorsNamed("Concurrent " + this.run)).isEqualTo(1);
	}

	@Test
	void releasesTheKeyOfARefusedRequestOnlyOnServerErrors() {
		String key = UUID.randomUUID().toString();
		Api.Response invalid = this.api.post("/api/v1/actors", """
				{"kind": "OTHER"}""", "Idempotency-Key", key);
		assertThat(invalid.status()).isEqualTo(400);
		Api.Response again = this.api.post("/api/v1/actors", """
				{"kind": "OTHER"}""", "Idempotency-Key", key);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	private void waitUntilClaimed(String key) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (this.jdbc.sql("select exists (select 1 from idempotency_key where key = :key)")
				.param("key", key)
				.query(Boolean.class)
				.single()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the first request never claimed its key");
	}

}
