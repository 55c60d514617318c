package io.strongroom.retention;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What carrying out a plan did, one line per backup the plan removed.
 *
 * @param outcomes in the order they were carried out
 */
public record PruneReport(List<Outcome> outcomes) {

	public PruneReport {
		outcomes = List.copyOf(outcomes);
	}

	public List<Outcome> with(Status status) {
		return this.outcomes.stream().filter((outcome) -> outcome.status() == status).toList();
	}

	/** Whether every removal finished (nothing failed or was refused). */
	public boolean complete() {
		return this.outcomes.stream()
			.allMatch((o) -> o.status() == Status.DELETED || o.status() == Status.ALREADY_GONE);
	}

	/** What happened to one backup. */
	public enum Status {

		/** The object and its manifest were deleted; the record is marked deleted. */
		DELETED,
		/** The object was already missing; the record is marked deleted. */
		ALREADY_GONE,
		/**
		 * The object at the key says another run (or nobody) wrote it, so it was left
		 * alone; the record is unchanged.
		 */
		REFUSED,
		/**
		 * The destination or the records failed; the record stays deleting, retried
		 * later.
		 */
		FAILED

	}

	/**
	 * One backup's outcome.
	 *
	 * @param runId the run
	 * @param objectKey its object
	 * @param status what happened
	 * @param detail a sentence for a person (no credentials)
	 */
	public record Outcome(UUID runId, String objectKey, Status status, String detail) {

		public Outcome {
			Objects.requireNonNull(runId, "runId");
			Objects.requireNonNull(objectKey, "objectKey");
			Objects.requireNonNull(status, "status");
			Objects.requireNonNull(detail, "detail");
		}

	}

}
