package io.strongroom.target;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import io.strongroom.storage.BackupStore;
import io.strongroom.storage.FilesystemBackupStore;
import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;

/**
 * The storage module's store for a tenant's destination, for the web process's own calls.
 */
public final class Stores {

	private Stores() {
	}

	/**
	 * Opens the destination; the caller closes it. The filesystem root is the folder the
	 * destination names, so keys (which start with the prefix) land where the runner puts
	 * them.
	 */
	public static BackupStore open(DestinationAccess destination) {
		if (destination.type() == DestinationType.FILESYSTEM) {
			return new FilesystemBackupStore(Path.of(Objects.requireNonNull(destination.path())));
		}
		return new S3BackupStore(new S3Destination(Objects.requireNonNull(destination.bucket()),
				Objects.requireNonNull(destination.region()),
				(destination.endpoint() != null) ? URI.create(destination.endpoint()) : null, destination.pathStyle(),
				(destination.accessKeyId() != null) ? destination.accessKeyId().value() : null,
				(destination.secretAccessKey() != null) ? destination.secretAccessKey().value() : null));
	}

}
