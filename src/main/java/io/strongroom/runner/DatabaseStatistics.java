package io.strongroom.runner;

import java.util.List;
import java.util.Objects;

/**
 * What a dump contains, collected in the dump's own snapshot (PostgreSQL) or just before
 * it (MySQL/MariaDB): see {@code docs/dump-tools.md}.
 *
 * @param databaseBytes size of the whole database on disk, excluded tables included
 * (PostgreSQL: {@code pg_database_size}; MySQL/MariaDB: the sum of data and index lengths
 * of the database's tables)
 * @param tables the dumped tables, sorted by schema and name; excluded tables are absent
 */
public record DatabaseStatistics(long databaseBytes, List<TableStatistics> tables) {

	public DatabaseStatistics {
		tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
	}

	/** Sum of the tables' row counts. */
	public long totalRows() {
		return this.tables.stream().mapToLong(TableStatistics::rows).sum();
	}

}
