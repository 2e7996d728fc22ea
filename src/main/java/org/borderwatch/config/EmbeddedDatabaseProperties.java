package org.borderwatch.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that BorderWatch starts when no
 * {@code spring.datasource.url} is configured.
 * <p>
 * The memory and checkpoint settings replace PostgreSQL's defaults (128MB of shared
 * buffers, a checkpoint every 1GB of WAL or 5 minutes), which suit a small server. An
 * import of a large file writes millions of index entries: with 128MB the indexes of the
 * incidents and the timeline no longer fit in the buffers, and every checkpoint during
 * the import makes the next change of each index page write the whole page to the WAL
 * again. The values are PostgreSQL's own (units included) and need a restart of the
 * service to change. Durability is not traded: fsync, full page writes and synchronous
 * commits stay on.
 *
 * @param dataDir the cluster's data directory; created on first start and kept across
 * restarts, so it holds the user's data and must not be a temporary directory
 * @param port the TCP port the server listens on (loopback only); {@code 0} picks a free
 * port on every start
 * @param sharedBuffers PostgreSQL's {@code shared_buffers}: memory the server reserves
 * for its page cache ({@code wal_buffers} follows it, 16MB from 512MB on)
 * @param maxWalSize PostgreSQL's {@code max_wal_size}: WAL written between two
 * checkpoints (a checkpoint starts after about half of it): the disk space {@code pg_wal}
 * may take during a large import, and the most WAL a restart after a crash replays
 * @param checkpointTimeout PostgreSQL's {@code checkpoint_timeout}: the longest time
 * between two checkpoints
 */
@ConfigurationProperties("borderwatch.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port,
		@DefaultValue("512MB") String sharedBuffers, @DefaultValue("8GB") String maxWalSize,
		@DefaultValue("30min") String checkpointTimeout) {

	public EmbeddedDatabaseProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(
					"borderwatch.embedded-db.port must be between 0 (pick a free port) and 65535, not " + port);
		}
	}

}
