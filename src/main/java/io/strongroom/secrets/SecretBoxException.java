package io.strongroom.secrets;

/**
 * A sealed value could not be opened, or the master key is unusable. The message says
 * what to do and never contains a secret.
 */
public class SecretBoxException extends RuntimeException {

	public SecretBoxException(String message) {
		super(message);
	}

	public SecretBoxException(String message, Throwable cause) {
		super(message, cause);
	}

}
