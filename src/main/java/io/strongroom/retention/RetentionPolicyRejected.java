package io.strongroom.retention;

import java.util.List;

/**
 * A requested policy keeps backups longer than the plan allows. The message says which
 * settings and what the plan allows, so a person can fix the request; the API answers
 * 422.
 */
public class RetentionPolicyRejected extends RuntimeException {

	private final transient List<String> problems;

	RetentionPolicyRejected(String plan, List<String> problems) {
		super("The " + plan + " plan does not allow this retention policy: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
