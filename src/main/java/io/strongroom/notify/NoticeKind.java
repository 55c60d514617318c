package io.strongroom.notify;

import java.util.Locale;

/**
 * The mails (and webhook calls) Strongroom sends; each is a transition, never a state.
 */
public enum NoticeKind {

	/** A database whose backups worked (or never ran) failed. */
	FIRST_FAILURE,
	/** It is still failing: a reminder, at most once per {@code remind-every}. */
	STILL_FAILING,
	/** A database that was failing backed up successfully again. */
	RECOVERED,
	/** A backup failed its integrity check or restore test. */
	VERIFICATION_FAILED,
	/** A scheduled backup did not start within the grace period after its slot. */
	SCHEDULE_MISSED,
	/** A run stopped reporting and was stopped. */
	STALLED;

	/** {@code first_failure}: the webhook's event name. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
