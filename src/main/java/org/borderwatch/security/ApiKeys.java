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
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>
 * A key found usable is kept in memory, by the hash of its secret, for
 * {@code borderwatch.security.api-key-cache} (5 seconds by default): the lookup was a
 * statement of its own, outside the transaction, in every authenticated request, and 5%
 * of an actor create's CPU time. Revoking a key through this instance forgets it here at
 * once, so its next request is refused; another instance sharing the database refuses it
 * once its own copy is older than the cache time. Expiry is checked on every request.
 * Unknown secrets are never kept: a key issued on one instance works on all at once.
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

	/** How long a usable key is kept in memory unless configured otherwise. */
	static final Duration DEFAULT_CACHE = Duration.ofSeconds(5);

	/** Keys kept at most; more (many keys in use at once) start the memory afresh. */
	private static final int CACHE_LIMIT = 10_000;

	private final JdbcClient jdbc;

	private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	/** Usable keys by the Base64 of their secret's hash. */
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * Counts revocations: a lookup that a revocation overtook does not keep what it read
	 * (it may have read the key just before it was revoked).
	 */
	private final AtomicLong revocations = new AtomicLong();

	private final long cacheNanos;

	ApiKeys(JdbcClient jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.cacheNanos = properties.apiKeyCache().toNanos();
	}

	private record Cached(ApiKey key, long keptAt) {
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
		// after the update has committed (autocommit): a lookup from now on reads the
		// revocation, one under way is told not to keep what it read
		this.revocations.incrementAndGet();
		this.cache.values().removeIf((cached) -> cached.key().id().equals(id));
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
		byte[] hash = sha256(secret);
		String cacheKey = (this.cacheNanos > 0) ? Base64.getEncoder().encodeToString(hash) : null;
		Cached cached = (cacheKey != null) ? this.cache.get(cacheKey) : null;
		if (cached != null && System.nanoTime() - cached.keptAt() < this.cacheNanos) {
			Optional<ApiKey> key = Optional.of(cached.key()).filter((k) -> k.usableAt(now));
			key.ifPresent((k) -> touch(k, now));
			return key;
		}
		long revocationsBefore = this.revocations.get();
		long readAt = System.nanoTime();
		Optional<ApiKey> key = findByHash(hash).filter((k) -> k.usableAt(now));
		key.ifPresent((k) -> touch(k, now));
		if (cacheKey != null) {
			if (key.isPresent()) {
				if (this.cache.size() >= CACHE_LIMIT) {
					this.cache.clear();
				}
				this.cache.put(cacheKey, new Cached(key.get(), readAt));
				if (this.revocations.get() != revocationsBefore) {
					this.cache.remove(cacheKey);
				}
			}
			else {
				this.cache.remove(cacheKey);
			}
		}
		return key;
	}

	private Optional<ApiKey> findBySecret(String secret) {
		return findByHash(sha256(secret));
	}

	private Optional<ApiKey> findByHash(byte[] hash) {
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
