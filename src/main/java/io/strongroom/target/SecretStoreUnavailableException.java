package io.strongroom.target;

/**
 * Where a secret must go cannot take it right now (Heroku refused or was unreachable).
 * Nothing was saved; trying again later is safe.
 */
public class SecretStoreUnavailableException extends RuntimeException {

	public SecretStoreUnavailableException(String message) {
		super(message);
	}

	public SecretStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
