package org.borderwatch.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeySweeperTest extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IdempotencyKeySweeper sweeper;

	private void keyCreatedAgo(String principal, String key, String age) {
		this.jdbc
			.sql("""
					insert into idempotency_key (principal, key, fingerprint, created_at, completed_at, status)
					values (:principal, :key, '\\x00', now() - cast(:age as interval), now() - cast(:age as interval), 201)""")
			.param("principal", principal)
			.param("key", key)
			.param("age", age)
			.update();
	}

	private List<String> keysOf(String principal) {
		return this.jdbc.sql("select key from idempotency_key where principal = :principal order by key")
			.param("principal", principal)
			.query(String.class)
			.list();
	}

	@Test
	void deletesKeysOlderThanTheRetentionAndKeepsYoungerOnes() {
		String principal = "sweeper-test-" + UUID.randomUUID();
		keyCreatedAgo(principal, "a-day-and-a-minute-old", "24 hours 1 minute");
		keyCreatedAgo(principal, "a-week-old", "7 days");
		keyCreatedAgo(principal, "an-hour-old", "1 hour");
		keyCreatedAgo(principal, "almost-a-day-old", "23 hours 59 minutes");

		int deleted = this.sweeper.sweep();

		assertThat(deleted).isGreaterThanOrEqualTo(2);
		assertThat(keysOf(principal)).containsExactly("almost-a-day-old", "an-hour-old");
	}

	@Test
	void deletesABacklogLargerThanOneBatch() {
		String principal = "sweeper-backlog-" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into idempotency_key (principal, key, fingerprint, created_at)
				select :principal, 'k' || g, '\\x00', now() - interval '2 days' from generate_series(1, :count) g""")
			.param("principal", principal)
			.param("count", IdempotencyKeySweeper.BATCH + 5)
			.update();
		keyCreatedAgo(principal, "fresh", "1 minute");

		this.sweeper.sweep();

		assertThat(keysOf(principal)).containsExactly("fresh");
	}

	@Test
	void sweepsOnAScheduleByDefault() {
		assertThat(this.sweeper.isRunning()).isTrue();
		assertThat(this.sweeper.scheduled()).isTrue();
	}

}
