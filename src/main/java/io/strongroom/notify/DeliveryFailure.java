package io.strongroom.notify;

/**
 * A delivery attempt failed. The message names what failed without credentials or secret
 * URLs. {@code retryable} is false when trying again cannot help (a malformed URL, a
 * webhook answering 410).
 */
class DeliveryFailure extends Exception {

	private final boolean retryable;

	DeliveryFailure(String message, boolean retryable) {
		super(message, null, false, false);
		this.retryable = retryable;
	}

	boolean retryable() {
		return this.retryable;
	}

}
