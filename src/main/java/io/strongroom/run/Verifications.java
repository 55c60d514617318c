package io.strongroom.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.tenant.TenantId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifications of backups as tenants see them: ask for one now, and the automatic one
 * after every successful backup. Every tenant-facing method is scoped to one tenant.
 */
public class Verifications {

	private static final Logger logger = LoggerFactory.getLogger(Verifications.class);

	private final BackupVerificationRepository verifications;

	private final BackupRunRepository runs;

	private final VerificationLifecycle lifecycle;

	private final RunDispatcher dispatcher;

	private final RunLog log;

	private final TransactionTemplate transactions;

	Verifications(BackupVerificationRepository verifications, BackupRunRepository runs, VerificationLifecycle lifecycle,
			RunDispatcher dispatcher, RunLog log, TransactionTemplate transactions) {
		this.verifications = verifications;
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.dispatcher = dispatcher;
		this.log = log;
		this.transactions = transactions;
	}

	/**
	 * Asks for a verification of a successful backup now. While one of its verifications
	 * is under way, that one is the answer.
	 * @throws RunNotFoundException for another tenant's or an unknown backup
	 * @throws IllegalRunTransitionException when the backup did not succeed
	 */
	public VerificationView request(TenantId tenant, BackupRunId id) {
		BackupRun run = this.transactions.execute((status) -> this.runs.findByTenantIdAndId(tenant.value(), id.value()))
			.orElseThrow(() -> new RunNotFoundException("No backup " + id + " on this add-on"));
		if (run.state() != RunState.SUCCEEDED || run.objectKey() == null) {
			throw new IllegalRunTransitionException(run.state(),
					"Only a backup that succeeded can be verified; this one is "
							+ run.state().name().toLowerCase(Locale.ROOT));
		}
		return enqueue(run, BackupVerification.Origin.REQUESTED).orElseThrow();
	}

	/**
	 * The automatic verification of a backup that just succeeded. Idempotent: a
	 * redelivered success finds the verification it made.
	 */
	void afterBackup(BackupRunId id) {
		if (!this.lifecycle.properties().automatic()) {
			return;
		}
		BackupRun run = this.transactions.execute((status) -> this.runs.findById(id.value())).orElse(null);
		if (run == null || run.state() != RunState.SUCCEEDED) {
			return;
		}
		if (Boolean.TRUE.equals(this.transactions.execute((status) -> this.verifications
			.existsByRunIdAndOrigin(id.value(), BackupVerification.Origin.AUTOMATIC)))) {
			return;
		}
		enqueue(run, BackupVerification.Origin.AUTOMATIC);
	}

	/**
	 * A verification runner's output, as {@link Runs#log} gives a backup's.
	 * @throws RunNotFoundException for another tenant's or an unknown backup
	 * @throws VerificationNotFoundException when the backup has no such verification
	 * @throws InvalidCursorException when {@code cursor} is not a line number
	 */
	public LogPage log(TenantId tenant, BackupRunId backup, VerificationId id, @Nullable String cursor, int limit) {
		this.transactions.execute((status) -> this.runs.findByTenantIdAndId(tenant.value(), backup.value()))
			.orElseThrow(() -> new RunNotFoundException("No backup " + backup + " on this add-on"));
		BackupVerification verification = this.transactions.execute((status) -> this.verifications.findById(id.value()))
			.filter((found) -> found.runId().equals(backup))
			.orElseThrow(() -> new VerificationNotFoundException("Backup " + backup + " has no verification " + id
					+ "; GET /api/v1/backups/" + backup + "/verifications lists its verifications"));
		return this.log.page(id, cursor, limit, verification.runner().launcher());
	}

	/** The verifications of a backup, newest first. */
	public List<VerificationView> list(TenantId tenant, BackupRunId id) {
		this.transactions.execute((status) -> this.runs.findByTenantIdAndId(tenant.value(), id.value()))
			.orElseThrow(() -> new RunNotFoundException("No backup " + id + " on this add-on"));
		return this.transactions.execute((status) -> this.verifications.findByRunIdOrderByCreatedAtDesc(id.value())
			.stream()
			.map(Verifications::view)
			.toList());
	}

	/**
	 * Stops every verification of the tenant: queued ones at once, launched ones soon.
	 */
	void cancelAll(TenantId tenant, String reason) {
		List<VerificationId> active = this.transactions
			.execute(
					(status) -> this.verifications
						.findByTenantIdAndStateIn(tenant.value(),
								List.of(VerificationState.QUEUED, VerificationState.LAUNCHING,
										VerificationState.RUNNING))
						.stream()
						.map(BackupVerification::id)
						.toList());
		for (VerificationId id : active) {
			this.lifecycle.changed(id, (verification) -> {
				if (!verification.state().isActive()) {
					return false;
				}
				if (verification.cancelRequested(reason, this.lifecycle.now())) {
					this.lifecycle.recordOnBackup(verification);
				}
				return true;
			});
		}
	}

	private Optional<VerificationView> enqueue(BackupRun run, BackupVerification.Origin origin) {
		for (int attempt = 1;; attempt++) {
			try {
				boolean[] created = new boolean[1];
				VerificationView view = this.transactions.execute((status) -> {
					Optional<BackupVerification> active = this.verifications.findByActiveRunId(run.id().value());
					if (active.isPresent()) {
						return view(active.get());
					}
					BackupVerification verification = BackupVerification.queued(run.tenantId(), run.id(),
							run.targetId(), run.databaseLabel(), origin, this.lifecycle.now());
					this.verifications.saveAndFlush(verification);
					created[0] = true;
					logger.info("Verification {} of run {} queued ({})", verification.id(), run.id(),
							origin.name().toLowerCase(Locale.ROOT));
					return view(verification);
				});
				if (created[0]) {
					wakeUpAfterCommit();
				}
				return Optional.ofNullable(view);
			}
			catch (DataIntegrityViolationException ex) {
				// Queued at the same moment by another process; the next attempt finds
				// it.
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Inside a listener's transaction the new row is visible to the dispatcher only after
	 * the commit.
	 */
	private void wakeUpAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Verifications.this.dispatcher.wakeUp();
				}
			});
		}
		else {
			this.dispatcher.wakeUp();
		}
	}

	static VerificationView view(BackupVerification verification) {
		RestoreTestPlan.Mode mode = verification.restoreMode();
		return new VerificationView(verification.id(), verification.runId(), verification.state(),
				verification.origin().name().toLowerCase(Locale.ROOT), verification.attempts(),
				verification.createdAt(), verification.runner().startedAt(), verification.finishedAt(),
				(mode != null) ? mode.name().toLowerCase(Locale.ROOT) : null, verification.restoreTested(),
				verification.detail());
	}

}
