package io.strongroom.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argument lists of {@code mariadb-dump}/{@code mysqldump} and
 * {@code mariadb}/{@code mysql}: pure functions, so tests can prove what runs. The
 * password is in the 0600 defaults-extra-file, never an argument.
 */
final class MysqlDumpCommand {

	/** The first line mariadb-dump writes since 10.5.25/10.6.18/10.11.8/11.x. */
	static final String SANDBOX_LINE = "/*M!999999\\- enable the sandbox mode */";

	private MysqlDumpCommand() {
	}

	/**
	 * @param client the dump tool and its flavour (MariaDB's or MySQL's)
	 * @param serverIsMariaDb whether the server is MariaDB
	 * @param excludeTables tables to leave out; only those in the URL's database matter
	 */
	static List<String> dump(ClientBinary client, DatabaseUrl url, boolean serverIsMariaDb,
			List<TableName> excludeTables, DumpOptions options, Path defaultsFile) {
		boolean mariaDbClient = MysqlClients.isMariaDb(client);
		List<String> command = new ArrayList<>();
		command.add(client.path().toString());
		// must be the first argument
		command.add("--defaults-extra-file=" + defaultsFile);
		connection(command, url, mariaDbClient);
		command.add("--single-transaction");
		command.add("--quick");
		command.add("--hex-blob");
		if (options.bool("routines") == null || options.flag("routines")) {
			command.add("--routines");
		}
		if (options.bool("triggers") == null || options.flag("triggers")) {
			command.add("--triggers");
		}
		else {
			command.add("--skip-triggers");
		}
		if (options.bool("events") == null || options.flag("events")) {
			command.add("--events");
		}
		if (!mariaDbClient && !serverIsMariaDb) {
			// a dump restored elsewhere must not carry the source's GTID set
			command.add("--set-gtid-purged=OFF");
		}
		if (!mariaDbClient && serverIsMariaDb && MysqlClients.compare(client.version(), List.of(8)) >= 0) {
			// MySQL 8's mysqldump reads COLUMN_STATISTICS, which MariaDB does not have
			command.add("--column-statistics=0");
		}
		if (options.flag("noTablespaces")) {
			command.add("--no-tablespaces");
		}
		if (options.flag("completeInsert")) {
			command.add("--complete-insert");
		}
		if (options.number("maxAllowedPacket") != null) {
			command.add("--max-allowed-packet=" + options.number("maxAllowedPacket"));
		}
		if (options.text("defaultCharacterSet") != null) {
			command.add("--default-character-set=" + options.text("defaultCharacterSet"));
		}
		for (TableName table : excludeTables) {
			if (table.schema().equals(url.database())) {
				command.add("--ignore-table=" + table.schema() + "." + table.name());
			}
		}
		command.add("--");
		command.add(url.database());
		return List.copyOf(command);
	}

	/** The client that loads a SQL dump into the URL's database. */
	static List<String> restore(ClientBinary client, DatabaseUrl url, Path defaultsFile, boolean sandbox) {
		boolean mariaDbClient = MysqlClients.isMariaDb(client);
		List<String> command = new ArrayList<>();
		command.add(client.path().toString());
		command.add("--defaults-extra-file=" + defaultsFile);
		connection(command, url, mariaDbClient);
		command.add("--batch");
		if (sandbox) {
			command.add("--sandbox");
		}
		command.add("--database=" + url.database());
		return List.copyOf(command);
	}

	/**
	 * The option file with the password. The value is double-quoted with backslashes and
	 * double quotes escaped, which MariaDB's and MySQL's option parsers both read back.
	 */
	static String defaultsFile(DatabaseUrl url) {
		String password = url.password().value().replace("\\", "\\\\").replace("\"", "\\\"");
		return "[client]\npassword=\"" + password + "\"\n";
	}

	static Map<String, String> environment(Path home) {
		// HOME keeps the runner user's ~/.my.cnf out
		return Map.of("HOME", home.toString());
	}

	private static void connection(List<String> command, DatabaseUrl url, boolean mariaDbClient) {
		// the URL means TCP: without this, "localhost" would silently use a local socket
		command.add("--protocol=TCP");
		command.add("--host=" + url.host());
		command.add("--port=" + url.port());
		command.add("--user=" + url.user());
		String sslMode = Jdbc.MysqlSsl.mode(url);
		if (sslMode != null) {
			if (mariaDbClient) {
				switch (sslMode) {
					case "DISABLED" -> command.add("--skip-ssl");
					case "REQUIRED", "PREFERRED" -> command.add("--ssl");
					default -> {
						command.add("--ssl");
						command.add("--ssl-verify-server-cert");
					}
				}
			}
			else {
				command.add("--ssl-mode=" + sslMode);
			}
		}
		String ca = url.parameters().get("ssl-ca");
		if (ca != null) {
			command.add("--ssl-ca=" + ca);
		}
	}

}
