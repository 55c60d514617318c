package io.strongroom.run;

import java.net.URI;
import java.time.Duration;

import io.strongroom.storage.BackupStore;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.Stores;

/**
 * The web process's own calls to a tenant's destination, through the storage module's
 * {@link BackupStore}: presigned GETs for download links, and aborting the unfinished
 * uploads a dead runner left behind (S3 multipart uploads, a folder's temporary files). A
 * store per call: these calls are rare, and each tenant has its own bucket and
 * credentials. The store's messages name the bucket and the S3 error code, never a
 * credential.
 */
class StoreDestinationClient implements DestinationClient {

	@Override
	public int abortUnfinishedUploads(DestinationAccess destination, String keyPrefix, String runId) {
		try (BackupStore store = Stores.open(destination)) {
			return store.abortUnfinishedUploads(keyPrefix, runId);
		}
	}

	@Override
	public URI presignedGet(DestinationAccess destination, String key, Duration ttl) {
		try (BackupStore store = Stores.open(destination)) {
			return store.presignedGet(key, ttl);
		}
	}

}
