package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;

import io.strongroom.notify.BackupOutcome.Result;
import io.strongroom.run.BackupCancelled;
import io.strongroom.run.BackupFailed;
import io.strongroom.run.BackupSucceeded;
import io.strongroom.run.BackupVerified;
import io.strongroom.run.FailureKinds;
import io.strongroom.run.RunNotFoundException;
import io.strongroom.run.RunOrigin;
import io.strongroom.run.RunView;
import io.strongroom.run.Runs;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the run module's events into notifications. Each listener runs after the run's
 * transaction committed, in its own transaction, through Spring Modulith's event
 * publication registry: a listener that fails (or a process that dies before it finished)
 * leaves the publication incomplete, and it is delivered again
 * ({@link NotifyConfiguration}, and at start-up). Delivering an event again records
 * nothing new: the health remembers the run, and every delivery has its idempotency key.
 */
@Component
class RunOutcomeListener {

	private static final Logger log = LoggerFactory.getLogger(RunOutcomeListener.class);

	private final Notifications notifications;

	private final Runs runs;

	/** Its own transaction: a run not found must not doom the listener's. */
	private final TransactionTemplate lookups;

	RunOutcomeListener(Notifications notifications, Runs runs, PlatformTransactionManager transactions) {
		this.notifications = notifications;
		this.runs = runs;
		this.lookups = new TransactionTemplate(transactions);
		this.lookups.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.lookups.setReadOnly(true);
	}

	@ApplicationModuleListener
	void on(BackupSucceeded event) {
		RunView run = run(event.tenant(), event.run());
		long bytes = (run != null) ? run.bytesOut() : 0;
		Duration took = (run != null) ? duration(run) : null;
		this.notifications.backupFinished(new BackupOutcome(event.tenant(), event.database().value(),
				event.run().value(), Result.SUCCEEDED, null, null, event.at(), bytes, took, manual(run)));
	}

	@ApplicationModuleListener
	void on(BackupFailed event) {
		boolean stalled = FailureKinds.STALLED.equals(event.kind());
		RunView run = run(event.tenant(), event.run());
		this.notifications.backupFinished(new BackupOutcome(event.tenant(), event.database().value(),
				event.run().value(), stalled ? Result.STALLED : Result.FAILED, stalled ? null : event.kind(),
				event.message().isBlank() ? null : event.message(), event.at(), 0, (run != null) ? duration(run) : null,
				manual(run)));
	}

	@ApplicationModuleListener
	void on(BackupCancelled event) {
		RunView run = run(event.tenant(), event.run());
		this.notifications.backupFinished(
				new BackupOutcome(event.tenant(), event.database().value(), event.run().value(), Result.CANCELLED, null,
						event.reason(), event.at(), 0, (run != null) ? duration(run) : null, manual(run)));
	}

	@ApplicationModuleListener
	void on(BackupVerified event) {
		VerificationOutcome.Status status = switch (event.result()) {
			case PASSED -> VerificationOutcome.Status.PASSED;
			case FAILED -> VerificationOutcome.Status.FAILED;
			case SKIPPED -> VerificationOutcome.Status.SKIPPED;
			case PENDING -> null;
		};
		if (status == null) {
			return;
		}
		this.notifications.verificationFinished(new VerificationOutcome(event.tenant(), event.database().value(),
				event.run().value(), status, (status == VerificationOutcome.Status.FAILED) ? event.failure() : null,
				event.detail(), event.at()));
	}

	/**
	 * The run, for its size and duration; a run deleted meanwhile (the add-on was
	 * removed) still gets its outcome told.
	 */
	private @Nullable RunView run(io.strongroom.tenant.TenantId tenant, io.strongroom.run.BackupRunId id) {
		try {
			return this.lookups.execute((status) -> this.runs.find(tenant, id));
		}
		catch (RunNotFoundException ex) {
			log.info("Run {} is gone; its outcome is told without its size", id);
			return null;
		}
	}

	private static boolean manual(@Nullable RunView run) {
		return run != null && run.origin() == RunOrigin.MANUAL;
	}

	private static @Nullable Duration duration(RunView run) {
		Instant began = (run.startedAt() != null) ? run.startedAt() : run.launchedAt();
		return (began != null && run.finishedAt() != null) ? Duration.between(began, run.finishedAt()) : null;
	}

}
