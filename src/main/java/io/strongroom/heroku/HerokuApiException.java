package io.strongroom.heroku;

import org.jspecify.annotations.Nullable;

/**
 * A call to Heroku (Platform API or id.heroku.com) failed. The message names the call,
 * the HTTP status and Heroku's error id; it never contains a token or a config value.
 */
public class HerokuApiException extends RuntimeException {

	private final int status;

	private final @Nullable String errorId;

	private final boolean retryable;

	/**
	 * @param status the HTTP status, or 0 when no answer arrived
	 * @param errorId Heroku's error {@code id} (e.g. {@code rate_limit}), if any
	 * @param retryable whether the same call may succeed later (429, 5xx, no answer)
	 */
	public HerokuApiException(String message, int status, @Nullable String errorId, boolean retryable,
			@Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.errorId = errorId;
		this.retryable = retryable;
	}

	public int status() {
		return this.status;
	}

	public @Nullable String errorId() {
		return this.errorId;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
