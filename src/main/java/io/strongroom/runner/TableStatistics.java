package io.strongroom.runner;

import java.util.Objects;

/**
 * One dumped table as it was when the dump's snapshot was taken.
 *
 * @param schema PostgreSQL schema, or the database name for MySQL/MariaDB
 * @param name table name
 * @param rows exact row count of the dumped data (0 when the options exclude the table's
 * data)
 * @param tableBytes size on disk of the table (PostgreSQL: {@code pg_table_size}, with
 * TOAST; MySQL/MariaDB: {@code information_schema.TABLES.DATA_LENGTH}); not
 * transactional, so an estimate of the moment
 * @param indexBytes size on disk of the table's indexes ({@code pg_indexes_size} /
 * {@code INDEX_LENGTH})
 */
public record TableStatistics(String schema, String name, long rows, long tableBytes, long indexBytes) {

	public TableStatistics {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(name, "name");
	}

	/** {@code schema.name}, the key {@link TableCounts#rowCounts} uses. */
	public String qualifiedName() {
		return this.schema + "." + this.name;
	}

}
