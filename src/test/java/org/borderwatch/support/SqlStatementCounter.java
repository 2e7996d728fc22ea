package org.borderwatch.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, so a test can prove that a list
 * endpoint runs a fixed number of queries whatever the page size (no N+1). Counts across
 * all threads but the service's own background work (the change stream's reader, the
 * webhook sender, the import jobs' heartbeat and the idempotency key sweeper use the
 * database on timers): reset, make one request, read.
 */
public final class SqlStatementCounter {

	private static final AtomicLong COUNT = new AtomicLong();

	private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	private SqlStatementCounter() {
	}

	public static void reset() {
		COUNT.set(0);
		STATEMENTS.clear();
	}

	/** The text of each statement counted since the last reset, in order. */
	public static List<String> statements() {
		return List.copyOf(STATEMENTS);
	}

	public static long count() {
		return COUNT.get();
	}

	/**
	 * Import this into a test ({@code @Import(SqlStatementCounter.Configuration.class)}).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource) {
						return wrap(dataSource);
					}
					return bean;
				}
			};
		}

	}

	static DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(method, target, args);
					return (result instanceof Connection connection) ? wrap(connection) : result;
				});
	}

	private static Connection wrap(Connection target) {
		return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					String name = method.getName();
					if ((name.equals("prepareStatement") || name.equals("prepareCall")
							|| name.equals("createStatement")) && !isBackgroundThread()) {
						COUNT.incrementAndGet();
						if (args != null && args.length > 0 && args[0] instanceof String sql) {
							STATEMENTS.add(sql);
						}
					}
					return invoke(method, target, args);
				});
	}

	private static boolean isBackgroundThread() {
		String thread = Thread.currentThread().getName();
		return thread.startsWith("live-") || thread.startsWith("webhook-") || thread.startsWith("import-")
				|| thread.startsWith("idempotency-key-");
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
