package io.strongroom.run;

/**
 * A run was asked to do something its state does not allow (e.g. cancel a finished run).
 */
public class IllegalRunTransitionException extends RuntimeException {

	private final RunState state;

	public IllegalRunTransitionException(RunState state, String message) {
		super(message);
		this.state = state;
	}

	public RunState state() {
		return this.state;
	}

}
