package io.strongroom.runner;

import java.io.IOException;

/**
 * A backup is not what it claims to be: its HMAC or SHA-256 does not match, it is
 * truncated, or the key is wrong. An {@link IOException} so it can leave a stream; the
 * runner reports it as {@link FailureKind#INTEGRITY}.
 */
final class IntegrityException extends IOException {

	IntegrityException(String message) {
		super(message);
	}

}
