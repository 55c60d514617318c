package io.strongroom.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument lists and environments of {@code pg_dump} and {@code pg_restore}: pure
 * functions, so tests can prove what runs. No secret is in an argument list: the password
 * is in a 0600 passfile named by {@code PGPASSFILE}.
 */
final class PgDumpCommand {

	private PgDumpCommand() {
	}

	static List<String> dump(Path pgDump, DatabaseUrl url, PostgresSelection selection, DumpOptions options,
			String snapshot) {
		List<String> command = new ArrayList<>();
		command.add(pgDump.toString());
		command.add("--format=custom");
		command.add("--compress=0");
		command.add("--no-owner");
		command.add("--no-acl");
		command.add("--snapshot=" + snapshot);
		connection(command, url);
		for (String schema : selection.excludeSchemas()) {
			command.add("--exclude-schema=" + Jdbc.quotePostgres(schema));
		}
		for (TableName table : selection.excludeTables()) {
			command.add("--exclude-table=" + table.postgresPattern());
		}
		for (TableName table : selection.excludeTableData()) {
			command.add("--exclude-table-data=" + table.postgresPattern());
		}
		Boolean largeObjects = options.bool("largeObjects");
		if (largeObjects != null) {
			// the short forms exist in every supported version; the long names changed in
			// 16
			command.add(largeObjects ? "-b" : "-B");
		}
		flag(command, options, "noComments", "--no-comments");
		flag(command, options, "noPublications", "--no-publications");
		flag(command, options, "noSubscriptions", "--no-subscriptions");
		flag(command, options, "noTablespaces", "--no-tablespaces");
		flag(command, options, "enableRowSecurity", "--enable-row-security");
		flag(command, options, "quoteAllIdentifiers", "--quote-all-identifiers");
		if (options.number("lockWaitTimeout") != null) {
			command.add("--lock-wait-timeout=" + options.number("lockWaitTimeout"));
		}
		return List.copyOf(command);
	}

	static List<String> restore(Path pgRestore, DatabaseUrl url) {
		List<String> command = new ArrayList<>();
		command.add(pgRestore.toString());
		command.add("--no-owner");
		command.add("--no-acl");
		command.add("--exit-on-error");
		connection(command, url);
		return List.copyOf(command);
	}

	/**
	 * The variables libpq reads: the passfile, the URL's SSL settings, a timeout. A
	 * private {@code HOME} keeps the runner user's {@code ~/.pgpass} and service files
	 * out.
	 */
	static Map<String, String> environment(DatabaseUrl url, Path passfile, Path home) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("HOME", home.toString());
		env.put("PGPASSFILE", passfile.toString());
		env.put("PGAPPNAME", url.parameters().getOrDefault("application_name", "strongroom"));
		env.put("PGCONNECT_TIMEOUT",
				url.parameters().getOrDefault("connect_timeout", Integer.toString(Jdbc.CONNECT_TIMEOUT_SECONDS)));
		Map<String, String> ssl = Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT",
				"sslkey", "PGSSLKEY");
		ssl.forEach((parameter, variable) -> {
			String value = url.parameters().get(parameter);
			if (value != null) {
				env.put(variable, value);
			}
		});
		return env;
	}

	/**
	 * A passfile line matching any host, port, database and user: the file exists for one
	 * tool run only. Colons and backslashes are escaped as the format requires.
	 */
	static String passfile(DatabaseUrl url) {
		String password = url.password().value().replace("\\", "\\\\").replace(":", "\\:");
		return "*:*:*:*:" + password + "\n";
	}

	private static void connection(List<String> command, DatabaseUrl url) {
		command.add("--host=" + url.host());
		command.add("--port=" + url.port());
		command.add("--username=" + url.user());
		// a bare name with '=' or a URI prefix would be read as a connection string; a
		// quoted dbname keyword never is
		command.add("--dbname=dbname=" + conninfoQuote(url.database()));
	}

	static String conninfoQuote(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static void flag(List<String> command, DumpOptions options, String option, String flag) {
		if (options.flag(option)) {
			command.add(flag);
		}
	}

}
