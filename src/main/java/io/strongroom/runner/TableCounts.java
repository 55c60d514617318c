package io.strongroom.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact row counts of every table a dump would contain, for comparing a restored database
 * with the statistics of the backup it came from. The same tables as
 * {@link StartedDump#statistics()} lists with no exclusions: on PostgreSQL, ordinary
 * tables outside the system schemas plus large objects as
 * {@code pg_catalog.pg_largeobject_metadata} when there are any; on MySQL/MariaDB, the
 * base tables of the URL's database, whose name is the schema (so a restore into a
 * database of another name is compared by table name).
 */
public final class TableCounts {

	private TableCounts() {
	}

	/**
	 * @param db the database to count
	 * @return {@code schema.table} to row count, sorted
	 * @throws RunnerFailure when the database cannot be reached or read
	 */
	public static Map<String, Long> rowCounts(DatabaseUrl db) throws RunnerFailure {
		try (Connection connection = Jdbc.connect(db)) {
			return (db.engine() == Engine.POSTGRES) ? postgres(connection) : mysql(connection, db);
		}
		catch (SQLException ex) {
			throw DumpFailures.fromSql(ex, db, "counting rows");
		}
	}

	private static Map<String, Long> postgres(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		Map<String, Long> counts = new TreeMap<>();
		List<String[]> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery(PostgresDump.TABLES)) {
				while (rs.next()) {
					tables.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			for (String[] table : tables) {
				counts.put(table[0] + "." + table[1], PostgresDump.count(statement, table[0], table[1]));
			}
		}
		PostgresDump.largeObjects(connection).ifPresent((lo) -> counts.put(lo.qualifiedName(), lo.rows()));
		connection.rollback();
		return counts;
	}

	private static Map<String, Long> mysql(Connection connection, DatabaseUrl db) throws SQLException, RunnerFailure {
		MysqlDump.requireDatabase(connection, db);
		Map<String, Long> counts = new TreeMap<>();
		List<String> tables = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')")) {
			statement.setString(1, db.database());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				counts.put(db.database() + "." + table, MysqlDump.count(statement, db.database(), table));
			}
		}
		return counts;
	}

}
