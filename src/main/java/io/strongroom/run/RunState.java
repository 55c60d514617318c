package io.strongroom.run;

/**
 * QUEUED → LAUNCHING → RUNNING → SUCCEEDED | FAILED | CANCELLED (ARCHITECTURE.md). A run
 * may also fail or be cancelled before it runs.
 */
public enum RunState {

	/** Created, waiting for a launcher to have room. */
	QUEUED,
	/** A launcher started a runner; the runner has not fetched its spec yet. */
	LAUNCHING,
	/** The runner fetched its spec and reports heartbeats. */
	RUNNING,
	/** The object and its manifest are in the destination. */
	SUCCEEDED,
	/** The runner reported a failure, never called back, or went silent. */
	FAILED,
	/** Somebody cancelled it, or it ran past the plan's maximum duration. */
	CANCELLED;

	/** Whether the run still holds its database's one active slot. */
	public boolean isActive() {
		return this == QUEUED || this == LAUNCHING || this == RUNNING;
	}

	/** Whether a runner was started for the run and it has not ended. */
	boolean isLaunched() {
		return this == LAUNCHING || this == RUNNING;
	}

}
