package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;

/**
 * A job one runner process serves, as stored: a backup run ({@link BackupRun}) or a
 * verification of one ({@link BackupVerification}). Each keeps its own state machine and
 * what it produces; both keep their runner's side in a {@link RunnerSession}. This is
 * what the shared machinery (tickets, heartbeats, the dispatcher, the watchdog) needs of
 * either; the checks here ask the session only while the job's runner is launched.
 */
interface RunnerJobEntity {

	RunnerJob job();

	RunnerSession runner();

	/** Whether a runner was started for the job and the job has not ended. */
	boolean isLaunched();

	/** Records where the runner lives (process id, dyno id), so it can be stopped. */
	void launched(String launcherRef);

	/**
	 * LAUNCHING → RUNNING: the runner fetched its spec; fetching it again changes
	 * nothing.
	 */
	void running(Instant at);

	void heartbeat(String stage, long bytesIn, long bytesOut, Instant at);

	/**
	 * Asks the job to stop. A job that has not launched ends at once (returns
	 * {@code true}); a launched one is told at its next heartbeat.
	 */
	boolean cancelRequested(String reason, Instant at);

	/**
	 * Whether {@code presentedHash} (the SHA-256 of what a runner presented) is the job's
	 * live ticket.
	 */
	default boolean acceptsTicket(String presentedHash, Instant now) {
		return isLaunched() && runner().acceptsTicket(presentedHash, now);
	}

	default boolean isStalled(Duration timeout, Instant now) {
		return isLaunched() && runner().isSilent(timeout, now);
	}

	default boolean isPastDeadline(Instant now) {
		return isLaunched() && runner().isPastDeadline(now);
	}

	default boolean isCancelOverdue(Duration grace, Instant now) {
		return isLaunched() && runner().isCancelOverdue(grace, now);
	}

}
