package io.strongroom.run;

/**
 * QUEUED → LAUNCHING → RUNNING → PASSED | FAILED | SKIPPED. A verification whose runner
 * could not do its job goes back to QUEUED while it has attempts left.
 */
public enum VerificationState {

	/** Waiting for its time ({@code notBefore}) and for the launcher to have room. */
	QUEUED,
	/** A launcher started a runner; the runner has not fetched its spec yet. */
	LAUNCHING,
	/** The runner fetched its spec and reports heartbeats. */
	RUNNING,
	/** The backup was read through (and restored, if tested) and matched. */
	PASSED,
	/** The backup is damaged, unreadable, or did not restore as recorded. */
	FAILED,
	/** Nothing could be checked; the detail says why. */
	SKIPPED;

	public boolean isActive() {
		return this == QUEUED || this == LAUNCHING || this == RUNNING;
	}

	boolean isLaunched() {
		return this == LAUNCHING || this == RUNNING;
	}

	Verification outcome() {
		return switch (this) {
			case PASSED -> Verification.PASSED;
			case FAILED -> Verification.FAILED;
			case SKIPPED -> Verification.SKIPPED;
			default -> Verification.PENDING;
		};
	}

}
