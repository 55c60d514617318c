package io.strongroom.run;

import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.run.SlotRunPlan.AlreadyMade;
import io.strongroom.run.SlotRunPlan.Create;
import io.strongroom.run.SlotRunPlan.Decision;
import io.strongroom.run.SlotRunPlan.Joins;
import io.strongroom.run.SlotRunPlan.Removed;
import io.strongroom.run.SlotRunPlan.StoredRun;
import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.target.Targets;
import io.strongroom.tenant.TenantId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the runs of a batch of due schedule slots in one transaction: one query for the
 * databases' labels, one for their stored runs (the slots' own and the active ones), the
 * decisions ({@link SlotRunPlan}), then one JDBC batch of
 * {@code INSERT ... ON CONFLICT DO NOTHING}. The table's unique constraints, on
 * {@code (target_id, slot)} and on {@code active_target_id}, still decide: a row another
 * process inserted meanwhile (the same batch delivered twice at once, or a manual run) is
 * skipped, not an error, so a repeated or concurrent delivery makes nothing new and does
 * not fail. Inserts go in target id order, so two such batches wait for each other
 * instead of deadlocking.
 */
class ScheduledRuns {

	private static final Logger logger = LoggerFactory.getLogger(ScheduledRuns.class);

	private static final String STORED = "SELECT id, target_id, slot, state FROM run_backup"
			+ " WHERE target_id IN (:targets) AND (active_target_id IS NOT NULL OR slot IN (:slots))";

	private static final String INSERT = "INSERT INTO run_backup (id, tenant_id, target_id, database_label, origin,"
			+ " slot, active_target_id, state, verification, created_at, bytes_in, bytes_out, version, deletion)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?) ON CONFLICT DO NOTHING";

	private final Targets targets;

	private final NamedParameterJdbcTemplate jdbc;

	private final RunLifecycle lifecycle;

	private final RunDispatcher dispatcher;

	private final TransactionTemplate transactions;

	ScheduledRuns(Targets targets, NamedParameterJdbcTemplate jdbc, RunLifecycle lifecycle, RunDispatcher dispatcher,
			TransactionTemplate transactions) {
		this.targets = targets;
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.dispatcher = dispatcher;
		this.transactions = transactions;
	}

	/**
	 * Queues a run for each slot that needs one. Joins the caller's transaction if there
	 * is one (a listener's); the dispatcher is woken after the commit.
	 * @return one decision per slot, in order
	 */
	List<Decision> slotsDue(List<BackupSlotDue> slots) {
		if (slots.isEmpty()) {
			return List.of();
		}
		return this.transactions.execute((status) -> {
			Map<TargetId, TenantId> owners = new LinkedHashMap<>();
			slots.forEach((slot) -> owners.put(new TargetId(slot.targetId()), slot.tenant()));
			Map<TargetId, DatabaseLabel> labels = this.targets.labels(owners);
			List<Decision> decisions = SlotRunPlan.decide(slots, labels, stored(slots, labels), this.lifecycle.now());
			List<BackupRun> created = decisions.stream()
				.map((decision) -> (decision instanceof Create create) ? create.run() : null)
				.filter((run) -> run != null)
				.sorted(Comparator.comparing((BackupRun run) -> run.targetId().value()))
				.toList();
			int inserted = insert(created);
			for (Decision decision : decisions) {
				if (decision instanceof Removed removed) {
					logger.info("Slot {} of removed database {} ignored", removed.slot().slot(),
							removed.slot().targetId());
				}
				else if (decision instanceof Joins joins) {
					logger.info("Slot {} of {} joins run {}, which is still {}", joins.slot().slot(),
							joins.slot().targetId(), joins.run(), joins.state());
				}
			}
			if (inserted > 0) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						ScheduledRuns.this.dispatcher.wakeUp();
					}
				});
			}
			logger.debug("{} due slot(s): {} run(s) queued, {} already made, {} joined, {} of removed databases",
					slots.size(), inserted, count(decisions, AlreadyMade.class), count(decisions, Joins.class),
					count(decisions, Removed.class));
			return decisions;
		});
	}

	/** The active runs of the batch's databases and their runs for the batch's slots. */
	private List<StoredRun> stored(List<BackupSlotDue> slots, Map<TargetId, DatabaseLabel> labels) {
		if (labels.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource()
			.addValue("targets", labels.keySet().stream().map(TargetId::value).toList())
			.addValue("slots",
					slots.stream().map(BackupSlotDue::slot).distinct().map(ScheduledRuns::timestamp).toList());
		return this.jdbc.query(STORED, parameters,
				(rs, row) -> new StoredRun(rs.getObject("id", UUID.class), rs.getObject("target_id", UUID.class),
						instant(rs.getObject("slot", OffsetDateTime.class)), RunState.valueOf(rs.getString("state"))));
	}

	/**
	 * Inserts the runs in one JDBC batch; a run whose slot or database another
	 * transaction took meanwhile is skipped.
	 * @return how many rows were inserted (a driver that reports no counts counts as all)
	 */
	private int insert(List<BackupRun> runs) {
		if (runs.isEmpty()) {
			return 0;
		}
		int[] counts = this.jdbc.getJdbcOperations()
			.batchUpdate(INSERT, runs.stream().map(ScheduledRuns::row).toList());
		int inserted = 0;
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				BackupRun run = runs.get(i);
				logger.info("Slot {} of {}: another process queued its run, or a run of the database, at the same "
						+ "moment; nothing new", run.slot(), run.targetId());
			}
			else {
				inserted += (counts[i] == Statement.SUCCESS_NO_INFO) ? 1 : counts[i];
			}
		}
		return inserted;
	}

	private static Object[] row(BackupRun run) {
		return new Object[] { run.id().value(), run.tenantId().value(), run.targetId().value(),
				run.databaseLabel().value(), run.origin().name(), timestamp(run.slot()), run.activeTargetId(),
				run.state().name(), run.verification().name(), timestamp(run.createdAt()), run.deletion().name() };
	}

	private static long count(List<Decision> decisions, Class<? extends Decision> kind) {
		return decisions.stream().filter(kind::isInstance).count();
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
