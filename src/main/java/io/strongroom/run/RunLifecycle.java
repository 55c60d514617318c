package io.strongroom.run;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.runner.Secret;
import io.strongroom.target.RunnableTarget;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.PlanLimitExceededException;
import io.strongroom.target.TargetNotReadyException;
import io.strongroom.target.Targets;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web side's transitions of a run (launching, stalled, exited, overdue), each in its
 * own short transaction, so that two web processes racing for the same run resolve by
 * optimistic locking: one wins, the other sees the new state and leaves the run alone.
 */
class RunLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RunLifecycle.class);

	private final BackupRunRepository runs;

	private final Targets targets;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final RunProperties properties;

	private final CallbackBase callbacks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RunLifecycle(BackupRunRepository runs, Targets targets, TenantRepository tenants, PlanCatalog plans,
			RunProperties properties, CallbackBase callbacks, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.runs = runs;
		this.targets = targets;
		this.tenants = tenants;
		this.plans = plans;
		this.properties = properties;
		this.callbacks = callbacks;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** Oldest first, a few at a time. */
	List<UUID> queued() {
		return this.transactions.execute((status) -> this.runs.findTop20ByStateOrderByCreatedAtAscIdAsc(RunState.QUEUED)
			.stream()
			.map((run) -> run.id().value())
			.toList());
	}

	/**
	 * QUEUED → LAUNCHING with a fresh ticket, or FAILED when the database can no longer
	 * be backed up (it was removed, or its destination or key is missing). Empty when
	 * another process claimed it first or it is no longer queued.
	 */
	Optional<LaunchRequest> claim(UUID runId, String launcherName) {
		Optional<BackupRun> found = this.transactions.execute((status) -> this.runs.findById(runId))
			.filter((run) -> run.state() == RunState.QUEUED);
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
		String ticket = RunTickets.newTicket();
		try {
			return Optional.ofNullable(this.transactions.execute((status) -> {
				BackupRun run = this.runs.findById(runId).orElse(null);
				if (run == null || run.state() != RunState.QUEUED) {
					return null;
				}
				Tenant tenant = this.tenants.findById(run.tenantId().value()).orElseThrow();
				Duration maxDuration = this.plans.find(tenant.plan())
					.map(Plan::maxRunDuration)
					.orElse(Duration.ofHours(6));
				Instant now = now();
				Instant deadline = now.plus(maxDuration);
				// The ticket outlives the deadline by the time the watchdog may need to
				// cancel the run and hear back from it.
				Instant expires = deadline.plus(this.properties.cancelGrace()).plus(this.properties.stallTimeout());
				run.launching(RunTickets.hash(ticket), expires, deadline, launcherName, now);
				this.runs.saveAndFlush(run);
				return new LaunchRequest(run.id(), run.tenantId(), callbackUrl(run.id()), new Secret(ticket),
						target.environment(), tenant.herokuAppId());
			}));
		}
		catch (OptimisticLockingFailureException ex) {
			logger.debug("Run {} was claimed by another process", runId);
			return Optional.empty();
		}
	}

	URI callbackUrl(BackupRunId run) {
		return this.callbacks.runUrl(run);
	}

	/**
	 * Records where the runner lives. False when the run ended meanwhile (cancelled while
	 * launching): the caller stops the runner.
	 */
	boolean launched(BackupRunId id, LaunchHandle handle) {
		return changed(id, (run) -> {
			if (run.state() == RunState.LAUNCHING || run.state() == RunState.RUNNING) {
				run.launched(handle.ref());
				return true;
			}
			return false;
		});
	}

	/** FAILED with {@code kind}, if still active. True when this call changed it. */
	boolean fail(UUID id, String kind, String message) {
		return changed(new BackupRunId(id), (run) -> {
			if (!run.state().isActive()) {
				return false;
			}
			run.failed(kind, message, now());
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	/** FAILED (stalled), unless the runner called back meanwhile. */
	boolean stalled(BackupRunId id) {
		Duration timeout = this.properties.stallTimeout();
		return changed(id, (run) -> {
			if (!run.isStalled(timeout, now())) {
				return false;
			}
			run.stalled(timeout, now());
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	/**
	 * The runner ended without reporting: FAILED (or CANCELLED when it was told to stop).
	 */
	boolean exited(BackupRunId id, String detail) {
		return changed(id, (run) -> {
			if (run.state() != RunState.LAUNCHING && run.state() != RunState.RUNNING) {
				return false;
			}
			if (run.runner().cancelRequestedAt() != null) {
				run.cancelled(cancelMessage(run), now());
			}
			else {
				run.failed(FailureKinds.RUNNER_EXITED,
						"The runner ended (" + detail
								+ ") without reporting a result. Its output is in the run's log (local runner) or the"
								+ " app's log stream (Heroku dyno). Its unfinished upload was aborted.",
						now());
			}
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	/**
	 * Past the plan's maximum duration: asks the runner to stop. True when newly asked.
	 */
	boolean overdue(BackupRunId id) {
		return changed(id, (run) -> {
			if (!run.isPastDeadline(now()) || run.runner().cancelRequestedAt() != null) {
				return false;
			}
			run.cancelRequested("It ran longer than the plan's maximum run duration", now());
			return true;
		});
	}

	/** Told to stop but did not within the grace period: CANCELLED. */
	boolean cancelOverdue(BackupRunId id) {
		return changed(id, (run) -> {
			if (!run.isCancelOverdue(this.properties.cancelGrace(), now())) {
				return false;
			}
			run.cancelled(cancelMessage(run), now());
			RunEvents.finished(this.events, run);
			return true;
		});
	}

	static String cancelMessage(BackupRun run) {
		String reason = (run.runner().cancelReason() != null) ? run.runner().cancelReason() : "Cancelled";
		return reason + "; the runner was stopped and its unfinished upload aborted.";
	}

	/**
	 * Applies {@code change} to the run in a transaction, retrying when another process
	 * changed the run at the same time.
	 * @return what {@code change} answered (whether it changed the run); false when there
	 * is no such run
	 */
	boolean changed(BackupRunId id, Function<BackupRun, Boolean> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(this.transactions.execute((status) -> {
					BackupRun run = this.runs.findById(id.value()).orElse(null);
					if (run == null) {
						return false;
					}
					boolean changed = change.apply(run);
					if (changed) {
						this.runs.saveAndFlush(run);
					}
					return changed;
				}));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt >= 5) {
					throw ex;
				}
				logger.debug("Run {} changed concurrently; retrying", id);
			}
		}
	}

}
