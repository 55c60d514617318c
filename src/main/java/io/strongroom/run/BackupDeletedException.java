package io.strongroom.run;

/**
 * The backup is being deleted, or was deleted, by retention: it is no longer offered for
 * download or restore.
 */
public class BackupDeletedException extends RuntimeException {

	private final BackupDeletion deletion;

	BackupDeletedException(BackupDeletion deletion) {
		super((deletion == BackupDeletion.DELETED)
				? "This backup was deleted by the retention policy; its object is gone. Pick a newer backup"
						+ " (GET /api/v1/backups?status=SUCCEEDED)."
				: "This backup is being deleted by the retention policy and is no longer offered; pick another"
						+ " backup (GET /api/v1/backups?status=SUCCEEDED).");
		this.deletion = deletion;
	}

	/** {@link BackupDeletion#DELETING} or {@link BackupDeletion#DELETED}. */
	public BackupDeletion deletion() {
		return this.deletion;
	}

}
