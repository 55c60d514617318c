package io.strongroom.target;

/**
 * A setting a person must correct. The message says what is wrong and what is allowed,
 * and never contains the rejected value when that value may be a secret.
 */
public class InvalidSettingsException extends RuntimeException {

	private final String field;

	public InvalidSettingsException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field at fault, for example {@code url} or {@code schedule.time}. */
	public String field() {
		return this.field;
	}

}
