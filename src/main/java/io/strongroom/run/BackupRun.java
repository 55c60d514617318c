package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;
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
 * One backup run and its state machine. Every transition is a named method that checks
 * the state it starts from; there are no setters.
 * <p>
 * Two database constraints keep runs from doubling: {@code (target_id, slot)} is unique
 * (a manual run has no slot, and NULLs never collide), and {@code active_target_id},
 * which holds the target id only while the run is QUEUED, LAUNCHING or RUNNING, is
 * unique: a database has at most one active run, on PostgreSQL and H2 alike, without a
 * partial index.
 */
@Entity
@Table(name = "run_backup")
class BackupRun implements RunnerJobEntity {

	@Id
	private UUID id;

	@Column(nullable = false)
	private UUID tenantId;

	@Column(nullable = false)
	private UUID targetId;

	@Column(nullable = false)
	private String databaseLabel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RunOrigin origin;

	@Nullable private Instant slot;

	@Nullable private UUID activeTargetId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RunState state;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Verification verification;

	@Column(nullable = false)
	private Instant createdAt;

	@Nullable private Instant finishedAt;

	@Embedded
	private RunnerSession runner = new RunnerSession();

	@Nullable private String engine;

	@Nullable private String compression;

	@Nullable private String objectKey;

	@Nullable private String manifestKey;

	@Nullable private String sha256;

	@Nullable private String hmacSha256;

	@Nullable private String serverVersion;

	@Nullable private String clientVersion;

	@Nullable private String durations;

	@Nullable private String statistics;

	@Nullable private String failureKind;

	@Nullable private String failureMessage;

	@Nullable private String verificationDetail;

	@Nullable private Instant verifiedAt;

	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private BackupDeletion deletion = BackupDeletion.NONE;

	@Nullable private Instant deletionAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private UploadAbort uploadAbort = UploadAbort.NONE;

	@Column(nullable = false)
	private int uploadAbortAttempts;

	@Nullable private Instant uploadAbortDueAt;

	@Nullable private String uploadAbortError;

	protected BackupRun() {
	}

	static BackupRun queued(TenantId tenant, TargetId target, DatabaseLabel label, RunOrigin origin,
			@Nullable Instant slot, Instant at) {
		BackupRun run = new BackupRun();
		run.id = UUID.randomUUID();
		run.tenantId = tenant.value();
		run.targetId = target.value();
		run.activeTargetId = target.value();
		run.databaseLabel = label.value();
		run.origin = origin;
		run.slot = slot;
		run.state = RunState.QUEUED;
		run.verification = Verification.PENDING;
		run.createdAt = at;
		return run;
	}

	/**
	 * QUEUED → LAUNCHING: a launcher has room; the ticket is the runner's only
	 * credential.
	 */
	void launching(String ticketHash, Instant ticketExpiresAt, Instant deadline, String launcher, Instant at) {
		require(RunState.QUEUED, "launch");
		this.runner.launching(ticketHash, ticketExpiresAt, deadline, launcher, at);
		this.state = RunState.LAUNCHING;
	}

	@Override
	public void launched(String launcherRef) {
		requireAlive("record the launched runner of");
		this.runner.launched(launcherRef);
	}

	@Override
	public void running(Instant at) {
		if (this.state == RunState.RUNNING) {
			this.runner.contact(at);
			return;
		}
		require(RunState.LAUNCHING, "start");
		this.runner.started(at);
		this.state = RunState.RUNNING;
	}

	@Override
	public void heartbeat(String stage, long bytesIn, long bytesOut, Instant at) {
		require(RunState.RUNNING, "take a heartbeat for");
		this.runner.heartbeat(stage, bytesIn, bytesOut, at);
	}

	/** RUNNING → SUCCEEDED: the object and its manifest are in the destination. */
	void succeeded(RunOutcome outcome, Instant at) {
		require(RunState.RUNNING, "succeed");
		this.objectKey = outcome.objectKey();
		this.manifestKey = outcome.manifestKey();
		this.engine = outcome.engine();
		this.compression = outcome.compression();
		this.sha256 = outcome.sha256();
		this.hmacSha256 = outcome.hmacSha256();
		this.durations = outcome.durationsJson();
		this.serverVersion = outcome.serverVersion();
		this.clientVersion = outcome.clientVersion();
		this.statistics = outcome.statisticsJson();
		this.runner.completed(outcome.bytesIn(), outcome.bytesOut());
		finish(RunState.SUCCEEDED, at);
	}

	/** QUEUED, LAUNCHING or RUNNING → FAILED. */
	void failed(String kind, String message, Instant at) {
		if (!this.state.isActive()) {
			throw new IllegalRunTransitionException(this.state, "Run " + this.id + " is already " + this.state);
		}
		this.failureKind = kind;
		this.failureMessage = truncate(message, 4000);
		this.verification = Verification.SKIPPED;
		finish(RunState.FAILED, at);
	}

	/** LAUNCHING or RUNNING → FAILED (stalled): no call from the runner for too long. */
	void stalled(Duration timeout, Instant at) {
		requireAlive("mark stalled");
		failed(FailureKinds.STALLED, "The runner sent no heartbeat for " + describe(timeout)
				+ ": it stopped or hung; the next backup starts afresh.", at);
	}

	/**
	 * The run ended because its runner was given up on (stalled, ended without a report,
	 * did not obey a cancel): the web side is to abort the upload the runner may have
	 * left, from {@code at} on. Recorded in the transaction that ends the run, so a
	 * process that stops before it cleans up leaves the abort to the next sweep. A runner
	 * that never fetched its spec started no upload.
	 */
	void uploadAbortPending(Instant at) {
		if (this.state.isActive()) {
			throw new IllegalRunTransitionException(this.state, "Run " + this.id + " has not ended");
		}
		if (this.runner.startedAt() != null && this.uploadAbort == UploadAbort.NONE) {
			this.uploadAbort = UploadAbort.PENDING;
			this.uploadAbortDueAt = at;
		}
	}

	/** Whether an attempt to abort the unfinished upload is due at {@code now}. */
	boolean isUploadAbortDue(Instant now) {
		return this.uploadAbort == UploadAbort.PENDING && this.uploadAbortDueAt != null
				&& !this.uploadAbortDueAt.isAfter(now);
	}

	/**
	 * Takes the due attempt: counts it, and makes the next one due as if this one will
	 * fail, so that no other process tries meanwhile and a process that stops in the
	 * middle leaves it to a later sweep.
	 */
	void uploadAbortAttempted(UploadAbortRetry retry, Instant now) {
		if (!isUploadAbortDue(now)) {
			throw new IllegalStateException("Run " + this.id + " has no upload abort due");
		}
		this.uploadAbortAttempts++;
		this.uploadAbortDueAt = now.plus(retry.waitAfter(this.uploadAbortAttempts));
	}

	/** The unfinished upload is gone. */
	void uploadAborted() {
		this.uploadAbort = UploadAbort.ABORTED;
		this.uploadAbortDueAt = null;
		this.uploadAbortError = null;
	}

	/**
	 * The attempt failed with {@code error} (a message without a secret): the next one
	 * stays due as {@link #uploadAbortAttempted} set it, unless the attempts are used up
	 * or {@code retryable} is false (nothing left to try it against).
	 */
	void uploadAbortFailed(String error, boolean retryable, UploadAbortRetry retry) {
		this.uploadAbortError = truncate(error, 500);
		if (!retryable || retry.usedUp(this.uploadAbortAttempts)) {
			this.uploadAbort = UploadAbort.GAVE_UP;
			this.uploadAbortDueAt = null;
		}
	}

	/**
	 * Asks the run to stop. A run that has not launched is cancelled at once (returns
	 * {@code true}); a launched one is told at its next heartbeat and stops itself.
	 */
	@Override
	public boolean cancelRequested(String reason, Instant at) {
		if (!this.state.isActive()) {
			throw new IllegalRunTransitionException(this.state,
					"This backup is already " + this.state.name().toLowerCase() + "; there is nothing to cancel");
		}
		this.runner.cancelRequested(reason, at);
		if (this.state == RunState.QUEUED) {
			cancelled(reason, at);
			return true;
		}
		return false;
	}

	/** → CANCELLED: the runner confirmed, or it did not stop within the grace period. */
	void cancelled(String message, Instant at) {
		if (!this.state.isActive()) {
			throw new IllegalRunTransitionException(this.state, "Run " + this.id + " is already " + this.state);
		}
		this.failureKind = "CANCELLED";
		this.failureMessage = truncate(message, 4000);
		this.verification = Verification.SKIPPED;
		finish(RunState.CANCELLED, at);
	}

	/**
	 * Records what a verification of this (successful) run found. A SKIPPED verification
	 * (nothing could be checked) never replaces what an earlier one found: a backup once
	 * found FAILED stays FAILED, and one found PASSED stays PASSED, until a verification
	 * that ran says otherwise.
	 * @return whether the run's recorded outcome changed
	 */
	boolean verified(Verification outcome, String detail, Instant at) {
		require(RunState.SUCCEEDED, "record a verification of");
		if (outcome == Verification.PENDING) {
			throw new IllegalArgumentException("A verification ends PASSED, FAILED or SKIPPED");
		}
		if (outcome == Verification.SKIPPED
				&& (this.verification == Verification.PASSED || this.verification == Verification.FAILED)) {
			return false;
		}
		this.verification = outcome;
		this.verificationDetail = truncate(detail, 2000);
		this.verifiedAt = at;
		return true;
	}

	/**
	 * Retention decided to delete this backup: from now on it is not offered for download
	 * or restore. Idempotent (a retried delete finds it deleting already).
	 * @return whether this call changed the run
	 */
	boolean deleting(Instant at) {
		require(RunState.SUCCEEDED, "delete the backup of");
		if (this.deletion != BackupDeletion.NONE) {
			return false;
		}
		this.deletion = BackupDeletion.DELETING;
		this.deletionAt = at;
		return true;
	}

	/**
	 * The backup's object and manifest are gone. Idempotent.
	 * @return whether this call changed the run
	 */
	boolean deleted(Instant at) {
		require(RunState.SUCCEEDED, "mark deleted the backup of");
		if (this.deletion == BackupDeletion.DELETED) {
			return false;
		}
		this.deletion = BackupDeletion.DELETED;
		this.deletionAt = at;
		return true;
	}

	/**
	 * Whether the backup can be downloaded or restored: it succeeded and is not deleted.
	 */
	boolean offeredForRestore() {
		return this.state == RunState.SUCCEEDED && this.objectKey != null && this.deletion == BackupDeletion.NONE;
	}

	private void finish(RunState terminal, Instant at) {
		this.state = terminal;
		this.finishedAt = at;
		// Frees the database's active slot and spends the ticket.
		this.activeTargetId = null;
		this.runner.spendTicket();
	}

	private void require(RunState expected, String action) {
		if (this.state != expected) {
			throw new IllegalRunTransitionException(this.state,
					"Cannot " + action + " run " + this.id + ": it is " + this.state + ", not " + expected);
		}
	}

	private void requireAlive(String action) {
		if (!isLaunched()) {
			throw new IllegalRunTransitionException(this.state,
					"Cannot " + action + " run " + this.id + ": it is " + this.state);
		}
	}

	private static String truncate(String message, int max) {
		return (message.length() <= max) ? message : message.substring(0, max - 1) + "…";
	}

	static String describe(Duration duration) {
		if (duration.toSeconds() % 60 != 0 || duration.toMinutes() == 0) {
			return duration.toSeconds() + " s";
		}
		return duration.toMinutes() + " min";
	}

	BackupRunId id() {
		return new BackupRunId(this.id);
	}

	TenantId tenantId() {
		return new TenantId(this.tenantId);
	}

	TargetId targetId() {
		return new TargetId(this.targetId);
	}

	DatabaseLabel databaseLabel() {
		return new DatabaseLabel(this.databaseLabel);
	}

	/** The target id while the run is active, otherwise null (see the class comment). */
	@Nullable UUID activeTargetId() {
		return this.activeTargetId;
	}

	RunOrigin origin() {
		return this.origin;
	}

	@Nullable Instant slot() {
		return this.slot;
	}

	RunState state() {
		return this.state;
	}

	@Override
	public RunnerJob job() {
		return RunnerJob.backup(id());
	}

	@Override
	public boolean isLaunched() {
		return this.state.isLaunched();
	}

	@Override
	public RunnerSession runner() {
		return this.runner;
	}

	Verification verification() {
		return this.verification;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	@Nullable String engine() {
		return this.engine;
	}

	@Nullable String compression() {
		return this.compression;
	}

	@Nullable String objectKey() {
		return this.objectKey;
	}

	@Nullable String manifestKey() {
		return this.manifestKey;
	}

	@Nullable String sha256() {
		return this.sha256;
	}

	@Nullable String hmacSha256() {
		return this.hmacSha256;
	}

	@Nullable String serverVersion() {
		return this.serverVersion;
	}

	@Nullable String clientVersion() {
		return this.clientVersion;
	}

	@Nullable String durationsJson() {
		return this.durations;
	}

	@Nullable String statisticsJson() {
		return this.statistics;
	}

	@Nullable String failureKind() {
		return this.failureKind;
	}

	/**
	 * Why the run failed or was cancelled, and, when its runner was given up on, where
	 * the abort of its unfinished upload stands.
	 */
	@Nullable String failureMessage() {
		String upload = switch (this.uploadAbort) {
			case NONE -> null;
			case PENDING -> "Strongroom is aborting its unfinished upload.";
			case ABORTED -> "Its unfinished upload was aborted.";
			case GAVE_UP -> "Its unfinished upload could not be aborted (" + this.uploadAbortError + ", "
					+ this.uploadAbortAttempts + ((this.uploadAbortAttempts == 1) ? " attempt" : " attempts")
					+ "): an S3 lifecycle rule for incomplete multipart uploads removes it; otherwise remove it by hand.";
		};
		if (this.failureMessage == null || upload == null) {
			return this.failureMessage;
		}
		return truncate(this.failureMessage, 3999 - upload.length()) + " " + upload;
	}

	UploadAbort uploadAbort() {
		return this.uploadAbort;
	}

	int uploadAbortAttempts() {
		return this.uploadAbortAttempts;
	}

	@Nullable String verificationDetail() {
		return this.verificationDetail;
	}

	@Nullable Instant verifiedAt() {
		return this.verifiedAt;

	}

	BackupDeletion deletion() {
		return this.deletion;
	}

	@Nullable Instant deletionAt() {
		return this.deletionAt;
	}

}
