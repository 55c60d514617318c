package io.strongroom.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of runner job (backup runs, verifications) as the dispatcher and the watchdog
 * drive it. What it does with a job differs by kind (a stalled backup FAILED, a stalled
 * verification queued again); when each is asked is the same. Every transition is its own
 * short transaction and answers whether this call changed the job: another web process
 * may have been first, and then this one leaves the job alone.
 *
 * @param <T> the job as stored
 */
interface RunnerJobLifecycle<T extends RunnerJobEntity> {

	RunnerJob.Kind kind();

	/** What is done the same way for either kind: tickets, heartbeats, the deadline. */
	RunnerJobs<T> jobs();

	/** Queued jobs that are due, longest waiting first, a few at a time. */
	List<UUID> queued();

	/**
	 * QUEUED → LAUNCHING with a fresh ticket, once the launcher said in the same
	 * transaction that it has room ({@link RunLauncher#hasRoomForAnother()}). Empty when
	 * another process claimed it first, it is no longer queued or due, the launcher is
	 * full, or it ended because there is nothing to run it with.
	 */
	Optional<LaunchRequest> claim(UUID id, String launcherName);

	/** The launcher could not start the runner. */
	void launchFailed(UUID id, String message);

	/** The jobs whose runner is launched, for the watchdog. */
	List<T> launched();

	/** No call from the runner for the stall timeout, unless it called back meanwhile. */
	boolean stalled(UUID id);

	/** The runner ended without reporting. */
	boolean exited(UUID id, String detail);

	/** Told to stop but did not within the grace period. */
	boolean cancelOverdue(UUID id);

	/**
	 * What the plan's maximum duration passing tells the runner, when it asks to stop.
	 */
	String overdueReason();

	/**
	 * Cleans up after a runner the watchdog gave up on, or one that ended without a
	 * result, once its job was settled. Idempotent.
	 * @param runnerEnded whether the runner ended by itself
	 */
	void cleanUp(T job, boolean runnerEnded);

	/**
	 * Clean-ups that failed, or that a process stopped before making, tried again; asked
	 * on every watchdog round. Nothing by default.
	 */
	default void retryCleanUps() {
	}

}
