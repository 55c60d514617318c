package io.strongroom.run;

/**
 * How far retention has got with deleting a backup (docs/retention.md). Only a backup in
 * {@link #NONE} is offered for download or restore.
 */
public enum BackupDeletion {

	/** The backup exists and is offered for download and restore. */
	NONE,
	/**
	 * Retention decided to delete it and may have started; no longer offered. A failed
	 * delete stays here and is retried.
	 */
	DELETING,
	/** Its object and manifest are gone; the record stays for the history. */
	DELETED

}
