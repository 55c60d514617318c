package io.strongroom.run;

import java.time.Duration;

/**
 * When an abort that failed is tried again: {@code firstWait} after the first attempt,
 * twice as long after each next one but never more than an hour, and not after
 * {@link #MAX_ATTEMPTS} attempts (with the watchdog's 30 s, about three hours in all).
 * Past that an S3 lifecycle rule for incomplete multipart uploads is the backstop.
 */
record UploadAbortRetry(Duration firstWait) {

	static final int MAX_ATTEMPTS = 10;

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	/** How long after attempt number {@code attempts} (from 1) the next is due. */
	Duration waitAfter(int attempts) {
		Duration wait = this.firstWait;
		for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(LONGEST_WAIT) < 0) ? wait : LONGEST_WAIT;
	}

	boolean usedUp(int attempts) {
		return attempts >= MAX_ATTEMPTS;
	}

}
