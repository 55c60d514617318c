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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The verification state machine, one named transition at a time. */
class BackupVerificationTests {

	static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

	static final String TICKET_HASH = RunTickets.hash("ticket");

	static final Duration RETRY = Duration.ofMinutes(10);

	static final RestoreTestPlan EXISTING = new RestoreTestPlan(RestoreTestPlan.Mode.EXISTING, null);

	static final RestoreTestPlan NONE = new RestoreTestPlan(RestoreTestPlan.Mode.NONE,
			"no verification database is configured");

	BackupVerification queued() {
		return BackupVerification.queued(new TenantId(UUID.randomUUID()), new BackupRunId(UUID.randomUUID()),
				new TargetId(UUID.randomUUID()), DatabaseLabel.DEFAULT, BackupVerification.Origin.AUTOMATIC, T0);
	}

	BackupVerification running(RestoreTestPlan restore) {
		BackupVerification verification = queued();
		verification.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", restore, T0);
		verification.running(T0.plusSeconds(5));
		return verification;
	}

	@Test
	void walksTheHappyPathAndSpendsTheTicket() {
		BackupVerification verification = queued();
		assertThat(verification.state()).isEqualTo(VerificationState.QUEUED);
		assertThat(verification.isDue(T0)).isTrue();
		verification.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", EXISTING, T0);
		assertThat(verification.state()).isEqualTo(VerificationState.LAUNCHING);
		assertThat(verification.attempts()).isEqualTo(1);
		assertThat(verification.acceptsTicket(TICKET_HASH, T0.plusSeconds(1))).isTrue();
		assertThat(verification.acceptsTicket(RunTickets.hash("other"), T0.plusSeconds(1))).isFalse();
		assertThat(verification.acceptsTicket(TICKET_HASH, T0.plusSeconds(3600))).as("expired").isFalse();
		verification.running(T0.plusSeconds(5));
		verification.running(T0.plusSeconds(6));
		assertThat(verification.runner().startedAt()).as("a second spec fetch changes nothing")
			.isEqualTo(T0.plusSeconds(5));
		verification.heartbeat("restore", 100, 0, T0.plusSeconds(30));
		assertThat(verification.runner().stage()).isEqualTo("restore");
		verification.completed(Verification.PASSED, null, "Read 3 tables, restored them and counted every row.", true,
				"{}", T0.plusSeconds(60));
		assertThat(verification.state()).isEqualTo(VerificationState.PASSED);
		assertThat(verification.restoreTested()).isTrue();
		assertThat(verification.detail()).isEqualTo("Read 3 tables, restored them and counted every row.");
		assertThat(verification.acceptsTicket(TICKET_HASH, T0.plusSeconds(61))).as("spent").isFalse();
		assertThat(verification.state().isActive()).isFalse();
	}

	@Test
	void saysWhyThereWasNoRestoreTest() {
		BackupVerification verification = running(NONE);
		verification.completed(Verification.PASSED, null, "The backup's checksums and archive are intact", false, null,
				T0.plusSeconds(60));
		assertThat(verification.detail()).isEqualTo("The backup's checksums and archive are intact."
				+ " No restore test: no verification database is configured.");
	}

	@Test
	void transitionsCheckTheStateTheyStartFrom() {
		BackupVerification verification = queued();
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> verification.running(T0.plusSeconds(1)));
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> verification.heartbeat("download", 1, 1, T0));
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> verification.completed(Verification.PASSED, null, "x", false, null, T0));
		verification.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", NONE, T0);
		assertThatExceptionOfType(IllegalRunTransitionException.class).as("a heartbeat needs the spec fetched")
			.isThrownBy(() -> verification.heartbeat("download", 1, 1, T0));
		verification.running(T0);
		verification.completed(Verification.FAILED, FailureKinds.INTEGRITY, "Checksum differs", false, null, T0);
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> verification.completed(Verification.PASSED, null, "again", false, null, T0));
		assertThatExceptionOfType(IllegalRunTransitionException.class)
			.isThrownBy(() -> verification.couldNotRun("STALLED", "late", 3, RETRY, T0));
	}

	@Test
	void aRunnerThatCouldNotRunIsRetriedLaterThenSkipped() {
		BackupVerification verification = running(EXISTING);
		assertThat(verification.couldNotRun(FailureKinds.STALLED, "no heartbeat", 3, RETRY, T0.plusSeconds(100)))
			.isFalse();
		assertThat(verification.state()).isEqualTo(VerificationState.QUEUED);
		assertThat(verification.acceptsTicket(TICKET_HASH, T0.plusSeconds(101))).as("spent").isFalse();
		assertThat(verification.notBefore()).isEqualTo(T0.plusSeconds(100).plus(RETRY));
		assertThat(verification.isDue(T0.plusSeconds(101))).isFalse();
		assertThat(verification.isDue(T0.plusSeconds(100).plus(RETRY))).isTrue();
		verification.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", EXISTING, T0);
		assertThat(verification.couldNotRun(FailureKinds.LAUNCH_FAILED, "no dyno", 3, RETRY, T0.plusSeconds(200)))
			.isFalse();
		assertThat(verification.notBefore()).as("waits longer each time")
			.isEqualTo(T0.plusSeconds(200).plus(RETRY.multipliedBy(2)));
		verification.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", EXISTING, T0);
		assertThat(verification.couldNotRun(FailureKinds.RUNNER_EXITED, "exit code 1", 3, RETRY, T0.plusSeconds(300)))
			.isTrue();
		assertThat(verification.state()).isEqualTo(VerificationState.SKIPPED);
		assertThat(verification.detail()).isEqualTo("Not verified (3 attempts): exit code 1");
		assertThat(verification.lastFailureKind()).isEqualTo(FailureKinds.RUNNER_EXITED);
	}

	@Test
	void aBackupWhoseObjectCannotBeReadIsFailedNotSkipped() {
		BackupVerification verification = running(NONE);
		assertThat(verification.couldNotRun("DESTINATION_FAILED", "GET answered 404 NoSuchKey", 1, RETRY, T0)).isTrue();
		assertThat(verification.state()).isEqualTo(VerificationState.FAILED);
		assertThat(verification.detail())
			.isEqualTo("The backup could not be read for verification: GET answered 404 NoSuchKey");
		assertThat(BackupVerification.outcomeOfUnrunnable("BUCKET_MISSING")).isEqualTo(Verification.FAILED);
		assertThat(BackupVerification.outcomeOfUnrunnable("DESTINATION_ACCESS_DENIED")).isEqualTo(Verification.FAILED);
		assertThat(BackupVerification.outcomeOfUnrunnable(FailureKinds.STALLED)).isEqualTo(Verification.SKIPPED);
		assertThat(BackupVerification.outcomeOfUnrunnable("AUTHENTICATION_FAILED")).as("the verification database")
			.isEqualTo(Verification.SKIPPED);
	}

	@Test
	void aDamagedObjectIsFailedAtOnceWithoutRetry() {
		BackupVerification verification = running(NONE);
		assertThat(verification.couldNotRun("INTEGRITY", "the HMAC differs", 3, RETRY, T0)).isTrue();
		assertThat(verification.state()).isEqualTo(VerificationState.FAILED);
		assertThat(verification.detail()).isEqualTo("The backup failed its integrity check: the HMAC differs");
		assertThat(verification.failure()).isEqualTo(FailureKinds.INTEGRITY);
	}

	@Test
	void aFailedResultSaysWhetherTheObjectOrItsRestoreTestFailed() {
		assertThat(BackupVerification.failureOf("FAILED", null)).isEqualTo(FailureKinds.INTEGRITY);
		assertThat(BackupVerification.failureOf("FAILED", "FAILED")).as("the object changed between the passes")
			.isEqualTo(FailureKinds.INTEGRITY);
		assertThat(BackupVerification.failureOf("PASSED", "FAILED")).isEqualTo(FailureKinds.RESTORE_TEST);
		assertThat(BackupVerification.failureOf("PASSED", "PASSED")).isNull();

		BackupVerification restored = running(EXISTING);
		// a runner that could not run at first leaves its kind behind
		restored.couldNotRun(FailureKinds.RUNNER_EXITED, "exit 137", 3, RETRY, T0);
		restored.launching(TICKET_HASH, T0.plusSeconds(7200), T0.plusSeconds(1800), "local", EXISTING,
				T0.plusSeconds(60));
		restored.running(T0.plusSeconds(61));
		restored.completed(Verification.FAILED, FailureKinds.RESTORE_TEST,
				"The backup is intact, but the restore test failed: 1 table differs", true, "{}", T0.plusSeconds(90));
		assertThat(restored.failure()).isEqualTo(FailureKinds.RESTORE_TEST);
		assertThat(restored.lastFailureMessage()).startsWith("The backup is intact");

		BackupVerification passed = running(EXISTING);
		passed.completed(Verification.PASSED, null, "All good.", true, "{}", T0);
		assertThat(passed.failure()).isNull();
		assertThatIllegalArgumentException().as("a FAILED result says what failed")
			.isThrownBy(() -> running(EXISTING).completed(Verification.FAILED, null, "bad", false, null, T0));

		BackupVerification unreadable = running(NONE);
		unreadable.couldNotRun("BUCKET_MISSING", "NoSuchBucket", 1, RETRY, T0);
		assertThat(unreadable.failure()).isEqualTo("BUCKET_MISSING");
		BackupVerification skipped = running(NONE);
		skipped.couldNotRun(FailureKinds.STALLED, "no heartbeat", 1, RETRY, T0);
		assertThat(skipped.failure()).isNull();
	}

	@Test
	void nothingConfiguredIsSkippedAtOnce() {
		BackupVerification verification = queued();
		assertThat(verification.couldNotRun(FailureKinds.NOT_CONFIGURED, "No database labelled DATABASE", 3, RETRY, T0))
			.isTrue();
		assertThat(verification.state()).isEqualTo(VerificationState.SKIPPED);
		assertThat(verification.detail()).isEqualTo("Not verified: No database labelled DATABASE");
	}

	@Test
	void aQueuedVerificationCancelsAtOnceALaunchedOneIsToldAndIsNotRetried() {
		BackupVerification queued = queued();
		assertThat(queued.cancelRequested("the add-on was removed", T0)).isTrue();
		assertThat(queued.state()).isEqualTo(VerificationState.SKIPPED);
		assertThat(queued.detail()).isEqualTo("Not verified: the add-on was removed");

		BackupVerification launched = running(EXISTING);
		assertThat(launched.cancelRequested("it ran too long", T0.plusSeconds(10))).isFalse();
		assertThat(launched.runner().cancelRequestedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(launched.isCancelOverdue(Duration.ofMinutes(2), T0.plusSeconds(60))).isFalse();
		assertThat(launched.isCancelOverdue(Duration.ofMinutes(2), T0.plusSeconds(200))).isTrue();
		assertThat(launched.couldNotRun("CANCELLED", "stopped", 3, RETRY, T0.plusSeconds(20)))
			.as("told to stop: no retry")
			.isTrue();
		assertThat(launched.state()).isEqualTo(VerificationState.SKIPPED);
	}

	@Test
	void stallsAndDeadlinesCountFromTheLaunch() {
		BackupVerification verification = queued();
		assertThat(verification.isStalled(Duration.ofMinutes(10), T0.plusSeconds(3600))).as("not launched").isFalse();
		verification.launching(TICKET_HASH, T0.plusSeconds(7200), T0.plusSeconds(1800), "local", NONE, T0);
		assertThat(verification.isStalled(Duration.ofMinutes(10), T0.plusSeconds(601))).isTrue();
		verification.running(T0.plusSeconds(590));
		assertThat(verification.isStalled(Duration.ofMinutes(10), T0.plusSeconds(601))).isFalse();
		assertThat(verification.isPastDeadline(T0.plusSeconds(1801))).isTrue();
	}

	@Test
	void theBackupKeepsADefiniteOutcomeWhenALaterVerificationIsSkipped() {
		BackupRun run = BackupRun.queued(new TenantId(UUID.randomUUID()), new TargetId(UUID.randomUUID()),
				DatabaseLabel.DEFAULT, RunOrigin.MANUAL, null, T0);
		assertThatExceptionOfType(IllegalRunTransitionException.class).as("only a backup that succeeded")
			.isThrownBy(() -> run.verified(Verification.PASSED, "x", T0));
		run.launching(TICKET_HASH, T0.plusSeconds(3600), T0.plusSeconds(1800), "local", T0);
		run.running(T0);
		run.succeeded(BackupRunTests.outcome(), T0.plusSeconds(60));
		assertThat(run.verified(Verification.SKIPPED, "Not verified: no dyno", T0.plusSeconds(70))).isTrue();
		assertThat(run.verification()).isEqualTo(Verification.SKIPPED);
		assertThat(run.verified(Verification.FAILED, "The HMAC differs", T0.plusSeconds(80))).isTrue();
		assertThat(run.verified(Verification.SKIPPED, "Not verified: stalled", T0.plusSeconds(90)))
			.as("a skipped re-verification does not hide a failure")
			.isFalse();
		assertThat(run.verification()).isEqualTo(Verification.FAILED);
		assertThat(run.verificationDetail()).isEqualTo("The HMAC differs");
		assertThat(run.verifiedAt()).isEqualTo(T0.plusSeconds(80));
		assertThat(run.verified(Verification.PASSED, "All good", T0.plusSeconds(100))).isTrue();
		assertThat(run.verification()).isEqualTo(Verification.PASSED);
	}

}
