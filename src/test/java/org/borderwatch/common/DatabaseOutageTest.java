package org.borderwatch.common;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.borderwatch.BorderwatchApplication;
import org.borderwatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While its database is down the service keeps answering, with 503 problems, and it
 * recovers by itself when the database comes back.
 */
class DatabaseOutageTest {

	@Test
	void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
		Path dataDir = Files.createTempDirectory("borderwatch-outage-");
		int dbPort = freePort();
		EmbeddedPostgres database = start(dataDir, dbPort);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BorderwatchApplication.class)
			.properties("server.port=0", "spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
					"spring.datasource.username=postgres", "borderwatch.demo-data.enabled=false",
					"borderwatch.security.bootstrap-admin-key=" + Api.ADMIN_KEY)
			.run()) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(api.get("/api/v1/actors").status()).isEqualTo(200);

			database.close();
			Api.Response down = api.get("/api/v1/actors");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.contentType()).hasValue("application/problem+json");
			assertThat(down.header("Retry-After")).isNotNull();
			assertThat(down.body()).doesNotContain("jdbc").doesNotContain("Exception");
			assertThat(api.get("/actuator/health").status()).isEqualTo(503);

			database = start(dataDir, dbPort);
			assertThat(statusWithin(api, "/api/v1/actors", Duration.ofSeconds(30))).isEqualTo(200);
			assertThat(api.post("/api/v1/actors", "{\"name\": \"Back again\", \"kind\": \"OTHER\"}").status())
				.isEqualTo(201);
		}
		finally {
			database.close();
		}
	}

	/**
	 * The pool reconnects in the background; give it a few attempts, as a client retrying
	 * would.
	 */
	private static int statusWithin(Api api, String path, Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		int status = api.get(path).status();
		while (status != 200 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			status = api.get(path).status();
		}
		return status;
	}

	private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
