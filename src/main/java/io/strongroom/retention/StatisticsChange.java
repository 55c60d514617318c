package io.strongroom.retention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.strongroom.retention.BackupStatistics.TableSize;
import org.jspecify.annotations.Nullable;

/**
 * How a database changed between two backups (Autobus's "monitor the changes in your
 * database day by day"). Pure.
 *
 * @param previous the earlier backup's statistics, or {@code null} for the first backup
 * (every table then counts as added)
 * @param current the later backup's statistics
 * @param tables one entry per table in either backup, ordered by schema and name
 */
public record StatisticsChange(@Nullable BackupStatistics previous, BackupStatistics current,
		List<TableChange> tables) {

	public StatisticsChange {
		Objects.requireNonNull(current, "current");
		tables = List.copyOf(tables);
	}

	/** The change from {@code previous} (null for none) to {@code current}. */
	public static StatisticsChange between(@Nullable BackupStatistics previous, BackupStatistics current) {
		Map<String, TableSize> before = index(previous);
		Map<String, TableSize> after = index(current);
		TreeSet<String> names = new TreeSet<>(Comparator.naturalOrder());
		names.addAll(before.keySet());
		names.addAll(after.keySet());
		List<TableChange> tables = new ArrayList<>(names.size());
		for (String name : names) {
			tables.add(TableChange.of(before.get(name), after.get(name)));
		}
		return new StatisticsChange(previous, current, tables);
	}

	/**
	 * Each backup with its change since the one before, oldest first.
	 * @param backups in any order
	 * @param before the backup just before the first of {@code backups} (so the first
	 * change is not "everything added"), or {@code null}
	 */
	public static List<StatisticsChange> series(List<BackupStatistics> backups, @Nullable BackupStatistics before) {
		List<BackupStatistics> ordered = backups.stream()
			.sorted(Comparator.comparing(BackupStatistics::finishedAt).thenComparing(BackupStatistics::runId))
			.toList();
		List<StatisticsChange> changes = new ArrayList<>(ordered.size());
		BackupStatistics previous = before;
		for (BackupStatistics current : ordered) {
			changes.add(between(previous, current));
			previous = current;
		}
		return changes;
	}

	public long databaseBytesChange() {
		return this.current.databaseBytes() - ((this.previous != null) ? this.previous.databaseBytes() : 0);
	}

	public int tableCount() {
		return this.current.tables().size();
	}

	public List<TableChange> added() {
		return with(TableChange.Kind.ADDED);
	}

	public List<TableChange> removed() {
		return with(TableChange.Kind.REMOVED);
	}

	/** Tables in both backups whose rows or bytes changed. */
	public List<TableChange> changed() {
		return with(TableChange.Kind.CHANGED);
	}

	/** Rows of all tables now minus rows of all tables before. */
	public long rowsChange() {
		return this.tables.stream().mapToLong(TableChange::rowsChange).sum();
	}

	/** Table and index bytes now minus before, over all tables. */
	public long bytesChange() {
		return this.tables.stream().mapToLong(TableChange::bytesChange).sum();
	}

	private List<TableChange> with(TableChange.Kind kind) {
		return this.tables.stream().filter((table) -> table.kind() == kind).toList();
	}

	private static Map<String, TableSize> index(@Nullable BackupStatistics statistics) {
		Map<String, TableSize> index = new LinkedHashMap<>();
		if (statistics != null) {
			statistics.tables().forEach((table) -> index.put(table.qualifiedName(), table));
		}
		return index;
	}

	/**
	 * One table's change. Sizes of a side the table is missing from are 0.
	 *
	 * @param schema the schema
	 * @param name the table
	 * @param kind added, removed, changed or unchanged
	 * @param rowsBefore rows in the earlier backup
	 * @param rowsAfter rows in the later backup
	 * @param bytesBefore table and index bytes in the earlier backup
	 * @param bytesAfter table and index bytes in the later backup
	 */
	public record TableChange(String schema, String name, Kind kind, long rowsBefore, long rowsAfter, long bytesBefore,
			long bytesAfter) {

		static TableChange of(@Nullable TableSize before, @Nullable TableSize after) {
			TableSize either = (after != null) ? after : Objects.requireNonNull(before);
			Kind kind;
			if (before == null) {
				kind = Kind.ADDED;
			}
			else if (after == null) {
				kind = Kind.REMOVED;
			}
			else {
				kind = (before.rows() == after.rows() && before.totalBytes() == after.totalBytes()) ? Kind.UNCHANGED
						: Kind.CHANGED;
			}
			return new TableChange(either.schema(), either.name(), kind, (before != null) ? before.rows() : 0,
					(after != null) ? after.rows() : 0, (before != null) ? before.totalBytes() : 0,
					(after != null) ? after.totalBytes() : 0);
		}

		public long rowsChange() {
			return this.rowsAfter - this.rowsBefore;
		}

		public long bytesChange() {
			return this.bytesAfter - this.bytesBefore;
		}

		/** What happened to the table. */
		public enum Kind {

			ADDED, REMOVED, CHANGED, UNCHANGED

		}

	}

}
