package io.strongroom.storage;

/**
 * A destination failed. The {@link #reason()} says what a person must fix; the message
 * says it in words and never holds a secret.
 */
public class StorageException extends RuntimeException {

	/** Why a destination failed, as few kinds as a person needs. */
	public enum Reason {

		/** The credentials are wrong, or they may not do this. */
		ACCESS_DENIED,
		/** The bucket (or folder) does not exist. */
		NO_SUCH_BUCKET,
		/** The bucket lives in another region than the one configured. */
		WRONG_REGION,
		/** There is no object under this key. */
		NOT_FOUND,
		/** Anything else: network, server errors, a full disk. */
		OTHER

	}

	private final Reason reason;

	public StorageException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public StorageException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
