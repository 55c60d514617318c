package io.strongroom.target;

/**
 * The tenant's plan does not allow what was asked; the message names the plan and the
 * limit.
 */
public class PlanLimitExceededException extends RuntimeException {

	private final String plan;

	public PlanLimitExceededException(String plan, String message) {
		super(message);
		this.plan = plan;
	}

	public String plan() {
		return this.plan;
	}

}
