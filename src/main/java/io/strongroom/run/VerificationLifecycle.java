package io.strongroom.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.strongroom.runner.Secret;
import io.strongroom.target.RunnableTarget;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.TargetNotReadyException;
import io.strongroom.target.Targets;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.RestoreTests;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web side's transitions of a verification (claimed for a launch, could not run,
 * stalled, exited, overdue, completed), each in its own short transaction with optimistic
 * locking (through {@link RunnerJobs}), as {@link RunLifecycle} does for runs. An ending
 * verification records its outcome on the backup run and publishes {@link BackupVerified}
 * in the same transaction.
 */
class VerificationLifecycle implements RunnerJobLifecycle<BackupVerification> {

	private static final Logger logger = LoggerFactory.getLogger(VerificationLifecycle.class);

	private final BackupVerificationRepository verifications;

	private final RunnerJobs<BackupVerification> jobs;

	private final BackupRunRepository runs;

	private final Targets targets;

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	private final RunProperties runProperties;

	private final VerificationProperties properties;

	private final CallbackBase callbacks;

	private final RunLauncher launcher;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	VerificationLifecycle(BackupVerificationRepository verifications, BackupRunRepository runs, Targets targets,
			TenantRepository tenants, PlanCatalog plans, RunProperties runProperties, VerificationProperties properties,
			CallbackBase callbacks, RunLauncher launcher, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.verifications = verifications;
		this.jobs = new RunnerJobs<>("Verification", verifications, runProperties, transactions, clock);
		this.runs = runs;
		this.targets = targets;
		this.tenants = tenants;
		this.plans = plans;
		this.runProperties = runProperties;
		this.properties = properties;
		this.callbacks = callbacks;
		this.launcher = launcher;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public RunnerJob.Kind kind() {
		return RunnerJob.Kind.VERIFY;
	}

	@Override
	public RunnerJobs<BackupVerification> jobs() {
		return this.jobs;
	}

	Instant now() {
		return this.jobs.now();
	}

	VerificationProperties properties() {
		return this.properties;
	}

	/** Due verifications, longest waiting first, a few at a time. */
	@Override
	public List<UUID> queued() {
		Instant now = now();
		return this.transactions.execute((status) -> this.verifications
			.findTop20ByStateAndNotBeforeLessThanEqualOrderByNotBeforeAscIdAsc(VerificationState.QUEUED, now)
			.stream()
			.map((verification) -> verification.id().value())
			.toList());
	}

	/**
	 * QUEUED → LAUNCHING with a fresh ticket and the restore test decided. Empty when it
	 * is not due, another process claimed it, the launcher is full, or another
	 * verification of the same database is under way (it waits); SKIPPED when there is
	 * nothing it could verify with (the database or its destination or key is gone).
	 */
	@Override
	public Optional<LaunchRequest> claim(UUID id, String launcherName) {
		Instant now = now();
		BackupVerification queued = this.jobs.find(id).filter((verification) -> verification.isDue(now)).orElse(null);
		if (queued == null || this.transactions
			.execute((status) -> this.verifications.findByRunningTargetId(queued.targetId().value()))
			.isPresent()) {
			return Optional.empty();
		}
		BackupRun run = this.transactions.execute((status) -> this.runs.findById(queued.runId().value())).orElse(null);
		if (run == null || run.state() != RunState.SUCCEEDED || run.objectKey() == null) {
			couldNotRun(queued.id(), FailureKinds.NOT_CONFIGURED, "the backup has no object to verify");
			return Optional.empty();
		}
		if (!run.offeredForRestore()) {
			couldNotRun(queued.id(), FailureKinds.NOT_CONFIGURED,
					"retention deleted the backup before it was verified");
			return Optional.empty();
		}
		RunnableTarget target;
		try {
			target = this.targets.runnable(queued.tenantId(), queued.targetId());
		}
		catch (TargetNotReadyException | TargetNotFoundException ex) {
			couldNotRun(queued.id(), FailureKinds.NOT_CONFIGURED, ex.getMessage());
			return Optional.empty();
		}
		Optional<Secret> verificationUrl = this.targets.verificationUrl(queued.tenantId(), queued.databaseLabel());
		boolean verificationDatabase = this.targets.keepsDatabaseUrls() ? verificationUrl.isPresent()
				: this.targets.database(queued.tenantId(), queued.targetId())
					.map((database) -> database.verificationUrl() != null)
					.orElse(false);
		String engine = String.valueOf(run.engine());
		try {
			return Optional.ofNullable(this.transactions.execute((status) -> {
				BackupVerification verification = this.verifications.findById(id).orElse(null);
				if (verification == null || !verification.isDue(now()) || !this.launcher.hasRoomForAnother()) {
					return null;
				}
				Tenant tenant = this.tenants.findById(verification.tenantId().value()).orElseThrow();
				Optional<Plan> plan = this.plans.find(tenant.plan());
				Instant lastRestoreTest = this.verifications
					.findFirstByTargetIdAndRestoreTestedTrueOrderByFinishedAtDesc(verification.targetId().value())
					.map(BackupVerification::finishedAt)
					.orElse(null);
				RestoreTestPlan restore = RestoreTestPlan.decide(tenant.plan(),
						plan.map(Plan::restoreTests).orElse(RestoreTests.NONE), lastRestoreTest, now(),
						verificationDatabase, scratch(engine));
				RunTickets.Issued ticket = this.jobs.issueTicket(plan, now());
				verification.launching(ticket.hash(), ticket.expiresAt(), ticket.deadline(), launcherName, restore,
						now());
				this.verifications.saveAndFlush(verification);
				return new LaunchRequest(verification.job(), verification.tenantId(),
						this.callbacks.verificationUrl(verification.id()), new Secret(ticket.ticket()),
						environment(target, restore, verificationUrl.orElse(null)), tenant.herokuAppId());
			}));
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
			// Another process claimed it, or started another verification of the
			// database.
			logger.debug("Verification {} not claimed: {}", id, ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/**
	 * The operator's scratch server serves local runners only: its credentials are
	 * Strongroom's own and never go to a customer's dyno.
	 */
	private RestoreTestPlan.Scratch scratch(String engine) {
		if (this.properties.scratchUrl() == null || !"local".equals(RunConfiguration.launcher(this.runProperties))) {
			return RestoreTestPlan.Scratch.NONE;
		}
		return RestoreTestPlan.sameEngine(this.properties.scratchUrl(), engine) ? RestoreTestPlan.Scratch.AVAILABLE
				: RestoreTestPlan.Scratch.OTHER_ENGINE;
	}

	/**
	 * What the verification runner gets: the key and the destination's credentials, never
	 * the production database's URL; the verification database's or the scratch server's
	 * URL only when it restores there. Empty in Heroku mode, where the dyno inherits the
	 * app's config vars (the verification database's among them).
	 */
	private Map<String, Secret> environment(RunnableTarget target, RestoreTestPlan restore,
			@Nullable Secret verificationUrl) {
		Map<String, Secret> environment = new LinkedHashMap<>(target.environment());
		environment.remove(target.databaseUrlEnv());
		if (restore.mode() == RestoreTestPlan.Mode.EXISTING && verificationUrl != null) {
			environment.put(target.label().verificationUrlEnvironmentVariable(), verificationUrl);
		}
		if (restore.mode() == RestoreTestPlan.Mode.CREATE && this.properties.scratchUrl() != null) {
			environment.put(VerificationProperties.SCRATCH_URL_ENV, new Secret(this.properties.scratchUrl()));
		}
		return Map.copyOf(environment);
	}

	@Override
	public void launchFailed(UUID id, String message) {
		couldNotRun(new VerificationId(id), FailureKinds.LAUNCH_FAILED, message);
	}

	/**
	 * The runner could not do its job: queued again while attempts are left, else ended
	 * (and recorded on the backup). True when this call changed it.
	 */
	boolean couldNotRun(VerificationId id, String kind, String message) {
		return this.jobs.changedIf(id.value(), (verification) -> verification.state().isActive(),
				(verification) -> retryOrEnd(verification, kind, message));
	}

	@Override
	public List<BackupVerification> launched() {
		return this.transactions.execute((status) -> this.verifications
			.findByStateIn(List.of(VerificationState.LAUNCHING, VerificationState.RUNNING)));
	}

	/** Could not run (stalled), unless the runner called back meanwhile. */
	@Override
	public boolean stalled(UUID id) {
		Duration timeout = this.runProperties.stallTimeout();
		return this.jobs.changedIf(id, (verification) -> verification.isStalled(timeout, now()),
				(verification) -> end(verification, FailureKinds.STALLED,
						"The verification runner sent no heartbeat for " + BackupRun.describe(timeout)
								+ ": it stopped or hung"));
	}

	/** The runner ended without reporting: it could not run. */
	@Override
	public boolean exited(UUID id, String detail) {
		return this.jobs.changedIf(id, BackupVerification::isLaunched, (verification) -> end(verification,
				FailureKinds.RUNNER_EXITED,
				"The verification runner ended (" + detail + ") without reporting a result; its output is "
						+ ("heroku".equals(verification.runner().launcher()) ? "in the app's log stream (heroku logs)"
								: "in the verification's log (GET /api/v1/backups/" + verification.runId()
										+ "/verifications/" + verification.id() + "/log)")));
	}

	@Override
	public String overdueReason() {
		return "it ran longer than the plan's maximum run duration";
	}

	/** Told to stop but did not within the grace period: SKIPPED. */
	@Override
	public boolean cancelOverdue(UUID id) {
		return this.jobs.changedIf(id,
				(verification) -> verification.isCancelOverdue(this.runProperties.cancelGrace(), now()),
				(verification) -> {
					verification.cancelled(now());
					recordOnBackup(verification);
				});
	}

	/**
	 * The runner reported that it could not do its job ({@code kind}: its failure kind).
	 * @throws IllegalRunTransitionException when the verification is not launched
	 */
	void failed(VerificationId id, String kind, String message) {
		changed(id, (verification) -> {
			if (!verification.state().isLaunched()) {
				throw new IllegalRunTransitionException(RunState.SUCCEEDED,
						"Verification " + id + " is " + verification.state() + "; it takes no failure report");
			}
			end(verification, kind, message);
			return true;
		});
	}

	/** A runner that was told to stop and ended counts as cancelled, not as a failure. */
	private void end(BackupVerification verification, String kind, String message) {
		if (verification.runner().cancelRequestedAt() != null) {
			verification.cancelled(now());
			recordOnBackup(verification);
			return;
		}
		retryOrEnd(verification, kind, message);
	}

	/** Queued again while attempts are left, else ended and recorded on the backup. */
	private void retryOrEnd(BackupVerification verification, String kind, String message) {
		if (verification.couldNotRun(kind, message, this.properties.maxAttempts(), this.properties.retryDelay(),
				now())) {
			recordOnBackup(verification);
		}
		else {
			logger.info("Verification {} could not run ({}); attempt {} of {} follows at {}", verification.id(), kind,
					verification.attempts() + 1, this.properties.maxAttempts(), verification.notBefore());
		}
	}

	/**
	 * Records an ended verification on its backup run and publishes
	 * {@link BackupVerified}; call inside the transaction that ended it.
	 */
	void recordOnBackup(BackupVerification verification) {
		BackupRun run = this.runs.findById(verification.runId().value()).orElse(null);
		if (run == null) {
			return;
		}
		Verification outcome = verification.state().outcome();
		String failure = verification.failure();
		String detail = (verification.detail() != null) ? verification.detail() : outcome.name();
		if (outcome == Verification.FAILED && run.deletion() != BackupDeletion.NONE) {
			// Retention deleted the object under the verification: that says nothing
			// about the
			// backup, and nobody should be told it failed.
			outcome = Verification.SKIPPED;
			failure = null;
			detail = "Retention deleted the backup while it was being verified.";
		}
		Instant at = (verification.finishedAt() != null) ? verification.finishedAt() : now();
		if (run.state() == RunState.SUCCEEDED && run.verified(outcome, detail, at)) {
			this.runs.save(run);
		}
		this.events.publishEvent(new BackupVerified(run.tenantId(), run.id(), run.targetId(), run.databaseLabel(),
				outcome, verification.restoreTested(), failure, detail, at));
	}

	/**
	 * A runner given up on is stopped; a verification runner uploads nothing, so there is
	 * nothing to abort, and one that ended by itself needs nothing.
	 */
	@Override
	public void cleanUp(BackupVerification verification, boolean runnerEnded) {
		if (!runnerEnded) {
			verification.runner().handle(this.launcher).ifPresent(this.launcher::stop);
		}
	}

	/**
	 * See {@link RunnerJobs#changed}; the change may touch the verification's backup run
	 * too.
	 */
	boolean changed(VerificationId id, Function<BackupVerification, Boolean> change) {
		return this.jobs.changed(id.value(), change);
	}

}
