package org.borderwatch.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP-level integration tests: the whole application on a random port,
 * against the database {@link TestDatabase} chose, without the demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	/** The one origin from which browsers may call the API in these tests (CORS). */
	public static final String DASHBOARD_ORIGIN = "https://dashboard.example";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Connection connection = TestDatabase.connection();
		registry.add("spring.datasource.url", connection::url);
		// a null value leaves the property unset: the user name then comes from the URL
		registry.add("spring.datasource.username", connection::username);
		registry.add("spring.datasource.password", connection::password);
		registry.add("borderwatch.demo-data.enabled", () -> "false");
		registry.add("borderwatch.security.bootstrap-admin-key", () -> Api.ADMIN_KEY);
		registry.add("borderwatch.webhooks.allow-private-targets", () -> "true");
		registry.add("borderwatch.cors.allowed-origins", () -> DASHBOARD_ORIGIN);
	}

}
