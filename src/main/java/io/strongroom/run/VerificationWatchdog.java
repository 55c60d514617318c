package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watchdog of verifications, with the same timeouts as runs: a runner silent for the
 * stall timeout or ended without a report could not do its job (queued again while
 * attempts are left); one past the plan's maximum duration is told to stop, and SKIPPED
 * when it does not within the cancel grace. A runner given up on is stopped; a
 * verification runner uploads nothing, so there is nothing to abort.
 */
class VerificationWatchdog {

	private static final Logger logger = LoggerFactory.getLogger(VerificationWatchdog.class);

	private final BackupVerificationRepository verifications;

	private final VerificationLifecycle lifecycle;

	private final RunLauncher launcher;

	private final RunProperties properties;

	private final TransactionTemplate transactions;

	VerificationWatchdog(BackupVerificationRepository verifications, VerificationLifecycle lifecycle,
			RunLauncher launcher, RunProperties properties, TransactionTemplate transactions) {
		this.verifications = verifications;
		this.lifecycle = lifecycle;
		this.launcher = launcher;
		this.properties = properties;
		this.transactions = transactions;
	}

	void check() {
		try {
			List<BackupVerification> launched = this.transactions.execute((status) -> this.verifications
				.findByStateIn(List.of(VerificationState.LAUNCHING, VerificationState.RUNNING)));
			for (BackupVerification verification : launched) {
				check(verification);
			}
		}
		catch (RuntimeException ex) {
			// The next round tries again.
			logger.error("Watching verifications failed", ex);
		}
	}

	/** A launcher saw this verification's runner end: settle it now. */
	void exited(RunnerExited event) {
		try {
			this.lifecycle.exited(new VerificationId(event.job().id()), event.detail());
		}
		catch (RuntimeException ex) {
			logger.error("Settling verification {} after its runner ended failed", event.job().id(), ex);
		}
	}

	private void check(BackupVerification verification) {
		Instant now = this.lifecycle.now();
		if (verification.isStalled(this.properties.stallTimeout(), now)) {
			if (this.lifecycle.stalled(verification.id())) {
				logger.warn("Verification {} stalled: no call from its runner for {}", verification.id(),
						BackupRun.describe(this.properties.stallTimeout()));
				stop(verification);
			}
			return;
		}
		if (verification.isCancelOverdue(this.properties.cancelGrace(), now)) {
			if (this.lifecycle.cancelOverdue(verification.id())) {
				logger.info("Verification {} did not stop when told to; SKIPPED", verification.id());
				stop(verification);
			}
			return;
		}
		if (verification.isPastDeadline(now) && verification.runner().cancelRequestedAt() == null
				&& this.lifecycle.overdue(verification.id())) {
			logger.info("Verification {} is past its plan's maximum duration; told to stop", verification.id());
		}
		Optional<LaunchHandle> handle = handle(verification);
		if (handle.isPresent()) {
			RunnerStatus status = this.launcher.status(handle.get());
			if (status.state() == RunnerStatus.State.ENDED
					&& this.lifecycle.exited(verification.id(), String.valueOf(status.detail()))) {
				logger.warn("Verification {}: its runner ended ({}) without a result", verification.id(),
						status.detail());
			}
		}
	}

	private Optional<LaunchHandle> handle(BackupVerification verification) {
		return verification.runner().handle(this.launcher);
	}

	private void stop(BackupVerification verification) {
		handle(verification).ifPresent(this.launcher::stop);
	}

}
