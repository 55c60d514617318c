package io.strongroom.runner;

/**
 * A failure a person can act on. The message says what went wrong and what to do, and
 * never holds a secret: whoever builds one masks passwords and keys first.
 */
public class RunnerFailure extends Exception {

	private final FailureKind kind;

	public RunnerFailure(FailureKind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public RunnerFailure(FailureKind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public FailureKind kind() {
		return this.kind;
	}

}
