package io.strongroom.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MySQL and MariaDB: {@code mariadb-dump}/{@code mysqldump --single-transaction}, with
 * statistics from {@code information_schema} and exact row counts read, while the tool
 * runs, in a consistent snapshot opened just before the tool opens its own (MySQL cannot
 * share a snapshot between sessions; see {@code docs/dump-tools.md} for what that means
 * under concurrent writes).
 */
final class MysqlDump implements DatabaseDump {

	@Override
	public StartedDump start(DumpRequest request) throws RunnerFailure {
		DatabaseUrl url = request.url();
		List<TableName> excluded;
		try {
			excluded = TableName.parseAll(request.excludeTables(), url.database());
		}
		catch (IllegalArgumentException ex) {
			throw new RunnerFailure(FailureKind.USAGE, ex.getMessage());
		}
		List<AutoCloseable> resources = new ArrayList<>();
		Connection connection = Jdbc.connect(url);
		resources.add(connection);
		try {
			String serverVersion = serverVersion(connection);
			boolean mariaDb = MysqlClients.isMariaDbServer(serverVersion);
			List<Path> directories = MysqlClients.directoriesOrDefault(request.clientDirectories());
			ClientBinary client = MysqlClients.pick("mariadb-dump or mysqldump", serverVersion,
					ClientBinary.discover(directories, MysqlClients.DUMP_TOOLS), directories);
			requireDatabase(connection, url);
			// before the snapshot, which the tool's own should follow closely
			request.beforeTool().check(DatabaseSize.estimate(connection, Engine.MYSQL, url.database()));
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
				statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
			}

			PrivateFiles files = PrivateFiles.create();
			resources.add(files);
			Path defaults = files.write("my.cnf", MysqlDumpCommand.defaultsFile(url));
			List<String> command = LargeWrites
				.wrap(MysqlDumpCommand.dump(client, url, mariaDb, excluded, request.options(), defaults));
			String tool = client.path().getFileName().toString();
			ToolProcess process = ToolProcess
				.start(ToolProcess.builder(command, MysqlDumpCommand.environment(files.directory())), tool);
			// the snapshot above was opened just before the tool opens its own; count in
			// it now
			StatisticsTask statistics = StatisticsTask.start(connection, url,
					() -> statistics(connection, url, excluded));
			return new ToolDump(tool, process, process.stdout(), url, mariaDb ? Engine.MARIADB : Engine.MYSQL,
					serverVersion, client.versionLine(), statistics, resources);
		}
		catch (SQLException ex) {
			PostgresDump.closeAll(resources);
			throw DumpFailures.fromSql(ex, url, "opening the snapshot");
		}
		catch (IOException ex) {
			PostgresDump.closeAll(resources);
			throw new RunnerFailure(FailureKind.DUMP_FAILED,
					"Could not start the dump tool: " + url.mask(ex.getMessage()), ex);
		}
		catch (RunnerFailure | RuntimeException ex) {
			PostgresDump.closeAll(resources);
			throw ex;
		}
	}

	static String serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * Sizes from {@code information_schema.TABLES}; row counts with {@code COUNT(*)} in
	 * the consistent snapshot the connection has open, which this ends.
	 */
	static DatabaseStatistics statistics(Connection connection, DatabaseUrl url, List<TableName> excluded)
			throws SQLException {
		String database = url.database();
		try (Statement statement = connection.createStatement()) {
			try {
				long databaseBytes = 0;
				List<TableStatistics> listed = new ArrayList<>();
				try (PreparedStatement tables = connection.prepareStatement(
						"SELECT TABLE_NAME, TABLE_TYPE, COALESCE(DATA_LENGTH, 0), COALESCE(INDEX_LENGTH, 0) "
								+ "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
					tables.setString(1, database);
					try (ResultSet rs = tables.executeQuery()) {
						while (rs.next()) {
							databaseBytes += rs.getLong(3) + rs.getLong(4);
							String type = rs.getString(2);
							if ("BASE TABLE".equals(type) || "SYSTEM VERSIONED".equals(type)) {
								listed.add(new TableStatistics(database, rs.getString(1), 0, rs.getLong(3),
										rs.getLong(4)));
							}
						}
					}
				}
				List<TableStatistics> result = new ArrayList<>();
				for (TableStatistics table : listed) {
					if (excluded.stream().anyMatch((name) -> name.matches(table.schema(), table.name()))) {
						continue;
					}
					result.add(new TableStatistics(table.schema(), table.name(),
							count(statement, database, table.name()), table.tableBytes(), table.indexBytes()));
				}
				result.sort(Comparator.comparing(TableStatistics::name));
				return new DatabaseStatistics(databaseBytes, result);
			}
			finally {
				statement.execute("COMMIT");
			}
		}
	}

	static void requireDatabase(Connection connection, DatabaseUrl url) throws SQLException, RunnerFailure {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, url.database());
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new RunnerFailure(FailureKind.USAGE,
							"Database '" + url.database() + "' on " + url.host() + ":" + url.port()
									+ " does not exist or user '" + url.user()
									+ "' has no privilege on it. Check the database name in the URL.");
				}
			}
		}
	}

	static long count(Statement statement, String database, String table) throws SQLException {
		try (ResultSet rs = statement
			.executeQuery("SELECT COUNT(*) FROM " + Jdbc.quoteMysql(database) + "." + Jdbc.quoteMysql(table))) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
