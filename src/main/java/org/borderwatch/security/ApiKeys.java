package org.borderwatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.borderwatch.common.InvalidInputException;
import org.borderwatch.common.NotFoundException;
import org.borderwatch.common.Uuids;

/**
 * API keys: issued with a secret shown once, kept as the SHA-256 of the secret, revoked
 * at once. A secret is {@code bwk_} (so that secret scanners can spot a leaked one) and
 * 256 random bits in URL-safe Base64.
 */
@Service
class ApiKeys {

	static final String PREFIX = "bwk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How stale "last used" may get: writing it on every request would cost a write. */
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	private static final RowMapper<ApiKey> KEY = (rs, row) -> new ApiKey(rs.getObject("id", UUID.class),
			rs.getString("name"), Role.valueOf(rs.getString("role")), instant(rs.getTimestamp("created_at")),
			instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
			instant(rs.getTimestamp("revoked_at")));

	private final JdbcClient jdbc;

	private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored key, without its secret. */
	record ApiKey(UUID id, String name, Role role, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {

		boolean usableAt(Instant now) {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
		}

	}

	/** A key just issued, with the only copy of its secret. */
	record Issued(ApiKey key, String secret) {
	}

	Issued issue(String name, Role role, Instant expiresAt) {
		return store(name, role, expiresAt, newSecret());
	}

	/**
	 * Stores a key with a secret chosen by the operator (the bootstrap admin key), unless
	 * a key with that secret exists already.
	 */
	Optional<ApiKey> ensure(String name, Role role, String secret) {
		if (findBySecret(secret).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(store(name, role, null, secret).key());
	}

	boolean anyExists() {
		return this.jdbc.sql("select exists (select 1 from api_key)").query(Boolean.class).single();
	}

	List<ApiKey> list() {
		return this.jdbc.sql("select * from api_key order by created_at, id").query(KEY).list();
	}

	/** Revokes the key: from now on it authenticates nobody. */
	ApiKey revoke(UUID id) {
		this.jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where id = :id")
			.param("id", id)
			.update();
		return this.jdbc.sql("select * from api_key where id = :id")
			.param("id", id)
			.query(KEY)
			.optional()
			.orElseThrow(() -> NotFoundException.of("API key", id));
	}

	/**
	 * The key this secret belongs to, if it is usable now (neither revoked nor expired).
	 * Unknown, revoked and expired keys are all simply absent, so callers cannot tell
	 * them apart.
	 */
	Optional<ApiKey> authenticate(String secret) {
		Instant now = Instant.now();
		Optional<ApiKey> key = findBySecret(secret).filter((k) -> k.usableAt(now));
		key.ifPresent((k) -> touch(k, now));
		return key;
	}

	private Optional<ApiKey> findBySecret(String secret) {
		byte[] hash = sha256(secret);
		// The index finds the row by its hash; comparing again in constant time keeps the
		// decision itself free of timing differences.
		return this.jdbc.sql("select * from api_key where secret_hash = :hash")
			.param("hash", hash)
			.query((rs, row) -> MessageDigest.isEqual(hash, rs.getBytes("secret_hash")) ? KEY.mapRow(rs, row) : null)
			.optional();
	}

	private void touch(ApiKey key, Instant now) {
		Instant written = this.lastUsedWritten.get(key.id());
		if (written != null && written.plus(LAST_USED_GRANULARITY).isAfter(now)) {
			return;
		}
		this.lastUsedWritten.put(key.id(), now);
		this.jdbc.sql("update api_key set last_used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", key.id())
			.update();
	}

	private Issued store(String name, Role role, Instant expiresAt, String secret) {
		if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
			throw InvalidInputException.forField("expiresAt", "must be in the future");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UUID id = Uuids.v7();
		this.jdbc.sql("""
				insert into api_key (id, name, role, secret_hash, created_at, expires_at)
				values (:id, :name, :role, :hash, :now, :expiresAt)""")
			.param("id", id)
			.param("name", name)
			.param("role", role.name())
			.param("hash", sha256(secret))
			.param("now", Timestamp.from(now))
			.param("expiresAt", (expiresAt != null) ? Timestamp.from(expiresAt.truncatedTo(ChronoUnit.MICROS)) : null)
			.update();
		ApiKey key = new ApiKey(id, name, role, now,
				(expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null, null, null);
		return new Issued(key, secret);
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
