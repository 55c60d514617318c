package io.strongroom.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A quick estimate of a database's size, to choose the upload's part size before the dump
 * starts. The exact statistics are counted while the dump runs and are ready only at its
 * end; asking for them first would hold the dump back.
 */
final class DatabaseSize {

	private DatabaseSize() {
	}

	/** Bytes on the server, or {@code -1} when it cannot tell (the dump reports why). */
	static long estimate(DatabaseUrl url) {
		String sql = (url.engine() == Engine.POSTGRES) ? "SELECT pg_database_size(current_database())"
				: "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables "
						+ "WHERE table_schema = DATABASE()";
		try (Connection connection = Jdbc.connect(url); Statement statement = connection.createStatement()) {
			if (url.engine() != Engine.POSTGRES) {
				statement.execute("USE " + Jdbc.quoteMysql(url.database()));
			}
			try (ResultSet rs = statement.executeQuery(sql)) {
				return rs.next() ? rs.getLong(1) : -1;
			}
		}
		catch (RunnerFailure | SQLException | RuntimeException ex) {
			return -1;
		}
	}

}
