package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/**
 * One verification of a successful backup run and its state machine: QUEUED → LAUNCHING →
 * RUNNING → PASSED | FAILED | SKIPPED. Every transition is a named method that checks the
 * state it starts from.
 * <p>
 * A runner that could not do its job at all (it did not start, stalled, ended without a
 * report, or reported a failure) does not decide the outcome at once: the verification
 * goes back to QUEUED, {@code retryDelay × attempts} later, until it has used
 * {@code maxAttempts}. Then {@link #outcomeOfUnrunnable} decides: a backup whose object
 * could not be read is FAILED, anything else SKIPPED with the reason. A damaged object
 * ({@code INTEGRITY}) is FAILED at once, and what cannot get better by waiting (nothing
 * configured, or told to stop: cancelled, past the deadline) is SKIPPED at once.
 * <p>
 * Two constraints, as for runs: {@code active_run_id} (the run's id while QUEUED,
 * LAUNCHING or RUNNING) is unique, so a backup has one verification under way at most;
 * {@code running_target_id} (the database's id while LAUNCHING or RUNNING) is unique, so
 * one database's restore tests never share its verification database.
 */
@Entity
@Table(name = "run_verification")
class BackupVerification implements RunnerJobEntity {

	/** The runner's failure kinds that mean the backup's object could not be read. */
	static final Set<String> UNREADABLE = Set.of("DESTINATION_ACCESS_DENIED", "BUCKET_MISSING", "DESTINATION_FAILED",
			"RESTORE_FAILED");

	/** Kinds that waiting cannot change: no retry. */
	static final Set<String> FINAL = Set.of(FailureKinds.INTEGRITY, FailureKinds.NOT_CONFIGURED);

	enum Origin {

		/** After every successful backup. */
		AUTOMATIC,
		/** {@code POST /api/v1/backups/{id}/verify}. */
		REQUESTED

	}

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private UUID runId;

	@Column(nullable = false)
	private UUID targetId;

	@Column(nullable = false)
	private String databaseLabel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VerificationState state;

	@Nullable private UUID activeRunId;

	@Nullable private UUID runningTargetId;

	@Column(nullable = false)
	private int attempts;

	@Column(nullable = false)
	private Instant notBefore;

	@Column(nullable = false)
	private Instant createdAt;

	@Nullable private Instant finishedAt;

	@Embedded
	private RunnerSession runner = new RunnerSession();

	@Enumerated(EnumType.STRING)
	private RestoreTestPlan.@Nullable Mode restoreMode;

	@Nullable private String restoreNote;

	@Column(nullable = false)
	private boolean restoreTested;

	@Nullable private String detail;

	/**
	 * The kind of the last failure: why the runner could not run, or what made the
	 * verification FAILED ({@link FailureKinds#INTEGRITY},
	 * {@link FailureKinds#RESTORE_TEST}).
	 */
	@Nullable private String lastFailureKind;

	@Nullable private String lastFailureMessage;

	@Nullable private String report;

	@Version
	private long version;

	protected BackupVerification() {
	}

	static BackupVerification queued(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel label,
			Origin origin, Instant at) {
		BackupVerification verification = new BackupVerification();
		verification.id = UUID.randomUUID();
		verification.tenantId = tenant.value();
		verification.runId = run.value();
		verification.activeRunId = run.value();
		verification.targetId = target.value();
		verification.databaseLabel = label.value();
		verification.origin = origin;
		verification.state = VerificationState.QUEUED;
		verification.notBefore = at;
		verification.createdAt = at;
		return verification;
	}

	/**
	 * QUEUED → LAUNCHING: a launcher has room and the restore test is decided; the ticket
	 * is the runner's only credential.
	 */
	void launching(String ticketHash, Instant ticketExpiresAt, Instant deadline, String launcher,
			RestoreTestPlan restore, Instant at) {
		require(VerificationState.QUEUED, "launch");
		this.runner.launching(ticketHash, ticketExpiresAt, deadline, launcher, at);
		this.restoreMode = restore.mode();
		this.restoreNote = (restore.note() != null) ? truncate(restore.note(), 500) : null;
		this.runningTargetId = this.targetId;
		this.attempts++;
		this.state = VerificationState.LAUNCHING;
	}

	@Override
	public void launched(String launcherRef) {
		requireLaunched("record the launched runner of");
		this.runner.launched(launcherRef);
	}

	@Override
	public void running(Instant at) {
		if (this.state == VerificationState.RUNNING) {
			this.runner.contact(at);
			return;
		}
		require(VerificationState.LAUNCHING, "start");
		this.runner.started(at);
		this.state = VerificationState.RUNNING;
	}

	@Override
	public void heartbeat(String stage, long bytesIn, long bytesOut, Instant at) {
		require(VerificationState.RUNNING, "take a heartbeat for");
		this.runner.heartbeat(stage, bytesIn, bytesOut, at);
	}

	/**
	 * RUNNING → PASSED, FAILED or SKIPPED: the runner reported what it found. When there
	 * was no restore test, the reason is added to the detail.
	 * @param failure what failed ({@link #failureOf}), for FAILED only
	 */
	void completed(Verification outcome, @Nullable String failure, String detail, boolean restoreTested,
			@Nullable String report, Instant at) {
		require(VerificationState.RUNNING, "record the result of");
		if ((outcome == Verification.FAILED) != (failure != null)) {
			throw new IllegalArgumentException("A FAILED verification, and only a FAILED one, says what failed");
		}
		String full = detail;
		if (this.restoreMode == RestoreTestPlan.Mode.NONE && this.restoreNote != null) {
			full = detail + (detail.endsWith(".") ? "" : ".") + " No restore test: " + this.restoreNote + ".";
		}
		if (failure != null) {
			this.lastFailureKind = failure;
			this.lastFailureMessage = truncate(full, 4000);
		}
		this.restoreTested = restoreTested;
		this.report = report;
		finish(stateOf(outcome), full, at);
	}

	/**
	 * What a FAILED result found, from the statuses of its parts: a damaged object
	 * ({@code INTEGRITY}) before a failed restore test (when the object changed between
	 * the two passes, both fail).
	 */
	static @Nullable String failureOf(@Nullable String integrity, @Nullable String restore) {
		if ("FAILED".equals(integrity)) {
			return FailureKinds.INTEGRITY;
		}
		return "FAILED".equals(restore) ? FailureKinds.RESTORE_TEST : null;
	}

	/**
	 * What made the verification FAILED: {@code INTEGRITY}, {@code RESTORE_TEST}, or the
	 * runner's kind when the object could not be read; {@code null} unless FAILED.
	 */
	@Nullable String failure() {
		return (this.state == VerificationState.FAILED) ? this.lastFailureKind : null;
	}

	/**
	 * The runner could not do its job ({@code kind}: the runner's failure kind, or
	 * {@code LAUNCH_FAILED}, {@code STALLED}, {@code RUNNER_EXITED}, ...). Back to QUEUED
	 * while attempts are left and waiting may help; otherwise to the outcome
	 * {@link #outcomeOfUnrunnable} decides.
	 * @return whether the verification ended
	 */
	boolean couldNotRun(String kind, String message, int maxAttempts, Duration retryDelay, Instant at) {
		if (!this.state.isActive()) {
			throw new IllegalRunTransitionException(RunState.SUCCEEDED,
					"Verification " + this.id + " is already " + this.state);
		}
		this.lastFailureKind = kind;
		this.lastFailureMessage = truncate(message, 4000);
		boolean retry = !FINAL.contains(kind) && this.attempts < maxAttempts && this.runner.cancelRequestedAt() == null;
		if (retry) {
			this.state = VerificationState.QUEUED;
			this.notBefore = at.plus(retryDelay.multipliedBy(Math.max(1, this.attempts)));
			this.runningTargetId = null;
			this.runner.withdrawTicket();
			return false;
		}
		Verification outcome = outcomeOfUnrunnable(kind);
		String tries = (this.attempts <= 1) ? "" : " (" + this.attempts + " attempts)";
		String detail = switch (outcome) {
			case FAILED -> (FailureKinds.INTEGRITY.equals(kind) ? "The backup failed its integrity check: "
					: "The backup could not be read for verification" + tries + ": ") + message;
			default -> "Not verified" + tries + ": " + message;
		};
		finish(stateOf(outcome), detail, at);
		return true;
	}

	/**
	 * What a verification that could not run records: FAILED when the backup's object is
	 * damaged or could not be read (it would not restore either), SKIPPED otherwise (the
	 * runner, the launcher or the verification database let it down, not the backup).
	 */
	static Verification outcomeOfUnrunnable(String kind) {
		return (FailureKinds.INTEGRITY.equals(kind) || UNREADABLE.contains(kind)) ? Verification.FAILED
				: Verification.SKIPPED;
	}

	/**
	 * Asks the verification to stop. A queued one ends SKIPPED at once (returns
	 * {@code true}); a launched one is told at its next heartbeat.
	 */
	@Override
	public boolean cancelRequested(String reason, Instant at) {
		if (!this.state.isActive()) {
			throw new IllegalRunTransitionException(RunState.SUCCEEDED,
					"Verification " + this.id + " is already " + this.state);
		}
		this.runner.cancelRequested(truncate(reason, 500), at);
		if (this.state == VerificationState.QUEUED) {
			finish(VerificationState.SKIPPED, "Not verified: " + reason, at);
			return true;
		}
		return false;
	}

	/** Told to stop and it did not (or it confirmed): SKIPPED, no retry. */
	void cancelled(Instant at) {
		requireLaunched("cancel");
		String reason = (this.runner.cancelReason() != null) ? this.runner.cancelReason() : "Cancelled";
		finish(VerificationState.SKIPPED, "Not verified: " + reason + "; the runner was stopped", at);
	}

	boolean isDue(Instant now) {
		return this.state == VerificationState.QUEUED && !this.notBefore.isAfter(now);
	}

	private void finish(VerificationState terminal, String detail, Instant at) {
		this.state = terminal;
		this.detail = truncate(detail, 2000);
		this.finishedAt = at;
		// Frees the backup's and the database's slots and spends the ticket.
		this.activeRunId = null;
		this.runningTargetId = null;
		this.runner.spendTicket();
	}

	private static VerificationState stateOf(Verification outcome) {
		return switch (outcome) {
			case PASSED -> VerificationState.PASSED;
			case FAILED -> VerificationState.FAILED;
			case SKIPPED -> VerificationState.SKIPPED;
			case PENDING -> throw new IllegalArgumentException("A verification ends PASSED, FAILED or SKIPPED");
		};
	}

	private void require(VerificationState expected, String action) {
		if (this.state != expected) {
			throw new IllegalRunTransitionException(RunState.SUCCEEDED,
					"Cannot " + action + " verification " + this.id + ": it is " + this.state + ", not " + expected);
		}
	}

	private void requireLaunched(String action) {
		if (!isLaunched()) {
			throw new IllegalRunTransitionException(RunState.SUCCEEDED,
					"Cannot " + action + " verification " + this.id + ": it is " + this.state);
		}
	}

	private static String truncate(String message, int max) {
		return (message.length() <= max) ? message : message.substring(0, max - 1) + "…";
	}

	VerificationId id() {
		return new VerificationId(this.id);
	}

	TenantId tenantId() {
		return new TenantId(this.tenantId);
	}

	BackupRunId runId() {
		return new BackupRunId(this.runId);
	}

	TargetId targetId() {
		return new TargetId(this.targetId);
	}

	DatabaseLabel databaseLabel() {
		return new DatabaseLabel(this.databaseLabel);
	}

	Origin origin() {
		return this.origin;
	}

	@Override
	public RunnerJob job() {
		return RunnerJob.verification(id());
	}

	@Override
	public boolean isLaunched() {
		return this.state.isLaunched();
	}

	@Override
	public RunnerSession runner() {
		return this.runner;
	}

	VerificationState state() {
		return this.state;
	}

	int attempts() {
		return this.attempts;
	}

	Instant notBefore() {
		return this.notBefore;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	RestoreTestPlan.@Nullable Mode restoreMode() {
		return this.restoreMode;
	}

	@Nullable String restoreNote() {
		return this.restoreNote;
	}

	boolean restoreTested() {
		return this.restoreTested;
	}

	@Nullable String detail() {
		return this.detail;
	}

	@Nullable String lastFailureKind() {
		return this.lastFailureKind;
	}

	@Nullable String lastFailureMessage() {
		return this.lastFailureMessage;
	}

	@Nullable String report() {
		return this.report;
	}

}
