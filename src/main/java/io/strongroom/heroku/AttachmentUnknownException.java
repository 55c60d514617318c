package io.strongroom.heroku;

/**
 * Heroku could not say under which name the add-on is attached to an app, and no name is
 * known from before, so the add-on's config var names on that app are unknown. The
 * message says why and what to do, and holds no secret.
 */
public class AttachmentUnknownException extends RuntimeException {

	private final boolean retryable;

	AttachmentUnknownException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	AttachmentUnknownException(String message) {
		super(message);
		this.retryable = false;
	}

	/** Whether asking again later may help (Heroku was unavailable). */
	public boolean retryable() {
		return this.retryable;
	}

}
