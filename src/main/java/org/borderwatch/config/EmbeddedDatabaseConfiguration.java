package org.borderwatch.config;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded database mode: with no {@code spring.datasource.url} configured, the
 * application runs a real PostgreSQL server itself, on a data directory kept across
 * restarts ({@code borderwatch.embedded-db.data-dir}), and gives Flyway and JPA a pooled
 * {@code DataSource} on it, so Spring Boot's own DataSource configuration backs off.
 * <p>
 * The server is durable (fsync and synchronous commits on), listens on the loopback
 * interface only, and is stopped when the application context closes. A server left
 * running by an application that was killed is stopped before a new one starts.
 *
 * @see EmbeddedDatabaseProperties
 * @see StalePostmaster
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseServer embeddedDatabaseServer(EmbeddedDatabaseProperties properties) throws IOException {
		return EmbeddedDatabaseServer.start(properties);
	}

	/**
	 * The running server, for code that needs its port or a superuser connection.
	 * {@link #embeddedDatabaseServer} stops it.
	 */
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseServer server) {
		return server.postgres();
	}

	/**
	 * The application's connection pool on the server's {@code postgres} database. Its
	 * settings can be tuned with the usual {@code spring.datasource.hikari.*} properties.
	 * Depending on the server bean makes the context close the pool before the server.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("embedded-postgres");
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(EmbeddedDatabaseServer.USERNAME);
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

	/**
	 * Matches when {@code spring.datasource.url} is missing or blank, the way an unset
	 * {@code SPRING_DATASOURCE_URL=} in a compose file or shell leaves it.
	 */
	static final class NoDataSourceUrlCondition extends SpringBootCondition {

		private static final String URL_PROPERTY = "spring.datasource.url";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded PostgreSQL");
			if (StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY))) {
				return ConditionOutcome.noMatch(message.found("property").items(URL_PROPERTY));
			}
			return ConditionOutcome.match(message.didNotFind("property").items(URL_PROPERTY));
		}

	}

}
