package io.strongroom.api;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.strongroom.retention.BackupStatistics;
import io.strongroom.retention.StatisticsChange;
import io.strongroom.target.DatabaseLabel;

/**
 * {@code GET /api/v1/databases/<label>/statistics}: each backup of the range, oldest
 * first, with what it contained and the change since the backup before it.
 */
record StatisticsResponse(String database, Instant from, Instant to, List<Backup> items) {

	static StatisticsResponse of(DatabaseLabel database, Instant from, Instant to, List<StatisticsChange> history) {
		return new StatisticsResponse(database.value(), from, to, history.stream().map(Backup::of).toList());
	}

	/**
	 * One backup.
	 *
	 * @param rows rows of every table
	 * @param change since the backup before; for the first backup ever, every table
	 * counts as added
	 */
	record Backup(String backupId, Instant finishedAt, long databaseBytes, int tableCount, long rows,
			List<Table> tables, Change change) {

		static Backup of(StatisticsChange change) {
			BackupStatistics current = change.current();
			return new Backup(current.runId().toString(), current.finishedAt(), current.databaseBytes(),
					current.tables().size(),
					current.tables().stream().mapToLong(BackupStatistics.TableSize::rows).sum(),
					current.tables().stream().map(Table::of).toList(), Change.of(change));
		}

	}

	record Table(String schema, String name, long rows, long tableBytes, long indexBytes) {

		static Table of(BackupStatistics.TableSize table) {
			return new Table(table.schema(), table.name(), table.rows(), table.tableBytes(), table.indexBytes());
		}

	}

	/**
	 * The change since the previous backup.
	 *
	 * @param sinceBackupId the previous backup, or {@code null} for the first one
	 * @param databaseBytes database size now minus before
	 * @param rows rows of all tables now minus before
	 * @param bytes table and index bytes now minus before
	 * @param tableCount tables now minus before
	 * @param tablesAdded {@code schema.name} of each table that is new
	 * @param tablesRemoved {@code schema.name} of each table that is gone
	 * @param tables every table that was added, removed or changed (unchanged ones are
	 * left out)
	 */
	record Change(@Nullable String sinceBackupId, long databaseBytes, long rows, long bytes, int tableCount,
			List<String> tablesAdded, List<String> tablesRemoved, List<TableChange> tables) {

		static Change of(StatisticsChange change) {
			BackupStatistics previous = change.previous();
			return new Change((previous != null) ? previous.runId().toString() : null, change.databaseBytesChange(),
					change.rowsChange(), change.bytesChange(),
					change.tableCount() - ((previous != null) ? previous.tables().size() : 0),
					change.added().stream().map((table) -> table.schema() + "." + table.name()).toList(),
					change.removed().stream().map((table) -> table.schema() + "." + table.name()).toList(),
					change.tables()
						.stream()
						.filter((table) -> table.kind() != StatisticsChange.TableChange.Kind.UNCHANGED)
						.map(TableChange::of)
						.toList());
		}

	}

	/** One table's change: {@code kind} is ADDED, REMOVED or CHANGED. */
	record TableChange(String schema, String name, String kind, long rowsBefore, long rowsAfter, long rowsChange,
			long bytesBefore, long bytesAfter, long bytesChange) {

		static TableChange of(StatisticsChange.TableChange table) {
			return new TableChange(table.schema(), table.name(), table.kind().name(), table.rowsBefore(),
					table.rowsAfter(), table.rowsChange(), table.bytesBefore(), table.bytesAfter(),
					table.bytesChange());
		}

	}

}
