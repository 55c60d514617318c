package io.strongroom.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Compares the row counts of a restored database with the statistics recorded when the
 * backup was made: a pure function. PostgreSQL tables are matched by
 * {@code schema.table}; MySQL/MariaDB tables by name alone, since the statistics' schema
 * is the source database's name and the restore went into another database.
 */
final class RowCountComparison {

	/**
	 * One table whose count differs.
	 *
	 * @param table {@code schema.table} as the backup's statistics name it (or as
	 * restored, for a table the backup did not have)
	 * @param expectedRows the backup's count, null when the backup had no such table
	 * @param actualRows the restored count, null when the table was not restored
	 */
	record Difference(String table, @Nullable Long expectedRows, @Nullable Long actualRows) {

		String describe() {
			if (this.actualRows == null) {
				return this.table + " (" + this.expectedRows + " rows in the backup) was not restored";
			}
			if (this.expectedRows == null) {
				return this.table + " (" + this.actualRows
						+ " rows) was restored but is not in the backup's statistics";
			}
			return this.table + " has " + this.actualRows + " rows restored, " + this.expectedRows + " in the backup";
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("table", this.table);
			map.put("expectedRows", this.expectedRows);
			map.put("actualRows", this.actualRows);
			return map;
		}

	}

	private RowCountComparison() {
	}

	/**
	 * @param expected the backup's statistics (excluded tables are not in them)
	 * @param restored {@link TableCounts#rowCounts} of the restored database
	 * @param byName whether to match by table name only (MySQL/MariaDB)
	 * @return the differences, expected tables first in the statistics' order
	 */
	static List<Difference> compare(DatabaseStatistics expected, Map<String, Long> restored, boolean byName) {
		Map<String, Long> actual = new TreeMap<>();
		Map<String, String> actualNames = new TreeMap<>();
		restored.forEach((qualified, rows) -> {
			String key = byName ? qualified.substring(qualified.indexOf('.') + 1) : qualified;
			actual.put(key, rows);
			actualNames.put(key, qualified);
		});
		List<Difference> differences = new ArrayList<>();
		for (TableStatistics table : expected.tables()) {
			String key = byName ? table.name() : table.qualifiedName();
			Long rows = actual.remove(key);
			if (rows == null || rows != table.rows()) {
				differences.add(new Difference(table.qualifiedName(), table.rows(), rows));
			}
		}
		actual.forEach((key, rows) -> differences.add(new Difference(actualNames.get(key), null, rows)));
		return differences;
	}

}
