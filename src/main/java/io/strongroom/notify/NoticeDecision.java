package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.strongroom.notify.BackupOutcome.Result;
import io.strongroom.notify.Health.Status;
import org.jspecify.annotations.Nullable;

/**
 * The pure decision which notices an outcome causes (SBA's
 * {@code AbstractStatusChangeNotifier} and {@code RemindingNotifier}, STYLE.md C13).
 * Notices fire on transitions; while a database keeps failing, a reminder goes out at
 * most once per {@code remindEvery}. A redelivered outcome (same run) or one older than
 * the latest changes nothing.
 */
final class NoticeDecision {

	private NoticeDecision() {
	}

	/**
	 * The notices and the new health.
	 *
	 * @param after the health to store
	 * @param notices what to send, possibly nothing
	 */
	record Decision(Health after, List<NoticeKind> notices) {

		Decision {
			Objects.requireNonNull(after, "after");
			notices = List.copyOf(notices);
		}

	}

	static Decision backup(Health before, BackupOutcome outcome, Duration remindEvery) {
		if (outcome.runId().equals(before.lastRunId()) || isOlder(outcome.at(), before)
				|| outcome.result() == Result.CANCELLED) {
			return new Decision(before, List.of());
		}
		if (outcome.result() == Result.SUCCEEDED) {
			Health after = new Health(Status.OK, null, 0, null, null, null, outcome.runId(), outcome.at(),
					before.verification(), before.verificationNoticeAt());
			return new Decision(after, before.failing() ? List.of(NoticeKind.RECOVERED) : List.of());
		}
		NoticeKind first = (outcome.result() == Result.STALLED) ? NoticeKind.STALLED : NoticeKind.FIRST_FAILURE;
		return failed(before, first, failureKind(outcome), outcome.message(), outcome.at(), outcome, 1, remindEvery);
	}

	/**
	 * Missed slots after the latest outcome count as failures, one each, and the newest
	 * becomes the latest outcome. Slots that all lie before it (a backup ended since: the
	 * catch-up run after downtime, typically) change nothing about the database's state,
	 * but a working database is told once that they passed without a backup; a failing
	 * one is being told already.
	 */
	static Decision slotMissed(Health before, SlotMissed missed, Duration remindEvery) {
		Instant latest = before.lastOutcomeAt();
		int fresh = (int) missed.slots().stream().filter((slot) -> latest == null || slot.isAfter(latest)).count();
		if (fresh == 0) {
			return new Decision(before, before.failing() ? List.of() : List.of(NoticeKind.SCHEDULE_MISSED));
		}
		Decision decision = failed(before, NoticeKind.SCHEDULE_MISSED, "SCHEDULE_MISSED", missed.detail(),
				missed.detectedAt(), null, fresh, remindEvery);
		// the newest slot counts as the latest outcome, so the same slot is never counted
		// twice
		Health after = decision.after();
		return new Decision(new Health(after.status(), after.failingSince(), after.failures(), after.lastNoticeAt(),
				after.failureKind(), after.failureMessage(), after.lastRunId(), missed.last(), after.verification(),
				after.verificationNoticeAt()), decision.notices());
	}

	static Decision verification(Health before, VerificationOutcome outcome, Duration remindEvery) {
		return switch (outcome.status()) {
			case SKIPPED -> new Decision(before, List.of());
			case PASSED -> new Decision(withVerification(before, Status.OK, before.verificationNoticeAt()), List.of());
			case FAILED -> {
				Instant last = before.verificationNoticeAt();
				boolean notify = before.verification() != Status.FAILING || last == null
						|| !outcome.at().isBefore(last.plus(remindEvery));
				yield notify
						? new Decision(withVerification(before, Status.FAILING, outcome.at()),
								List.of(NoticeKind.VERIFICATION_FAILED))
						: new Decision(withVerification(before, Status.FAILING, last), List.of());
			}
		};
	}

	/** A reminder for a database that is still failing, if one is due at {@code now}. */
	static Optional<Decision> reminder(Health before, Instant now, Duration remindEvery) {
		Instant last = before.lastNoticeAt();
		if (!before.failing() || last == null || now.isBefore(last.plus(remindEvery))) {
			return Optional.empty();
		}
		Health after = new Health(before.status(), before.failingSince(), before.failures(), now, before.failureKind(),
				before.failureMessage(), before.lastRunId(), before.lastOutcomeAt(), before.verification(),
				before.verificationNoticeAt());
		return Optional.of(new Decision(after, List.of(NoticeKind.STILL_FAILING)));
	}

	private static Decision failed(Health before, NoticeKind first, String kind, @Nullable String message, Instant at,
			@Nullable BackupOutcome outcome, int count, Duration remindEvery) {
		UUID runId = (outcome != null) ? outcome.runId() : before.lastRunId();
		Instant outcomeAt = (outcome != null) ? outcome.at() : before.lastOutcomeAt();
		if (!before.failing()) {
			Health after = new Health(Status.FAILING, at, count, at, kind, message, runId, outcomeAt,
					before.verification(), before.verificationNoticeAt());
			return new Decision(after, List.of(first));
		}
		Instant last = before.lastNoticeAt();
		boolean remind = last == null || !at.isBefore(last.plus(remindEvery));
		Health after = new Health(Status.FAILING, before.failingSince(), before.failures() + count, remind ? at : last,
				kind, message, runId, outcomeAt, before.verification(), before.verificationNoticeAt());
		return new Decision(after, remind ? List.of(NoticeKind.STILL_FAILING) : List.of());
	}

	private static Health withVerification(Health before, Status verification, @Nullable Instant noticeAt) {
		return new Health(before.status(), before.failingSince(), before.failures(), before.lastNoticeAt(),
				before.failureKind(), before.failureMessage(), before.lastRunId(), before.lastOutcomeAt(), verification,
				noticeAt);
	}

	private static boolean isOlder(Instant at, Health before) {
		Instant latest = before.lastOutcomeAt();
		return latest != null && at.isBefore(latest);
	}

	/**
	 * {@code FailureKind} name, {@code STALLED}, or {@code FAILED} when the kind is
	 * unknown.
	 */
	static String failureKind(BackupOutcome outcome) {
		if (outcome.result() == Result.STALLED) {
			return "STALLED";
		}
		return (outcome.failureKind() != null) ? outcome.failureKind() : "FAILED";
	}

}
