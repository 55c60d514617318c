package io.strongroom.retention;

import java.util.List;

/**
 * A requested policy keeps backups longer than the plan allows. The message says which
 * settings and what the plan allows, so a person can fix the request; the API answers 402
 * ({@code plan_limit}).
 */
public class RetentionPolicyRejected extends RuntimeException {

	private final transient List<String> problems;

	private final String plan;

	RetentionPolicyRejected(String plan, List<String> problems) {
		super("The " + plan + " plan does not allow this retention policy: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
		this.plan = plan;
	}

	/** The plan's slug. */
	public String plan() {
		return this.plan;
	}

	public List<String> problems() {
		return this.problems;
	}

}
