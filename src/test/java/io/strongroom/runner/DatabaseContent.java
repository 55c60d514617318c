package io.strongroom.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content checksums of a test database's tables, to prove a restore holds the same data:
 * every row, every column as the driver reads it, in primary-key order.
 */
final class DatabaseContent {

	private DatabaseContent() {
	}

	/** {@code table} to SHA-256 over its rows, for the given (already quoted) tables. */
	static Map<String, String> checksums(Connection connection, Map<String, String> quotedTables) throws SQLException {
		Map<String, String> sums = new TreeMap<>();
		for (Map.Entry<String, String> table : quotedTables.entrySet()) {
			sums.put(table.getKey(), checksum(connection, "SELECT * FROM " + table.getValue() + " ORDER BY 1"));
		}
		return sums;
	}

	static String checksum(Connection connection, String query) throws SQLException {
		MessageDigest digest = sha256();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int i = 1; i <= columns; i++) {
					String value = rs.getString(i);
					digest.update(((value != null) ? "v" + value.length() + ":" + value : "null")
						.getBytes(StandardCharsets.UTF_8));
				}
				digest.update((byte) '\n');
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
