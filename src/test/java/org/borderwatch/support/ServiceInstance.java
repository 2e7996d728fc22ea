package org.borderwatch.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.borderwatch.BorderwatchApplication;

/**
 * One more instance of the whole service, on a free port and the test database, for tests
 * about several instances sharing a database (or one stopping and another starting).
 * Settings are passed as command-line arguments, so that they win over
 * {@code application.properties} as an operator's would.
 */
public final class ServiceInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ServiceInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts an instance with the integration tests' settings, plus {@code settings}. */
	public static ServiceInstance start(Map<String, String> settings) {
		TestDatabase.Connection database = TestDatabase.connection();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.datasource.url", database.url());
		if (database.username() != null) {
			all.put("spring.datasource.username", database.username());
		}
		if (database.password() != null) {
			all.put("spring.datasource.password", database.password());
		}
		all.put("borderwatch.demo-data.enabled", "false");
		all.put("borderwatch.security.bootstrap-admin-key", Api.ADMIN_KEY);
		all.put("borderwatch.webhooks.allow-private-targets", "true");
		all.put("spring.jmx.enabled", "false");
		all.putAll(settings);
		List<String> args = new ArrayList<>();
		all.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new ServiceInstance(
				new SpringApplicationBuilder(BorderwatchApplication.class).run(args.toArray(String[]::new)));
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
