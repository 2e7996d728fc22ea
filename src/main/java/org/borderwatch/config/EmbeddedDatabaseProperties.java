package org.borderwatch.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that BorderWatch starts when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir the cluster's data directory; created on first start and kept across
 * restarts, so it holds the user's data and must not be a temporary directory
 * @param port the TCP port the server listens on (loopback only); {@code 0} picks a free
 * port on every start
 */
@ConfigurationProperties("borderwatch.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port) {

	public EmbeddedDatabaseProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(
					"borderwatch.embedded-db.port must be between 0 (pick a free port) and 65535, not " + port);
		}
	}

}
