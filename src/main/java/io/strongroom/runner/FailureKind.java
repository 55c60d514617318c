package io.strongroom.runner;

/**
 * Why a run failed, as few kinds as a person needs to know what to do next. Each has its
 * own process exit code, so launchers and scripts can tell them apart without parsing
 * text. The codes group by where to look: 1 and 2 Strongroom or its input, the 10s the
 * database, the 20s the destination, 30 the stored object, 40 a cancel, the 50s the
 * runner's own resources.
 */
public enum FailureKind {

	/** A bug or an unforeseen condition in Strongroom. */
	INTERNAL(1),
	/** The spec, an argument or an environment variable is missing or wrong. */
	USAGE(2),
	/** The database host cannot be reached: wrong host or port, or a firewall. */
	CONNECTION_REFUSED(10),
	/** The database refused the user name or password. */
	AUTHENTICATION_FAILED(11),
	/** The database user may not read an object the dump needs. */
	PERMISSION_DENIED(12),
	/** No installed dump client is at least as new as the server. */
	CLIENT_TOO_OLD(13),
	/** The dump tool failed for another reason (its message says which). */
	DUMP_FAILED(14),
	/** The restore into the target database failed. */
	RESTORE_FAILED(15),
	/** The destination refused the credentials or the action. */
	DESTINATION_ACCESS_DENIED(20),
	/** The bucket (or destination folder) does not exist. */
	BUCKET_MISSING(21),
	/** The destination failed for another reason (network, server error). */
	DESTINATION_FAILED(22),
	/**
	 * The object's checksum or HMAC does not match: it was changed, truncated or the key
	 * is wrong.
	 */
	INTEGRITY(30),
	/** Somebody cancelled the run, or it was stopped by a signal. */
	CANCELLED(40),
	/** The runner's heap cannot hold the upload's parts: a larger dyno size or -Xmx. */
	RUNNER_MEMORY(50);

	private final int exitCode;

	FailureKind(int exitCode) {
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

}
