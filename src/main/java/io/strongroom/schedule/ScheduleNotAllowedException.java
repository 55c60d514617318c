package io.strongroom.schedule;

import java.util.Optional;

import io.strongroom.tenant.BackupFrequency;

/**
 * A valid schedule that the add-on's plan does not allow (an API answers it with a 402).
 * The message names the plan, what it allows and what to do.
 */
public class ScheduleNotAllowedException extends RuntimeException {

	private final String plan;

	private final Optional<BackupFrequency> frequency;

	public ScheduleNotAllowedException(String plan, Optional<BackupFrequency> frequency, String message) {
		super(message);
		this.plan = plan;
		this.frequency = frequency;
	}

	/** The plan's slug. */
	public String plan() {
		return this.plan;
	}

	/** The frequency asked for, when there was one. */
	public Optional<BackupFrequency> frequency() {
		return this.frequency;
	}

}
