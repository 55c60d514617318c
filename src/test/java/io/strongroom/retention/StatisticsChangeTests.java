package io.strongroom.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.strongroom.retention.BackupStatistics.TableSize;
import io.strongroom.retention.StatisticsChange.TableChange;
import io.strongroom.retention.StatisticsChange.TableChange.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatisticsChangeTests {

	static final BackupStatistics MONDAY = new BackupStatistics(new UUID(0, 1), Instant.parse("2026-11-16T03:00:00Z"),
			10_000_000,
			List.of(new TableSize("public", "users", 100, 8192, 4096),
					new TableSize("public", "orders", 1000, 65536, 16384),
					new TableSize("public", "audit_log", 5000, 409600, 0),
					new TableSize("billing", "invoices", 10, 8192, 8192)));

	static final BackupStatistics TUESDAY = new BackupStatistics(new UUID(0, 2), Instant.parse("2026-11-17T03:00:00Z"),
			9_500_000,
			List.of(new TableSize("public", "users", 120, 16384, 4096),
					new TableSize("public", "orders", 990, 65536, 16384),
					new TableSize("billing", "invoices", 10, 8192, 8192),
					new TableSize("public", "sessions", 42, 8192, 8192)));

	@Test
	void namesTablesAddedRemovedAndChanged() {
		StatisticsChange change = StatisticsChange.between(MONDAY, TUESDAY);

		assertThat(change.added()).extracting(TableChange::name).containsExactly("sessions");
		assertThat(change.removed()).extracting(TableChange::name).containsExactly("audit_log");
		assertThat(change.changed()).extracting(TableChange::name).containsExactly("orders", "users");
		assertThat(change.tables()).extracting((t) -> t.schema() + "." + t.name())
			.containsExactly("billing.invoices", "public.audit_log", "public.orders", "public.sessions",
					"public.users");
		assertThat(change.tables().get(0).kind()).isEqualTo(Kind.UNCHANGED);
	}

	@Test
	void countsRowsAndBytesUpAndDown() {
		StatisticsChange change = StatisticsChange.between(MONDAY, TUESDAY);
		TableChange users = change.tables().get(4);
		assertThat(users.rowsChange()).isEqualTo(20);
		assertThat(users.bytesChange()).isEqualTo(8192);
		TableChange orders = change.tables().get(2);
		assertThat(orders.rowsChange()).isEqualTo(-10);
		assertThat(orders.bytesChange()).isZero();
		TableChange auditLog = change.tables().get(1);
		assertThat(auditLog.rowsAfter()).isZero();
		assertThat(auditLog.bytesChange()).isEqualTo(-409600);
		// +20 users -10 orders -5000 audit_log +42 sessions
		assertThat(change.rowsChange()).isEqualTo(-4948);
		assertThat(change.bytesChange()).isEqualTo(8192 - 409600 + 16384);
		assertThat(change.databaseBytesChange()).isEqualTo(-500_000);
		assertThat(change.tableCount()).isEqualTo(4);
	}

	@Test
	void theFirstBackupAddsEveryTable() {
		StatisticsChange change = StatisticsChange.between(null, MONDAY);
		assertThat(change.added()).hasSize(4);
		assertThat(change.rowsChange()).isEqualTo(6110);
		assertThat(change.databaseBytesChange()).isEqualTo(10_000_000);
	}

	@Test
	void aSeriesComparesEachBackupWithTheOneBeforeWhateverTheInputOrder() {
		BackupStatistics sunday = new BackupStatistics(new UUID(0, 0), Instant.parse("2026-11-15T03:00:00Z"),
				10_000_000, MONDAY.tables());
		List<StatisticsChange> series = StatisticsChange.series(List.of(TUESDAY, MONDAY), sunday);
		assertThat(series).extracting((c) -> c.current().runId()).containsExactly(MONDAY.runId(), TUESDAY.runId());
		assertThat(series.get(0).tables()).allSatisfy((t) -> assertThat(t.kind()).isEqualTo(Kind.UNCHANGED));
		assertThat(series.get(1)).isEqualTo(StatisticsChange.between(MONDAY, TUESDAY));
		assertThat(StatisticsChange.series(List.of(), null)).isEmpty();
	}

	@Test
	void aTableListedTwiceIsRejected() {
		TableSize users = new TableSize("public", "users", 1, 1, 1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BackupStatistics(new UUID(0, 3), Instant.EPOCH, 1, List.of(users, users)))
			.withMessage("Table public.users is listed twice");
	}

	@Test
	void tablesOfTheSameNameInOtherSchemasAreDistinct() {
		BackupStatistics before = new BackupStatistics(new UUID(0, 4), Instant.EPOCH, 1,
				List.of(new TableSize("a", "t", 1, 1, 0)));
		BackupStatistics after = new BackupStatistics(new UUID(0, 5), Instant.EPOCH.plusSeconds(1), 1,
				List.of(new TableSize("b", "t", 1, 1, 0)));
		StatisticsChange change = StatisticsChange.between(before, after);
		assertThat(change.added()).extracting(TableChange::schema).containsExactly("b");
		assertThat(change.removed()).extracting(TableChange::schema).containsExactly("a");
	}

}
