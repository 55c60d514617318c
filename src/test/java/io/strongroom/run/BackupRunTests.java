package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The run state machine of ARCHITECTURE.md, one named transition at a time. */
class BackupRunTests {

	static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

	static final String TICKET_HASH = RunTickets.hash("ticket");

	BackupRun queued() {
		return BackupRun.queued(new TenantId(UUID.randomUUID()), new TargetId(UUID.randomUUID()), DatabaseLabel.DEFAULT,
				RunOrigin.MANUAL, null, T0);
	}

	BackupRun running() {
		BackupRun run = queued();
		run.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", T0);
		run.running(T0.plusSeconds(5));
		return run;
	}

	static RunOutcome outcome() {
		return new RunOutcome("backups/a/DATABASE/x.dump.zst.enc", "backups/a/DATABASE/x.dump.zst.enc.manifest.json",
				"postgres", "zstd", 100, 40, "a".repeat(64), "b".repeat(64), "{}", "15.19", "pg_dump 15.19", "{}");
	}

	@Test
	void walksTheHappyPathAndSpendsTheTicket() {
		BackupRun run = queued();
		assertThat(run.state()).isEqualTo(RunState.QUEUED);
		run.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", T0);
		assertThat(run.state()).isEqualTo(RunState.LAUNCHING);
		assertThat(run.acceptsTicket(TICKET_HASH, T0.plusSeconds(1))).isTrue();
		run.running(T0.plusSeconds(5));
		run.running(T0.plusSeconds(6));
		assertThat(run.state()).isEqualTo(RunState.RUNNING);
		assertThat(run.runner().startedAt()).as("a second spec fetch changes nothing").isEqualTo(T0.plusSeconds(5));
		run.heartbeat("upload", 50, 20, T0.plusSeconds(30));
		run.succeeded(outcome(), T0.plusSeconds(60));
		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(run.verification()).isEqualTo(Verification.PENDING);
		assertThat(run.acceptsTicket(TICKET_HASH, T0.plusSeconds(61))).as("spent").isFalse();
		run.verified(Verification.PASSED, "SHA-256 and HMAC-SHA256 match.", T0.plusSeconds(90));
		assertThat(run.verification()).isEqualTo(Verification.PASSED);
	}

	@Test
	void ticketsServeOnlyTheirRunWhileItIsLaunchedAndUnexpired() {
		BackupRun run = queued();
		assertThat(run.acceptsTicket(TICKET_HASH, T0)).as("not launched yet").isFalse();
		run.launching(TICKET_HASH, T0.plusSeconds(60), T0.plusSeconds(30), "local", T0);
		assertThat(run.acceptsTicket(RunTickets.hash("other"), T0)).isFalse();
		assertThat(run.acceptsTicket(TICKET_HASH, T0.plusSeconds(60))).as("expired").isFalse();
		assertThat(run.acceptsTicket(TICKET_HASH, T0.plusSeconds(59))).isTrue();
	}

	@Test
	void refusesTransitionsItsStateDoesNotAllow() {
		BackupRun run = queued();
		assertThatExceptionOfType(IllegalRunTransitionException.class).isThrownBy(() -> run.running(T0));
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> run.heartbeat("dump", 1, 1, T0));
		assertThatExceptionOfType(IllegalRunTransitionException.class).isThrownBy(() -> run.succeeded(outcome(), T0));
		BackupRun done = running();
		done.succeeded(outcome(), T0.plusSeconds(9));
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> done.failed("DUMP_FAILED", "x", T0));
		assertThatExceptionOfType(IllegalRunTransitionException.class).isThrownBy(() -> done.cancelRequested("x", T0))
			.withMessageContaining("nothing to cancel");
	}

	@Test
	void cancellingAQueuedRunEndsItAtOnceButALaunchedOneIsAskedToStop() {
		BackupRun waiting = queued();
		assertThat(waiting.cancelRequested("Cancelled on request", T0)).isTrue();
		assertThat(waiting.state()).isEqualTo(RunState.CANCELLED);
		BackupRun run = running();
		assertThat(run.cancelRequested("Cancelled on request", T0.plusSeconds(10))).isFalse();
		assertThat(run.state()).isEqualTo(RunState.RUNNING);
		assertThat(run.isCancelOverdue(Duration.ofMinutes(2), T0.plusSeconds(60))).isFalse();
		assertThat(run.isCancelOverdue(Duration.ofMinutes(2), T0.plusSeconds(131))).isTrue();
		run.cancelled("stopped", T0.plusSeconds(20));
		assertThat(run.state()).isEqualTo(RunState.CANCELLED);
		assertThat(run.verification()).isEqualTo(Verification.SKIPPED);
	}

	@Test
	void aSilentRunnerStallsAfterTheTimeout() {
		BackupRun run = running();
		run.heartbeat("dump", 10, 5, T0.plusSeconds(10));
		Duration timeout = Duration.ofMinutes(10);
		assertThat(run.isStalled(timeout, T0.plusSeconds(10).plus(timeout))).isFalse();
		assertThat(run.isStalled(timeout, T0.plusSeconds(11).plus(timeout))).isTrue();
		run.stalled(timeout, T0.plusSeconds(700));
		assertThat(run.state()).isEqualTo(RunState.FAILED);
		assertThat(run.failureKind()).isEqualTo(FailureKinds.STALLED);
		assertThat(run.failureMessage()).contains("no heartbeat for 10 min");
		assertThat(run.isStalled(timeout, T0.plusSeconds(10_000))).as("only live runs stall").isFalse();
	}

	@Test
	void heartbeatsNeverMoveBytesBackwards() {
		BackupRun run = running();
		run.heartbeat("dump", 100, 50, T0.plusSeconds(10));
		run.heartbeat("upload", 90, 40, T0.plusSeconds(20));
		assertThat(run.runner().bytesIn()).isEqualTo(100);
		assertThat(run.runner().bytesOut()).isEqualTo(50);
		assertThat(run.runner().stage()).isEqualTo("upload");
	}

	@Test
	void aRunPastItsDeadlineIsNoticed() {
		BackupRun run = running();
		assertThat(run.isPastDeadline(T0.plusSeconds(1800))).isFalse();
		assertThat(run.isPastDeadline(T0.plusSeconds(1801))).isTrue();
	}

	@Test
	void theAbortOfAGivenUpRunnersUploadIsPendingUntilItSucceedsAndTheMessageSaysSo() {
		UploadAbortRetry retry = new UploadAbortRetry(Duration.ofSeconds(30));
		BackupRun run = running();
		run.stalled(Duration.ofMinutes(10), T0.plusSeconds(700));
		run.uploadAbortPending(T0.plusSeconds(700));
		assertThat(run.failureMessage()).endsWith("it stopped or hung; the next backup starts afresh."
				+ " Strongroom is aborting its unfinished upload.");
		assertThat(run.isUploadAbortDue(T0.plusSeconds(700))).isTrue();
		run.uploadAbortAttempted(retry, T0.plusSeconds(700));
		assertThat(run.isUploadAbortDue(T0.plusSeconds(729))).as("taken: no second try meanwhile").isFalse();
		run.uploadAbortFailed("The backup folder /mnt/b does not exist", true, retry);
		assertThat(run.uploadAbort()).isEqualTo(UploadAbort.PENDING);
		assertThat(run.isUploadAbortDue(T0.plusSeconds(730))).as("due again after the wait").isTrue();
		run.uploadAbortAttempted(retry, T0.plusSeconds(730));
		run.uploadAborted();
		assertThat(run.uploadAbortAttempts()).isEqualTo(2);
		assertThat(run.isUploadAbortDue(T0.plusSeconds(100_000))).isFalse();
		assertThat(run.failureMessage()).endsWith("the next backup starts afresh. Its unfinished upload was aborted.")
			.doesNotContain("aborting");
	}

	@Test
	void anAbortGivesUpWhenItsAttemptsAreUsedUpOrThereIsNothingToTryItAgainst() {
		UploadAbortRetry retry = new UploadAbortRetry(Duration.ofSeconds(30));
		BackupRun run = running();
		run.failed(FailureKinds.RUNNER_EXITED, "The runner ended (exit code 137) without reporting a result.",
				T0.plusSeconds(60));
		run.uploadAbortPending(T0.plusSeconds(60));
		Instant at = T0.plusSeconds(60);
		for (int attempt = 1; attempt <= UploadAbortRetry.MAX_ATTEMPTS; attempt++) {
			assertThat(run.isUploadAbortDue(at)).as("attempt %d", attempt).isTrue();
			run.uploadAbortAttempted(retry, at);
			run.uploadAbortFailed("Access Denied (bucket acme)", true, retry);
			at = at.plus(retry.waitAfter(attempt));
		}
		assertThat(run.uploadAbort()).isEqualTo(UploadAbort.GAVE_UP);
		assertThat(run.isUploadAbortDue(at.plusSeconds(100_000))).isFalse();
		assertThat(run.failureMessage()).contains("without reporting a result. Its unfinished upload could not be"
				+ " aborted (Access Denied (bucket acme), 10 attempts)");

		BackupRun orphan = running();
		orphan.failed(FailureKinds.STALLED, "silent", T0.plusSeconds(60));
		orphan.uploadAbortPending(T0.plusSeconds(60));
		orphan.uploadAbortAttempted(retry, T0.plusSeconds(60));
		orphan.uploadAbortFailed("the add-on has no destination any more", false, retry);
		assertThat(orphan.uploadAbort()).isEqualTo(UploadAbort.GAVE_UP);
		assertThat(orphan.failureMessage()).contains("(the add-on has no destination any more, 1 attempt)");
	}

	@Test
	void aRunnerThatNeverFetchedItsSpecLeftNoUploadToAbort() {
		BackupRun run = queued();
		run.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", T0);
		run.stalled(Duration.ofMinutes(10), T0.plusSeconds(700));
		run.uploadAbortPending(T0.plusSeconds(700));
		assertThat(run.uploadAbort()).isEqualTo(UploadAbort.NONE);
		assertThat(run.failureMessage()).doesNotContain("upload");
		assertThatExceptionOfType(IllegalRunTransitionException.class).as("only an ended run's upload is aborted")
			.isThrownBy(() -> running().uploadAbortPending(T0));
	}

	@Test
	void retriesWaitTwiceAsLongEachTimeButNeverMoreThanAnHour() {
		UploadAbortRetry retry = new UploadAbortRetry(Duration.ofSeconds(30));
		assertThat(retry.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(retry.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(retry.waitAfter(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(retry.waitAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(retry.waitAfter(1000)).isEqualTo(Duration.ofHours(1));
		assertThat(retry.usedUp(9)).isFalse();
		assertThat(retry.usedUp(10)).isTrue();
	}

}
