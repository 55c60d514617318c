package io.strongroom.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the runner's own JDBC connection to a customer database (for the server version,
 * the snapshot and the statistics). Credentials travel as driver properties, never in the
 * URL string, so no driver message can echo them.
 */
final class Jdbc {

	static final int CONNECT_TIMEOUT_SECONDS = 15;

	private Jdbc() {
	}

	static Connection connect(DatabaseUrl url) throws RunnerFailure {
		try {
			return (url.engine() == Engine.POSTGRES) ? postgres(url) : mysql(url);
		}
		catch (SQLException ex) {
			throw DumpFailures.fromSql(ex, url, "connecting");
		}
	}

	private static Connection postgres(DatabaseUrl url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", url.user());
		properties.setProperty("password", url.password().value());
		properties.setProperty("ApplicationName", url.parameters().getOrDefault("application_name", "strongroom"));
		properties.setProperty("connectTimeout",
				url.parameters().getOrDefault("connect_timeout", Integer.toString(CONNECT_TIMEOUT_SECONDS)));
		properties.setProperty("tcpKeepAlive", "true");
		for (String name : new String[] { "sslmode", "sslrootcert", "sslcert", "sslkey" }) {
			String value = url.parameters().get(name);
			if (value != null) {
				properties.setProperty(name, value);
			}
		}
		return new org.postgresql.Driver().connect("jdbc:postgresql://" + bracketed(url.host()) + ":" + url.port() + "/"
				+ DatabaseUrl.encode(url.database()), properties);
	}

	/**
	 * MySQL and MariaDB through the MariaDB driver, which speaks to both. It connects
	 * without a default database, so the database name never has to survive URL parsing;
	 * queries name it explicitly.
	 */
	private static Connection mysql(DatabaseUrl url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", url.user());
		properties.setProperty("password", url.password().value());
		properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 1000));
		properties.setProperty("tcpKeepAlive", "true");
		String sslMode = MysqlSsl.mode(url);
		if (sslMode != null) {
			properties.setProperty("sslMode", switch (sslMode) {
				case "DISABLED" -> "disable";
				case "VERIFY_CA" -> "verify-ca";
				case "VERIFY_IDENTITY" -> "verify-full";
				default -> "trust";
			});
		}
		String ca = url.parameters().get("ssl-ca");
		if (ca != null) {
			properties.setProperty("serverSslCert", ca);
		}
		Connection connection = new org.mariadb.jdbc.Driver()
			.connect("jdbc:mariadb://" + bracketed(url.host()) + ":" + url.port() + "/", properties);
		if (connection == null) {
			throw new SQLException("The MariaDB JDBC driver did not accept the URL", "08001");
		}
		return connection;
	}

	static String bracketed(String host) {
		return host.contains(":") ? "[" + host + "]" : host;
	}

	/** Quotes an identifier for PostgreSQL, doubling embedded double quotes. */
	static String quotePostgres(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** Quotes an identifier for MySQL/MariaDB: {@code `a``b`}. */
	static String quoteMysql(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	/** SSL settings of a MySQL/MariaDB URL. */
	static final class MysqlSsl {

		private MysqlSsl() {
		}

		/** {@code ssl-mode} (or {@code sslmode}) in upper case, or null. */
		static String mode(DatabaseUrl url) {
			String mode = url.parameters().getOrDefault("ssl-mode", url.parameters().get("sslmode"));
			return (mode != null) ? mode.toUpperCase(Locale.ROOT) : null;
		}

	}

}
