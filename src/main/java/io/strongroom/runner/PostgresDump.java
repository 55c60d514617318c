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
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL: a REPEATABLE READ, read-only transaction exports its snapshot,
 * {@code pg_dump --snapshot} dumps exactly that state, and the statistics are collected
 * inside the same snapshot while it runs ({@link StatisticsTask}). The rows of each table
 * are counted in the dump's own data as it streams past ({@link ArchiveRowCounter}), so
 * no {@code count(*)} competes with pg_dump for the server's CPU; only inheritance
 * parents (whose {@code count(*)} includes their children's rows), and every table when
 * the archive cannot be counted, are counted with SQL in the snapshot. The transaction
 * stays open until the dump is closed.
 */
final class PostgresDump implements DatabaseDump {

	/**
	 * User tables pg_dump dumps the data of: ordinary tables (partitions included), no
	 * extension members.
	 */
	static final String TABLES = """
			SELECT n.nspname, c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid),
			       has_table_privilege(c.oid, 'SELECT'), c.oid, c.relhassubclass
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'r' AND c.relpersistence <> 't'
			  AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                  AND d.objid = c.oid AND d.deptype = 'e')
			ORDER BY 1, 2""";

	/** Large objects appear in statistics and counts under this name. */
	static final String LARGE_OBJECTS_SCHEMA = "pg_catalog";

	static final String LARGE_OBJECTS_NAME = "pg_largeobject_metadata";

	@Override
	public StartedDump start(DumpRequest request) throws RunnerFailure {
		DatabaseUrl url = request.url();
		PostgresSelection selection;
		try {
			selection = PostgresSelection.of(request);
		}
		catch (IllegalArgumentException ex) {
			throw new RunnerFailure(FailureKind.USAGE, ex.getMessage());
		}
		List<AutoCloseable> resources = new ArrayList<>();
		Connection connection = Jdbc.connect(url);
		resources.add(connection);
		try {
			int versionNumber;
			String serverVersion;
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(
							"SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
				rs.next();
				versionNumber = rs.getInt(1);
				serverVersion = rs.getString(2).split(" ")[0];
			}
			long estimatedBytes = DatabaseSize.estimate(connection, Engine.POSTGRES, url.database());
			List<Path> directories = PgClients.directoriesOrDefault(request.clientDirectories());
			ClientBinary pgDump = PgClients.pick("pg_dump", versionNumber, serverVersion,
					PgClients.discover(directories, "pg_dump"), directories);

			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			String snapshot;
			try (Statement statement = connection.createStatement()) {
				if (!request.options().flag("enableRowSecurity")) {
					// as pg_dump does: fail on a policy instead of silently counting
					// fewer rows
					statement.execute("SET LOCAL row_security = off");
				}
				try (ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
					rs.next();
					snapshot = rs.getString(1);
				}
			}
			List<Listed> tables = list(connection, selection);
			requireReadable(tables, url);
			request.beforeTool().check(estimatedBytes);

			PrivateFiles files = PrivateFiles.create();
			resources.add(files);
			Path passfile = files.write("pgpass", PgDumpCommand.passfile(url));
			List<String> command = LargeWrites
				.wrap(PgDumpCommand.dump(pgDump.path(), url, selection, request.options(), snapshot));
			ProcessBuilder builder = ToolProcess.builder(command,
					PgDumpCommand.environment(url, passfile, files.directory()));
			ToolProcess process = ToolProcess.start(builder, "pg_dump");
			// sizes are read in the same snapshot while pg_dump reads it; rows are
			// counted in its stream
			ArchiveRowCounter rows = new ArchiveRowCounter();
			StatisticsTask statistics = StatisticsTask.start(connection, url,
					() -> statistics(connection, tables, selection, rows, estimatedBytes), rows::abandon);
			return new ToolDump("pg_dump", process, rows.observe(process.stdout()), url, Engine.POSTGRES, serverVersion,
					pgDump.versionLine(), statistics, resources);
		}
		catch (SQLException ex) {
			closeAll(resources);
			throw DumpFailures.fromSql(ex, url, "opening the snapshot");
		}
		catch (IOException ex) {
			closeAll(resources);
			throw new RunnerFailure(FailureKind.DUMP_FAILED, "Could not start pg_dump: " + url.mask(ex.getMessage()),
					ex);
		}
		catch (RunnerFailure | RuntimeException ex) {
			closeAll(resources);
			throw ex;
		}
	}

	/**
	 * A table the dump contains, before counting.
	 *
	 * @param inheritanceParent whether other tables inherit from it (its {@code count(*)}
	 * includes their rows)
	 */
	record Listed(String schema, String name, long tableBytes, long indexBytes, boolean readable, long oid,
			boolean inheritanceParent) {

	}

	/** The tables the selection keeps: a catalog query, fast even on big databases. */
	static List<Listed> list(Connection connection, PostgresSelection selection) throws SQLException {
		List<Listed> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(TABLES)) {
			while (rs.next()) {
				if (selection.includesTable(rs.getString(1), rs.getString(2))) {
					tables.add(new Listed(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
							rs.getBoolean(5), rs.getLong(6), rs.getBoolean(7)));
				}
			}
		}
		return tables;
	}

	/**
	 * Fails before pg_dump starts when the user may not read some tables, naming all of
	 * them (pg_dump would stop at the first).
	 */
	static void requireReadable(List<Listed> tables, DatabaseUrl url) throws RunnerFailure {
		List<String> unreadable = tables.stream()
			.filter((table) -> !table.readable())
			.map((table) -> table.schema() + "." + table.name())
			.toList();
		if (!unreadable.isEmpty()) {
			throw DumpFailures.failure(FailureKind.PERMISSION_DENIED, url, "checking privileges",
					"permission denied for " + ((unreadable.size() == 1) ? "table " : unreadable.size() + " tables: ")
							+ String.join(", ", unreadable));
		}
	}

	/**
	 * Statistics of the listed tables, read inside the connection's current snapshot,
	 * with the rows the dump's stream held; waits for the stream's end.
	 * @param estimatedBytes the database's size as asked just before the snapshot, or
	 * {@code -1} to ask again ({@code pg_database_size} is not transactional: asked
	 * twice, it walks every file of the database twice for the same answer)
	 */
	static DatabaseStatistics statistics(Connection connection, List<Listed> listed, PostgresSelection selection,
			ArchiveRowCounter counter, long estimatedBytes) throws SQLException, InterruptedException {
		long databaseBytes = estimatedBytes;
		List<TableStatistics> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			if (databaseBytes < 0) {
				try (ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
					rs.next();
					databaseBytes = rs.getLong(1);
				}
			}
			Optional<TableStatistics> largeObjects = selection.largeObjects() ? largeObjects(connection)
					: Optional.empty();
			Map<Long, Long> streamed = counter.await().orElse(null);
			for (Listed table : listed) {
				long rows = 0;
				if (selection.includesData(table.schema(), table.name())) {
					Long counted = (streamed != null && !table.inheritanceParent()) ? streamed.get(table.oid()) : null;
					rows = (counted != null) ? counted : count(statement, table.schema(), table.name());
				}
				tables.add(new TableStatistics(table.schema(), table.name(), rows, table.tableBytes(),
						table.indexBytes()));
			}
			largeObjects.ifPresent(tables::add);
		}
		tables.sort(Comparator.comparing(TableStatistics::schema).thenComparing(TableStatistics::name));
		return new DatabaseStatistics(databaseBytes, tables);
	}

	static long count(Statement statement, String schema, String table) throws SQLException {
		try (ResultSet rs = statement
			.executeQuery("SELECT count(*) FROM " + Jdbc.quotePostgres(schema) + "." + Jdbc.quotePostgres(table))) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The large objects as one pseudo-table, present only when there are any. */
	static Optional<TableStatistics> largeObjects(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*), pg_table_size('pg_largeobject'), pg_indexes_size('pg_largeobject') "
					+ "FROM pg_largeobject_metadata");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			long count = rs.getLong(1);
			return (count == 0) ? Optional.empty() : Optional
				.of(new TableStatistics(LARGE_OBJECTS_SCHEMA, LARGE_OBJECTS_NAME, count, rs.getLong(2), rs.getLong(3)));
		}
	}

	static void closeAll(List<AutoCloseable> resources) {
		for (int i = resources.size() - 1; i >= 0; i--) {
			try {
				resources.get(i).close();
			}
			catch (Exception ex) {
				// the start already failed; that failure is the one to report
				ex.addSuppressed(new IllegalStateException("while cleaning up a failed start"));
			}
		}
	}

}
