package io.strongroom.run;

/** A runner's callback that cannot be accepted as sent (400), with what was wrong. */
class CallbackRejectedException extends RuntimeException {

	CallbackRejectedException(String message) {
		super(message);
	}

}
