package io.strongroom.run;

import java.net.URI;
import java.time.Duration;

import io.strongroom.target.DestinationAccess;

/**
 * The web process's own calls to a tenant's destination, through the storage module.
 * Implementations never log or throw a credential.
 */
interface DestinationClient {

	/**
	 * Aborts every unfinished (multipart) upload under {@code keyPrefix} whose key names
	 * {@code runId}: a dead runner cannot abort its own. Idempotent; returns how many it
	 * aborted.
	 */
	int abortUnfinishedUploads(DestinationAccess destination, String keyPrefix, String runId);

	/** A URL that reads {@code key} for {@code ttl} without credentials. */
	URI presignedGet(DestinationAccess destination, String key, Duration ttl);

}
