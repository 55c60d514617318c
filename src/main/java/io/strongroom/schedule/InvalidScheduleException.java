package io.strongroom.schedule;

import java.util.List;

/**
 * A schedule a person wrote that cannot be used. The message lists every problem in words
 * that say what to change (an API answers it with a 400).
 */
public class InvalidScheduleException extends IllegalArgumentException {

	private final List<String> problems;

	public InvalidScheduleException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidScheduleException(String problem) {
		this(List.of(problem));
	}

	/** Each problem on its own, for a response that lists them. */
	public List<String> problems() {
		return this.problems;
	}

}
