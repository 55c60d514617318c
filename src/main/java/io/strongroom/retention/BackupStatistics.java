package io.strongroom.retention;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What one backup contained, as the runner measured it inside the dump's snapshot (the
 * {@code statistics} of the runner's result). The run module maps its stored statistics
 * to this type.
 *
 * @param runId the backup's run
 * @param finishedAt when the backup finished
 * @param databaseBytes the database's size on the server
 * @param tables every table dumped; no two with the same schema and name
 */
public record BackupStatistics(UUID runId, Instant finishedAt, long databaseBytes, List<TableSize> tables) {

	public BackupStatistics {
		Objects.requireNonNull(runId, "runId");
		Objects.requireNonNull(finishedAt, "finishedAt");
		tables = List.copyOf(tables);
		Set<String> names = new HashSet<>();
		for (TableSize table : tables) {
			if (!names.add(table.qualifiedName())) {
				throw new IllegalArgumentException("Table " + table.qualifiedName() + " is listed twice");
			}
		}
	}

	/**
	 * One table's size.
	 *
	 * @param schema the schema (the database name on MySQL/MariaDB)
	 * @param name the table
	 * @param rows the exact or estimated row count the runner recorded
	 * @param tableBytes the table's size
	 * @param indexBytes the size of its indexes
	 */
	public record TableSize(String schema, String name, long rows, long tableBytes, long indexBytes) {

		public TableSize {
			Objects.requireNonNull(schema, "schema");
			Objects.requireNonNull(name, "name");
		}

		public String qualifiedName() {
			return this.schema + "." + this.name;
		}

		public long totalBytes() {
			return this.tableBytes + this.indexBytes;
		}

	}

}
