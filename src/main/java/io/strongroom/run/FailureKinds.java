package io.strongroom.run;

/**
 * Failure kinds the web side records besides the runner's own
 * ({@code io.strongroom.runner.FailureKind}).
 */
public final class FailureKinds {

	/** No call from the runner for the stall timeout: it died or hung. */
	public static final String STALLED = "STALLED";

	/** The runner's process (or dyno) ended without reporting a result. */
	public static final String RUNNER_EXITED = "RUNNER_EXITED";

	/** The launcher could not start a runner. */
	public static final String LAUNCH_FAILED = "LAUNCH_FAILED";

	/** Something the backup needs (destination, key, URL) was missing when it was due. */
	public static final String NOT_CONFIGURED = "NOT_CONFIGURED";

	/**
	 * A verification found the backup's object damaged: its checksums do not match, or it
	 * does not decrypt or read through (the runner's own kind of the same name).
	 */
	public static final String INTEGRITY = "INTEGRITY";

	/**
	 * A verification found the object intact, but its restore test failed: it did not
	 * restore, or the restored row counts differ from the backup's statistics.
	 */
	public static final String RESTORE_TEST = "RESTORE_TEST";

	/**
	 * The database is beyond the plan's number of databases (after a downgrade): its
	 * backups are paused until the customer deletes a database or upgrades.
	 */
	public static final String PLAN_LIMIT = "PLAN_LIMIT";

	private FailureKinds() {
	}

}
