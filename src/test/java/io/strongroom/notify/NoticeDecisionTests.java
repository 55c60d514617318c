package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.strongroom.notify.BackupOutcome.Result;
import io.strongroom.notify.NoticeDecision.Decision;
import io.strongroom.notify.VerificationOutcome.Status;
import io.strongroom.runner.FailureKind;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeDecisionTests {

	static final TenantId TENANT = TenantId.of("0b7c7a55-4b0e-4a4b-9c39-6a3f7d3e1b11");

	static final Duration DAILY = Duration.ofDays(1);

	static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

	Health health = Health.UNKNOWN;

	List<NoticeKind> backup(Result result, Instant at) {
		BackupOutcome outcome = new BackupOutcome(TENANT, "DATABASE", UUID.randomUUID(), result,
				(result == Result.FAILED) ? FailureKind.AUTHENTICATION_FAILED.name() : null,
				(result == Result.SUCCEEDED) ? null : "password authentication failed for user \"backup\"", at, 0, null,
				false);
		return apply(NoticeDecision.backup(this.health, outcome, DAILY));
	}

	List<NoticeKind> verification(Status status, Instant at) {
		return apply(
				NoticeDecision.verification(this.health, new VerificationOutcome(TENANT, "DATABASE", UUID.randomUUID(),
						status, (status == Status.FAILED) ? "RESTORE_TEST" : null, "row counts differ", at), DAILY));
	}

	List<NoticeKind> apply(Decision decision) {
		this.health = decision.after();
		return decision.notices();
	}

	@Test
	void aFailureAfterSuccessIsAFirstFailure() {
		assertThat(backup(Result.SUCCEEDED, T0)).isEmpty();
		assertThat(backup(Result.FAILED, T0.plus(DAILY))).containsExactly(NoticeKind.FIRST_FAILURE);
		assertThat(this.health.failingSince()).isEqualTo(T0.plus(DAILY));
	}

	@Test
	void theVeryFirstRunFailingIsAFirstFailure() {
		assertThat(backup(Result.FAILED, T0)).containsExactly(NoticeKind.FIRST_FAILURE);
	}

	@Test
	void passwordChangedThenPutRightGivesOneFailureDailyRemindersAndOneRecovery() {
		List<NoticeKind> sent = new ArrayList<>();
		sent.addAll(backup(Result.SUCCEEDED, T0));
		// hourly schedule, failing for two and a half days
		for (int hour = 1; hour <= 60; hour++) {
			sent.addAll(backup(Result.FAILED, T0.plus(Duration.ofHours(hour))));
		}
		sent.addAll(backup(Result.SUCCEEDED, T0.plus(Duration.ofHours(61))));
		sent.addAll(backup(Result.SUCCEEDED, T0.plus(Duration.ofHours(62))));
		assertThat(sent).containsExactly(NoticeKind.FIRST_FAILURE, NoticeKind.STILL_FAILING, NoticeKind.STILL_FAILING,
				NoticeKind.RECOVERED);
		assertThat(this.health.failing()).isFalse();
	}

	@Test
	void aSuccessWithoutAFailureBeforeSendsNothing() {
		assertThat(backup(Result.SUCCEEDED, T0)).isEmpty();
		assertThat(backup(Result.SUCCEEDED, T0.plus(DAILY))).isEmpty();
	}

	@Test
	void aRedeliveredOutcomeChangesNothing() {
		UUID run = UUID.randomUUID();
		BackupOutcome failed = BackupOutcome.failed(TENANT, "DATABASE", run, T0, FailureKind.DUMP_FAILED, "boom");
		assertThat(apply(NoticeDecision.backup(this.health, failed, DAILY))).containsExactly(NoticeKind.FIRST_FAILURE);
		Health afterFirst = this.health;
		assertThat(apply(NoticeDecision.backup(this.health, failed, DAILY))).isEmpty();
		assertThat(this.health).isEqualTo(afterFirst);
	}

	@Test
	void anOutcomeOlderThanTheLatestChangesNothing() {
		backup(Result.SUCCEEDED, T0.plus(DAILY));
		assertThat(backup(Result.FAILED, T0)).isEmpty();
		assertThat(this.health.failing()).isFalse();
	}

	@Test
	void aCancelledRunIsNotAFailure() {
		backup(Result.SUCCEEDED, T0);
		assertThat(backup(Result.CANCELLED, T0.plus(DAILY))).isEmpty();
		assertThat(this.health.failing()).isFalse();
	}

	@Test
	void aStalledRunIsItsOwnFirstNoticeAndThenCountsAsFailing() {
		backup(Result.SUCCEEDED, T0);
		assertThat(backup(Result.STALLED, T0.plus(DAILY))).containsExactly(NoticeKind.STALLED);
		assertThat(backup(Result.FAILED, T0.plus(DAILY).plusSeconds(60))).isEmpty();
		assertThat(backup(Result.SUCCEEDED, T0.plus(DAILY).plusSeconds(120))).containsExactly(NoticeKind.RECOVERED);
	}

	@Test
	void aMissedSlotIsAFailureUntilABackupSucceeds() {
		backup(Result.SUCCEEDED, T0);
		SlotMissed missed = new SlotMissed(TENANT, "DATABASE", T0.plus(DAILY), Duration.ofHours(1),
				T0.plus(DAILY).plus(Duration.ofMinutes(61)));
		assertThat(apply(NoticeDecision.slotMissed(this.health, missed, DAILY)))
			.containsExactly(NoticeKind.SCHEDULE_MISSED);
		assertThat(this.health.failureKind()).isEqualTo("SCHEDULE_MISSED");
		assertThat(this.health.failureMessage())
			.isEqualTo("no backup started within 60 minutes of the slot at " + T0.plus(DAILY));
		assertThat(backup(Result.SUCCEEDED, T0.plus(DAILY).plus(Duration.ofHours(2))))
			.containsExactly(NoticeKind.RECOVERED);
	}

	@Test
	void theSameMissedSlotCountsOnceHoweverOftenItIsReported() {
		backup(Result.SUCCEEDED, T0);
		SlotMissed missed = new SlotMissed(TENANT, "DATABASE", T0.plus(DAILY), Duration.ofHours(1),
				T0.plus(DAILY).plus(Duration.ofMinutes(61)));
		assertThat(apply(NoticeDecision.slotMissed(this.health, missed, DAILY)))
			.containsExactly(NoticeKind.SCHEDULE_MISSED);
		Health once = this.health;
		SlotMissed again = new SlotMissed(TENANT, "DATABASE", T0.plus(DAILY), Duration.ofHours(1),
				T0.plus(DAILY).plus(DAILY));
		assertThat(apply(NoticeDecision.slotMissed(this.health, again, DAILY))).isEmpty();
		assertThat(this.health).isEqualTo(once);
	}

	@Test
	void slotsBeforeTheLatestSuccessAreToldOnceWithoutMakingTheDatabaseFail() {
		backup(Result.SUCCEEDED, T0.plus(DAILY));
		Health working = this.health;
		SlotMissed missed = new SlotMissed(TENANT, "DATABASE", T0, Duration.ofHours(1), T0.plus(DAILY));
		assertThat(apply(NoticeDecision.slotMissed(this.health, missed, DAILY)))
			.containsExactly(NoticeKind.SCHEDULE_MISSED);
		assertThat(this.health).isEqualTo(working);
	}

	@Test
	void slotsBeforeTheLatestFailureTellAFailingDatabaseNothingNew() {
		backup(Result.FAILED, T0.plus(DAILY));
		SlotMissed missed = new SlotMissed(TENANT, "DATABASE", T0, Duration.ofHours(1), T0.plus(DAILY));
		assertThat(apply(NoticeDecision.slotMissed(this.health, missed, DAILY))).isEmpty();
	}

	@Test
	void manySlotsMissedAtOnceAreOneNoticeAndCountEach() {
		backup(Result.SUCCEEDED, T0);
		List<Instant> slots = List.of(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)),
				T0.plus(Duration.ofHours(3)));
		SlotMissed missed = new SlotMissed(TENANT, "DATABASE", slots, Duration.ofHours(1),
				T0.plus(Duration.ofHours(5)));
		assertThat(apply(NoticeDecision.slotMissed(this.health, missed, DAILY)))
			.containsExactly(NoticeKind.SCHEDULE_MISSED);
		assertThat(this.health.failures()).isEqualTo(3);
		assertThat(this.health.lastOutcomeAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
		assertThat(this.health.failureMessage())
			.isEqualTo("3 scheduled backups from 2026-11-20T04:00:00Z to 2026-11-20T06:00:00Z did not start:"
					+ " no backup started within 60 minutes of their slots");
	}

	@Test
	void aFailedVerificationIsNoticedOnceADayWhileItKeepsFailing() {
		assertThat(verification(Status.FAILED, T0)).containsExactly(NoticeKind.VERIFICATION_FAILED);
		assertThat(verification(Status.FAILED, T0.plus(Duration.ofHours(6)))).isEmpty();
		assertThat(verification(Status.SKIPPED, T0.plus(Duration.ofHours(7)))).isEmpty();
		assertThat(verification(Status.FAILED, T0.plus(DAILY))).containsExactly(NoticeKind.VERIFICATION_FAILED);
		assertThat(verification(Status.PASSED, T0.plus(DAILY).plusSeconds(1))).isEmpty();
		assertThat(verification(Status.FAILED, T0.plus(DAILY).plusSeconds(2)))
			.containsExactly(NoticeKind.VERIFICATION_FAILED);
	}

	@Test
	void verificationDoesNotChangeBackupHealth() {
		backup(Result.SUCCEEDED, T0);
		verification(Status.FAILED, T0.plusSeconds(60));
		assertThat(this.health.failing()).isFalse();
		assertThat(backup(Result.SUCCEEDED, T0.plus(DAILY))).isEmpty();
	}

	@Test
	void theReminderTimerRemindsOncePerIntervalWhileFailing() {
		assertThat(NoticeDecision.reminder(this.health, T0, DAILY)).isEmpty();
		backup(Result.FAILED, T0);
		assertThat(NoticeDecision.reminder(this.health, T0.plus(Duration.ofHours(23)), DAILY)).isEmpty();
		Decision due = NoticeDecision.reminder(this.health, T0.plus(DAILY), DAILY).orElseThrow();
		assertThat(due.notices()).containsExactly(NoticeKind.STILL_FAILING);
		this.health = due.after();
		assertThat(NoticeDecision.reminder(this.health, T0.plus(DAILY).plusSeconds(1), DAILY)).isEmpty();
		assertThat(backup(Result.FAILED, T0.plus(DAILY).plus(Duration.ofHours(1)))).isEmpty();
	}

	@Test
	void randomSequencesKeepTheTransitionRules() {
		Duration remind = Duration.ofHours(6);
		for (int seed = 0; seed < 2000; seed++) {
			Random random = new Random(seed);
			this.health = Health.UNKNOWN;
			Instant at = T0;
			boolean failureNoticed = false;
			Instant lastFailureNotice = null;
			for (int step = 0; step < 60; step++) {
				at = at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
				Result result = Result.values()[random.nextInt(Result.values().length)];
				boolean wasFailing = this.health.failing();
				BackupOutcome outcome = new BackupOutcome(TENANT, "DATABASE", UUID.randomUUID(), result,
						"RUNNER_EXITED", "boom", at, 0, null, false);
				List<NoticeKind> notices = apply(NoticeDecision.backup(this.health, outcome, remind));
				String where = "seed " + seed + " step " + step;
				assertThat(notices).as(where).hasSizeLessThanOrEqualTo(1);
				if (notices.contains(NoticeKind.RECOVERED)) {
					assertThat(failureNoticed).as(where + ": recovered only after a failure notice").isTrue();
					failureNoticed = false;
				}
				if (notices.contains(NoticeKind.FIRST_FAILURE) || notices.contains(NoticeKind.STALLED)) {
					assertThat(wasFailing).as(where + ": a first failure only from not failing").isFalse();
					failureNoticed = true;
					lastFailureNotice = at;
				}
				if (notices.contains(NoticeKind.STILL_FAILING)) {
					assertThat(wasFailing).as(where).isTrue();
					assertThat(Duration.between(lastFailureNotice, at)).as(where + ": reminders are spaced")
						.isGreaterThanOrEqualTo(remind);
					lastFailureNotice = at;
				}
				assertThat(this.health.failing()).as(where)
					.isEqualTo((result == Result.CANCELLED) ? wasFailing : result != Result.SUCCEEDED);
			}
		}
	}

}
