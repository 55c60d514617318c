package io.strongroom.heroku.sso;

/**
 * A sign-in form that cannot be Heroku's: answered 400 with the message, which names the
 * field and never repeats a posted value.
 */
class InvalidSsoRequestException extends RuntimeException {

	InvalidSsoRequestException(String message) {
		super(message);
	}

}
