package io.strongroom.runner;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what went wrong (a driver's SQLException, a tool's exit code and stderr) into a
 * {@link RunnerFailure} whose kind says what to do. Every message passes through
 * {@link DatabaseUrl#mask} first.
 */
final class DumpFailures {

	private DumpFailures() {
	}

	/** A failure of the JDBC connection the runner opens itself. */
	static RunnerFailure fromSql(SQLException ex, DatabaseUrl url, String doing) {
		String detail = url.mask(describe(ex));
		FailureKind kind = classify(ex, url.engine());
		if (kind == FailureKind.USAGE) {
			return new RunnerFailure(kind,
					"Database '" + url.database() + "' on " + where(url) + " does not exist or user '" + url.user()
							+ "' cannot see it: " + detail + ". Check the database name in the URL.");
		}
		return failure(kind, url, doing, detail);
	}

	/**
	 * A tool that exited non-zero; {@code failedKind} for errors nothing else explains.
	 */
	static RunnerFailure fromTool(String tool, int exitCode, String stderr, DatabaseUrl url, FailureKind failedKind) {
		String detail = url.mask(stderr.strip());
		if (detail.isEmpty()) {
			detail = "no message";
		}
		FailureKind kind = (url.engine() == Engine.POSTGRES) ? classifyPostgres(detail) : classifyMysql(detail);
		if (kind == FailureKind.DUMP_FAILED) {
			kind = failedKind;
		}
		return failure(kind, url, tool + " exited with code " + exitCode, detail);
	}

	static RunnerFailure failure(FailureKind kind, DatabaseUrl url, String doing, String detail) {
		String message = switch (kind) {
			case CONNECTION_REFUSED -> "Cannot reach the database at " + where(url) + " (" + doing + "): " + detail
					+ ". Check the host and port in the URL, that the server is running, and that it accepts "
					+ "connections from this machine (firewall, IP allow-list, SSL mode).";
			case AUTHENTICATION_FAILED -> "The database at " + where(url) + " refused user '" + url.user() + "' ("
					+ doing + "): " + detail + ". Check the user name and password in the URL; if the "
					+ "credentials were rotated, save the new URL.";
			case PERMISSION_DENIED -> "User '" + url.user() + "' may not read something the dump needs (" + doing
					+ "): " + detail + ". Grant the missing privilege (for a table: GRANT SELECT), or leave the "
					+ "object out with excludeTables." + hint(detail);
			case RESTORE_FAILED -> "The restore into " + where(url) + " failed (" + doing + "): " + detail
					+ ". The target database may now be partly restored; restore into an empty database.";
			default -> "The dump of " + where(url) + " failed (" + doing + "): " + detail + ".";
		};
		return new RunnerFailure(kind, url.mask(message));
	}

	/** Advice for MySQL-family privileges that a dump option can avoid. */
	private static String hint(String detail) {
		String text = detail.toLowerCase(Locale.ROOT);
		if (text.contains("process privilege")) {
			return " On MySQL 8 the dump option \"noTablespaces\": true avoids needing PROCESS.";
		}
		if (text.contains("show create procedure") || text.contains("show create function")) {
			return " Routines of another definer need SELECT on mysql.proc (MariaDB) or SHOW_ROUTINE (MySQL); "
					+ "or set the dump option \"routines\": false.";
		}
		if (text.contains("show events")) {
			return " Grant EVENT on the database, or set the dump option \"events\": false.";
		}
		if (text.contains("show create trigger") || text.contains("show triggers")) {
			return " Grant TRIGGER on the database, or set the dump option \"triggers\": false.";
		}
		return "";
	}

	static FailureKind classify(SQLException ex, Engine engine) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		int code = ex.getErrorCode();
		if (engine == Engine.POSTGRES) {
			if (state.startsWith("08")) {
				return FailureKind.CONNECTION_REFUSED;
			}
			if (state.startsWith("28")) {
				return FailureKind.AUTHENTICATION_FAILED;
			}
			if (state.equals("42501")) {
				return FailureKind.PERMISSION_DENIED;
			}
			if (state.equals("3D000")) {
				return FailureKind.USAGE;
			}
			return classifyPostgres(String.valueOf(ex.getMessage()));
		}
		switch (code) {
			case 1045, 1698, 1862, 1820 -> {
				return FailureKind.AUTHENTICATION_FAILED;
			}
			case 1044, 1142, 1143, 1227, 1370 -> {
				return FailureKind.PERMISSION_DENIED;
			}
			case 1049 -> {
				return FailureKind.USAGE;
			}
			default -> {
			}
		}
		if (state.startsWith("08")) {
			return FailureKind.CONNECTION_REFUSED;
		}
		if (state.startsWith("28")) {
			return FailureKind.AUTHENTICATION_FAILED;
		}
		return classifyMysql(String.valueOf(ex.getMessage()));
	}

	/** What pg_dump/pg_restore/libpq messages mean (C locale). */
	static FailureKind classifyPostgres(String stderr) {
		String text = stderr.toLowerCase(Locale.ROOT);
		if (text.contains("server version mismatch") || text.contains("unsupported version")) {
			return FailureKind.CLIENT_TOO_OLD;
		}
		if (text.contains("password authentication failed") || text.contains("no password supplied")
				|| text.contains("authentication failed for user") || text.contains("no pg_hba.conf entry")
				|| (text.contains("role \"") && text.contains("does not exist"))
				|| text.contains("pg_hba.conf rejects connection")) {
			return FailureKind.AUTHENTICATION_FAILED;
		}
		if (text.contains("permission denied") || text.contains("must be owner") || text.contains("row-level security")
				|| text.contains("must be superuser")) {
			return FailureKind.PERMISSION_DENIED;
		}
		if (text.contains("connection refused") || text.contains("could not translate host name")
				|| text.contains("timeout expired") || text.contains("no route to host")
				|| text.contains("network is unreachable") || text.contains("could not connect to server")
				|| text.contains("server closed the connection unexpectedly")
				|| text.contains("connection timed out")) {
			return FailureKind.CONNECTION_REFUSED;
		}
		return FailureKind.DUMP_FAILED;
	}

	/** What mariadb-dump/mysqldump/mariadb messages mean (C locale). */
	static FailureKind classifyMysql(String stderr) {
		String text = stderr.toLowerCase(Locale.ROOT);
		if (text.contains("access denied for user") && (text.contains("using password") || text.contains("(1045)")
				|| text.contains("error 1045") || text.contains("got error: 1045"))) {
			return FailureKind.AUTHENTICATION_FAILED;
		}
		if (text.contains("access denied") || text.contains("command denied") || text.contains("privilege")) {
			return FailureKind.PERMISSION_DENIED;
		}
		if (text.contains("can't connect to") || text.contains("unknown mysql server host")
				|| text.contains("unknown server host") || text.contains("lost connection to")
				|| text.contains("connection refused") || text.contains("server has gone away")
				|| text.contains("(2002)") || text.contains("(2003)") || text.contains("(2005)")
				|| text.contains("(2013)")) {
			return FailureKind.CONNECTION_REFUSED;
		}
		return FailureKind.DUMP_FAILED;
	}

	private static String where(DatabaseUrl url) {
		return (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":" + url.port() + "/"
				+ url.database();
	}

	private static String describe(SQLException ex) {
		StringBuilder text = new StringBuilder(String.valueOf(ex.getMessage()).strip());
		Throwable cause = ex.getCause();
		if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
			text.append(" (").append(cause.getMessage().strip()).append(')');
		}
		if (ex.getSQLState() != null) {
			text.append(" [SQLState ").append(ex.getSQLState()).append(']');
		}
		return text.toString();
	}

}
