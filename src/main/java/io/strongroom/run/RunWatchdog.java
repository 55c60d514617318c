package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.target.DestinationAccess;
import io.strongroom.target.Targets;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds launched runs that need the web side to act: a runner silent for the stall
 * timeout (FAILED, stalled), one whose process or dyno ended without a result (FAILED),
 * one past the plan's maximum duration (told to stop), one told to stop that did not
 * (CANCELLED). A runner given up on is stopped, and its unfinished upload aborted,
 * because a dead runner cannot abort it itself.
 */
class RunWatchdog {

	private static final Logger logger = LoggerFactory.getLogger(RunWatchdog.class);

	private final BackupRunRepository runs;

	private final RunLifecycle lifecycle;

	private final RunLauncher launcher;

	private final RunProperties properties;

	private final Targets targets;

	private final TenantRepository tenants;

	private final DestinationClient destinations;

	private final TransactionTemplate transactions;

	RunWatchdog(BackupRunRepository runs, RunLifecycle lifecycle, RunLauncher launcher, RunProperties properties,
			Targets targets, TenantRepository tenants, DestinationClient destinations,
			TransactionTemplate transactions) {
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.launcher = launcher;
		this.properties = properties;
		this.targets = targets;
		this.tenants = tenants;
		this.destinations = destinations;
		this.transactions = transactions;
	}

	void check() {
		try {
			List<BackupRun> launched = this.transactions
				.execute((status) -> this.runs.findByStateIn(List.of(RunState.LAUNCHING, RunState.RUNNING)));
			for (BackupRun run : launched) {
				check(run);
			}
		}
		catch (RuntimeException ex) {
			// The next round tries again.
			logger.error("Watching runs failed", ex);
		}
	}

	/**
	 * A launcher saw this run's runner end: settle it now rather than at the stall
	 * timeout.
	 */
	void exited(RunnerExited event) {
		try {
			if (this.lifecycle.exited(event.run(), event.detail())) {
				this.transactions.execute((status) -> this.runs.findById(event.run().value())).ifPresent(this::cleanUp);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Settling run {} after its runner ended failed", event.run(), ex);
		}
	}

	private void check(BackupRun run) {
		Instant now = this.lifecycle.now();
		if (run.isStalled(this.properties.stallTimeout(), now)) {
			if (this.lifecycle.stalled(run.id())) {
				logger.warn("Run {} stalled: no call from its runner for {}", run.id(),
						BackupRun.describe(this.properties.stallTimeout()));
				cleanUp(run);
			}
			return;
		}
		if (run.isCancelOverdue(this.properties.cancelGrace(), now)) {
			if (this.lifecycle.cancelOverdue(run.id())) {
				logger.info("Run {} did not stop within {} of being told to; cancelled", run.id(),
						BackupRun.describe(this.properties.cancelGrace()));
				cleanUp(run);
			}
			return;
		}
		if (run.isPastDeadline(now) && run.runner().cancelRequestedAt() == null && this.lifecycle.overdue(run.id())) {
			logger.info("Run {} is past its plan's maximum duration; told to stop", run.id());
		}
		Optional<LaunchHandle> handle = handle(run);
		if (handle.isPresent()) {
			RunnerStatus status = this.launcher.status(handle.get());
			if (status.state() == RunnerStatus.State.ENDED
					&& this.lifecycle.exited(run.id(), String.valueOf(status.detail()))) {
				logger.warn("Run {}: its runner ended ({}) without a result", run.id(), status.detail());
				cleanUp(run);
			}
		}
	}

	private Optional<LaunchHandle> handle(BackupRun run) {
		return run.runner().handle(this.launcher);
	}

	/** Stops what may still run and aborts the upload it left; both are idempotent. */
	private void cleanUp(BackupRun run) {
		handle(run).ifPresent(this.launcher::stop);
		try {
			Optional<DestinationAccess> destination = this.targets.destinationAccess(run.tenantId());
			Optional<Tenant> tenant = this.transactions
				.execute((status) -> this.tenants.findById(run.tenantId().value()));
			if (destination.isEmpty() || tenant.isEmpty()) {
				return;
			}
			String prefix = RunSpecs.databasePrefix(destination.get().prefix(), tenant.get().name(),
					run.databaseLabel().value());
			int aborted = this.destinations.abortUnfinishedUploads(destination.get(), prefix, run.id().toString());
			if (aborted > 0) {
				logger.info("Run {}: aborted {} unfinished upload(s)", run.id(), aborted);
			}
		}
		catch (RuntimeException ex) {
			// The bucket's lifecycle rule for incomplete multipart uploads is the
			// backstop.
			logger.warn("Run {}: could not abort its unfinished upload: {}", run.id(), ex.getMessage());
		}
	}

}
