package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.strongroom.retention.BackupRecord;
import io.strongroom.retention.RetentionRecords;
import io.strongroom.tenant.TenantId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The run records as retention reads and marks them. A run's object counts as written by
 * Strongroom when the run succeeded with an object key: the key came from the runner's
 * result, accepted only with the run's one-time ticket. Each mark is its own committed
 * transaction, so a backup is withdrawn from download and restore before its object is
 * touched.
 */
class RunRetentionRecords implements RetentionRecords {

	private final BackupRunRepository runs;

	private final RunLifecycle lifecycle;

	private final TransactionTemplate reads;

	private final TransactionTemplate marks;

	RunRetentionRecords(BackupRunRepository runs, RunLifecycle lifecycle, PlatformTransactionManager transactions) {
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.marks = new TransactionTemplate(transactions);
		this.marks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public List<BackupRecord> history(TenantId tenant, String databaseLabel) {
		return this.reads.execute((status) -> this.runs.findRetentionRows(tenant.value(), databaseLabel))
			.stream()
			.map(RunRetentionRecords::record)
			.toList();
	}

	@Override
	public void markDeleting(TenantId tenant, UUID runId) {
		mark(tenant, runId, true);
	}

	@Override
	public void markDeleted(TenantId tenant, UUID runId) {
		mark(tenant, runId, false);
	}

	@Override
	public List<DatabaseRef> databasesWithBackups() {
		return this.reads
			.execute((status) -> this.runs.findDatabasesWithBackups(RunState.SUCCEEDED, BackupDeletion.DELETED))
			.stream()
			.map((row) -> new DatabaseRef(new TenantId(row.getTenantId()), row.getDatabaseLabel()))
			.toList();
	}

	/**
	 * In a transaction of its own, committed on return even when the caller has one open:
	 * the object is deleted next.
	 */
	private void mark(TenantId tenant, UUID runId, boolean deleting) {
		for (int attempt = 1;; attempt++) {
			try {
				this.marks.executeWithoutResult((status) -> {
					BackupRun run = this.runs.findByTenantIdAndId(tenant.value(), runId)
						.orElseThrow(() -> new IllegalArgumentException("No run " + runId + " of " + tenant));
					Instant now = this.lifecycle.now();
					if (deleting ? run.deleting(now) : run.deleted(now)) {
						this.runs.saveAndFlush(run);
					}
				});
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// the watchdog or a verification changed the run at the same moment
				if (attempt >= 5) {
					throw ex;
				}
			}
		}
	}

	static BackupRecord record(BackupRunRepository.RetentionRow row) {
		boolean succeeded = row.getState() == RunState.SUCCEEDED && row.getObjectKey() != null
				&& row.getFinishedAt() != null;
		BackupRecord.State state = switch (row.getState()) {
			case QUEUED, LAUNCHING, RUNNING -> BackupRecord.State.IN_PROGRESS;
			case SUCCEEDED -> succeeded ? BackupRecord.State.SUCCEEDED : BackupRecord.State.FAILED;
			case FAILED -> BackupRecord.State.FAILED;
			case CANCELLED -> BackupRecord.State.CANCELLED;
		};
		BackupRecord.Origin origin = (row.getOrigin() == RunOrigin.MANUAL) ? BackupRecord.Origin.MANUAL
				: BackupRecord.Origin.SCHEDULED;
		return new BackupRecord(row.getId(), origin, state, row.getFinishedAt(),
				BackupRecord.Verification.valueOf(row.getVerification().name()), succeeded, row.getObjectKey(),
				BackupRecord.Deletion.valueOf(row.getDeletion().name()), null);
	}

}
