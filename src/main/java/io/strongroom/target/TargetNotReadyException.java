package io.strongroom.target;

/**
 * Something a backup needs is not configured yet (destination, encryption key, or the
 * database's URL); the message says which and how to set it.
 */
public class TargetNotReadyException extends RuntimeException {

	private final String missing;

	public TargetNotReadyException(String missing, String message) {
		super(message);
		this.missing = missing;
	}

	/** {@code destination}, {@code encryption-key} or {@code database-url}. */
	public String missing() {
		return this.missing;
	}

}
