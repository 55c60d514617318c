package io.strongroom.run;

/** A launcher could not start a runner; the message says why and holds no secret. */
class LaunchException extends Exception {

	LaunchException(String message) {
		super(message);
	}

	LaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
