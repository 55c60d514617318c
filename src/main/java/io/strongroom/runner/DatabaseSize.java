package io.strongroom.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A quick estimate of a database's size, to choose the upload's part size before the dump
 * starts. The exact statistics are counted while the dump runs and are ready only at its
 * end; asking for them first would hold the dump back. It is asked on the dump's own
 * connection, before its snapshot: a second connection would cost the customer's server a
 * backend for a single query.
 */
final class DatabaseSize {

	private DatabaseSize() {
	}

	/**
	 * Bytes on the server, or {@code -1} when it cannot tell (the dump reports why). Run
	 * it outside a transaction that must survive: on PostgreSQL a failed query ends it.
	 */
	static long estimate(Connection connection, Engine engine, String database) {
		String sql = (engine == Engine.POSTGRES) ? "SELECT pg_database_size(current_database())"
				: "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables "
						+ "WHERE table_schema = ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (engine != Engine.POSTGRES) {
				statement.setString(1, database);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getLong(1) : -1;
			}
		}
		catch (SQLException | RuntimeException ex) {
			return -1;
		}
	}

}
