package io.strongroom.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.runner.Secret;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.RunnableTarget;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.PlanLimitExceededException;
import io.strongroom.target.TargetNotReadyException;
import io.strongroom.target.Targets;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web side's transitions of a backup run (launching, stalled, exited, overdue), each
 * in its own short transaction (through {@link RunnerJobs}), so that two web processes
 * racing for the same run resolve by optimistic locking: one wins, the other sees the new
 * state and leaves the run alone. A runner given up on is stopped, and its unfinished
 * upload aborted, because a dead runner cannot abort it itself: the abort is recorded as
 * pending when the run ends and retried by the watchdog until it succeeds or its attempts
 * are used up ({@link UploadAbortRetry}).
 */
class RunLifecycle implements RunnerJobLifecycle<BackupRun>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RunLifecycle.class);

	private final BackupRunRepository runs;

	private final RunnerJobs<BackupRun> jobs;

	private final Targets targets;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final RunProperties properties;

	private final CallbackBase callbacks;

	private final RunLauncher launcher;

	private final DestinationClient destinations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ExecutorService aborts = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "run-upload-aborts");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<BackupRunId> abortsUnderWay = ConcurrentHashMap.newKeySet();

	RunLifecycle(BackupRunRepository runs, Targets targets, TenantRepository tenants, PlanCatalog plans,
			RunProperties properties, CallbackBase callbacks, RunLauncher launcher, DestinationClient destinations,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.runs = runs;
		this.jobs = new RunnerJobs<>("Run", runs, properties, transactions, clock);
		this.targets = targets;
		this.tenants = tenants;
		this.plans = plans;
		this.properties = properties;
		this.callbacks = callbacks;
		this.launcher = launcher;
		this.destinations = destinations;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public RunnerJob.Kind kind() {
		return RunnerJob.Kind.BACKUP;
	}

	@Override
	public RunnerJobs<BackupRun> jobs() {
		return this.jobs;
	}

	Instant now() {
		return this.jobs.now();
	}

	/** Oldest first, a few at a time. */
	@Override
	public List<UUID> queued() {
		return this.transactions.execute((status) -> this.runs.findTop20ByStateOrderByCreatedAtAscIdAsc(RunState.QUEUED)
			.stream()
			.map((run) -> run.id().value())
			.toList());
	}

	/**
	 * QUEUED → LAUNCHING with a fresh ticket, or FAILED when the database can no longer
	 * be backed up (it was removed, or its destination or key is missing). Empty when
	 * another process claimed it first, it is no longer queued, or the launcher is full.
	 */
	@Override
	public Optional<LaunchRequest> claim(UUID runId, String launcherName) {
		Optional<BackupRun> found = this.jobs.find(runId).filter((run) -> run.state() == RunState.QUEUED);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		BackupRun queued = found.get();
		RunnableTarget target;
		try {
			target = this.targets.runnable(queued.tenantId(), queued.targetId());
		}
		catch (TargetNotReadyException | TargetNotFoundException ex) {
			fail(runId, FailureKinds.NOT_CONFIGURED, ex.getMessage());
			return Optional.empty();
		}
		catch (PlanLimitExceededException ex) {
			fail(runId, FailureKinds.PLAN_LIMIT, ex.getMessage());
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.transactions.execute((status) -> {
				BackupRun run = this.runs.findById(runId).orElse(null);
				if (run == null || run.state() != RunState.QUEUED || !this.launcher.hasRoomForAnother()) {
					return null;
				}
				Tenant tenant = this.tenants.findById(run.tenantId().value()).orElseThrow();
				Instant now = now();
				RunTickets.Issued ticket = this.jobs.issueTicket(this.plans.find(tenant.plan()), now);
				run.launching(ticket.hash(), ticket.expiresAt(), ticket.deadline(), launcherName, now);
				this.runs.saveAndFlush(run);
				return new LaunchRequest(run.id(), run.tenantId(), this.callbacks.runUrl(run.id()),
						new Secret(ticket.ticket()), target.environment(), tenant.herokuAppId());
			}));
		}
		catch (OptimisticLockingFailureException ex) {
			logger.debug("Run {} was claimed by another process", runId);
			return Optional.empty();
		}
	}

	@Override
	public void launchFailed(UUID id, String message) {
		fail(id, FailureKinds.LAUNCH_FAILED, message);
	}

	/** FAILED with {@code kind}, if still active. True when this call changed it. */
	boolean fail(UUID id, String kind, String message) {
		return this.jobs.changedIf(id, (run) -> run.state().isActive(), (run) -> {
			run.failed(kind, message, now());
			RunEvents.finished(this.events, run);
		});
	}

	@Override
	public List<BackupRun> launched() {
		return this.transactions
			.execute((status) -> this.runs.findByStateIn(List.of(RunState.LAUNCHING, RunState.RUNNING)));
	}

	/** FAILED (stalled), unless the runner called back meanwhile. */
	@Override
	public boolean stalled(UUID id) {
		Duration timeout = this.properties.stallTimeout();
		return this.jobs.changedIf(id, (run) -> run.isStalled(timeout, now()), (run) -> {
			run.stalled(timeout, now());
			run.uploadAbortPending(now());
			RunEvents.finished(this.events, run);
		});
	}

	/**
	 * The runner ended without reporting: FAILED (or CANCELLED when it was told to stop).
	 */
	@Override
	public boolean exited(UUID id, String detail) {
		return this.jobs.changedIf(id, BackupRun::isLaunched, (run) -> {
			if (run.runner().cancelRequestedAt() != null) {
				run.cancelled(cancelMessage(run), now());
			}
			else {
				run.failed(FailureKinds.RUNNER_EXITED,
						"The runner ended (" + detail + ") without reporting a result. " + whereOutputIs(run), now());
			}
			run.uploadAbortPending(now());
			RunEvents.finished(this.events, run);
		});
	}

	/** A dyno's output goes to the app's log stream; a local runner's is kept. */
	private static String whereOutputIs(BackupRun run) {
		if ("heroku".equals(run.runner().launcher())) {
			return "Its output is in the app's log stream (heroku logs).";
		}
		return "Its output is in the backup's log: GET /api/v1/backups/" + run.id() + "/log.";
	}

	@Override
	public String overdueReason() {
		return "It ran longer than the plan's maximum run duration";
	}

	/** Told to stop but did not within the grace period: CANCELLED. */
	@Override
	public boolean cancelOverdue(UUID id) {
		return this.jobs.changedIf(id, (run) -> run.isCancelOverdue(this.properties.cancelGrace(), now()), (run) -> {
			run.cancelled(cancelMessage(run), now());
			run.uploadAbortPending(now());
			RunEvents.finished(this.events, run);
		});
	}

	static String cancelMessage(BackupRun run) {
		String reason = (run.runner().cancelReason() != null) ? run.runner().cancelReason() : "Cancelled";
		return reason + "; the runner was stopped.";
	}

	/**
	 * Stops what may still run, then starts the abort of the upload it left (recorded as
	 * pending when the run ended); both are idempotent.
	 */
	@Override
	public void cleanUp(BackupRun run, boolean runnerEnded) {
		run.runner().handle(this.launcher).ifPresent(this.launcher::stop);
		startAbort(run.id());
	}

	/**
	 * Starts again the aborts that failed, or that a process stopped before trying: the
	 * due ones, oldest first, a few at a time.
	 */
	@Override
	public void retryCleanUps() {
		List<BackupRunId> due = this.transactions
			.execute((status) -> this.runs.findTop20ByUploadAbortDueAtLessThanEqualOrderByUploadAbortDueAtAsc(now())
				.stream()
				.map(BackupRun::id)
				.toList());
		due.forEach(this::startAbort);
	}

	/**
	 * Aborts run on their own thread: a destination that does not answer (a bucket in an
	 * unreachable region waits out the S3 client's timeouts, minutes) must not hold up
	 * the watchdog, which also watches every other add-on's runs. A run already queued or
	 * being aborted is not queued twice.
	 */
	private void startAbort(BackupRunId id) {
		if (!this.abortsUnderWay.add(id)) {
			return;
		}
		try {
			this.aborts.execute(() -> {
				try {
					abortUpload(id);
				}
				catch (RuntimeException ex) {
					// Its attempt is recorded as taken: the next due time tries again.
					logger.error("Run {}: aborting its unfinished upload failed", id, ex);
				}
				finally {
					this.abortsUnderWay.remove(id);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the abort stays due and the next process tries it.
			this.abortsUnderWay.remove(id);
		}
	}

	/** Stops the abort thread; an abort not started stays due in the database. */
	@Override
	public void close() {
		this.aborts.shutdownNow();
	}

	/**
	 * One attempt at the run's pending abort, if one is due: taken first in its own
	 * transaction (so of two web processes only one tries), then made, then recorded.
	 * Under {@code <prefix>/<addon>/<label>/} it aborts the unfinished uploads whose key
	 * names the run.
	 */
	private void abortUpload(BackupRunId id) {
		UploadAbortRetry retry = new UploadAbortRetry(this.properties.watchdogInterval());
		if (!this.jobs.changedIf(id.value(), (run) -> run.isUploadAbortDue(now()),
				(run) -> run.uploadAbortAttempted(retry, now()))) {
			return;
		}
		BackupRun run = this.jobs.find(id.value()).orElseThrow();
		Optional<DestinationAccess> destination = this.targets.destinationAccess(run.tenantId());
		Optional<Tenant> tenant = this.transactions.execute((status) -> this.tenants.findById(run.tenantId().value()));
		if (destination.isEmpty() || tenant.isEmpty()) {
			recordAbortFailed(id, "the add-on has no destination any more", false, retry);
			return;
		}
		String prefix = RunSpecs.databasePrefix(destination.get().prefix(), tenant.get().name(),
				run.databaseLabel().value());
		try {
			int aborted = this.destinations.abortUnfinishedUploads(destination.get(), prefix, id.toString());
			this.jobs.changed(id.value(), (aborting) -> {
				aborting.uploadAborted();
				return true;
			});
			logger.info("Run {}: aborted {} unfinished upload(s)", id, aborted);
		}
		catch (RuntimeException ex) {
			// The store's messages name the bucket and the error, never a credential.
			recordAbortFailed(id, String.valueOf(ex.getMessage()), true, retry);
		}
	}

	private void recordAbortFailed(BackupRunId id, String error, boolean retryable, UploadAbortRetry retry) {
		this.jobs.changed(id.value(), (run) -> {
			run.uploadAbortFailed(error, retryable, retry);
			if (run.uploadAbort() == UploadAbort.GAVE_UP) {
				logger.warn("Run {}: gave up aborting its unfinished upload after {} attempt(s): {}", id,
						run.uploadAbortAttempts(), error);
			}
			else {
				logger.warn("Run {}: could not abort its unfinished upload (attempt {}), trying again later: {}", id,
						run.uploadAbortAttempts(), error);
			}
			return true;
		});
	}

	/** See {@link RunnerJobs#changed}. */
	boolean changed(BackupRunId id, Function<BackupRun, Boolean> change) {
		return this.jobs.changed(id.value(), change);
	}

}
