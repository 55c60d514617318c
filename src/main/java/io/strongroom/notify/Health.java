package io.strongroom.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What notifications remember about one database between outcomes: the state that makes
 * an outcome a transition (SBA's last status per instance).
 *
 * @param status whether its backups work
 * @param failingSince the first failure of the current failing streak
 * @param failures outcomes that failed in the current streak
 * @param lastNoticeAt when the last failure notice (first, reminder, missed, stalled) was
 * sent, for reminders
 * @param failureKind the kind of the latest failure ({@code FailureKind} name,
 * {@code STALLED} or {@code SCHEDULE_MISSED}), for reminders
 * @param failureMessage the latest failure's message, for reminders
 * @param lastRunId the run of the latest backup outcome, to ignore a redelivery
 * @param lastOutcomeAt when the latest outcome happened, to ignore older ones arriving
 * late
 * @param verification whether the latest verification failed
 * @param verificationNoticeAt when the last verification notice was sent
 */
record Health(Status status, @Nullable Instant failingSince, int failures, @Nullable Instant lastNoticeAt,
		@Nullable String failureKind, @Nullable String failureMessage, @Nullable UUID lastRunId,
		@Nullable Instant lastOutcomeAt, Status verification, @Nullable Instant verificationNoticeAt) {

	static final Health UNKNOWN = new Health(Status.UNKNOWN, null, 0, null, null, null, null, null, Status.UNKNOWN,
			null);

	Health {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(verification, "verification");
	}

	boolean failing() {
		return this.status == Status.FAILING;
	}

	/** Works, fails, or has not been seen yet. */
	enum Status {

		UNKNOWN, OK, FAILING

	}

}
