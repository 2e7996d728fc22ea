package org.borderwatch.common;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells whether a failure means the database is gone, so that it is answered with a 503
 * the client may retry rather than a 500.
 */
@Component
class DatabaseProbe {

	private final ObjectProvider<DataSource> dataSource;

	DatabaseProbe(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * True when {@code ex} shows a lost connection, or carries an SQL failure while the
	 * database does not answer: a connection that broke mid-request surfaces as whatever
	 * failed last (often the rollback, with no SQLState to go by), so when in doubt the
	 * database is asked whether it is there.
	 */
	boolean explainsFailure(Throwable ex) {
		return lostTheDatabase(ex) || (Causes.find(ex, SQLException.class) != null && !databaseAnswers());
	}

	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getObject().getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * True when a cause is a JDBC connection failure (SQLState class 08) or an
	 * unreachable server.
	 */
	private static boolean lostTheDatabase(Throwable ex) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null
				: current.getCause()) {
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (current instanceof java.sql.SQLTransientConnectionException
					|| current instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

}
