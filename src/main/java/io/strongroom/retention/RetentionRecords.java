package io.strongroom.retention;

import java.util.List;
import java.util.UUID;

import io.strongroom.tenant.TenantId;

/**
 * The run records retention reads and marks. The run module implements it over its own
 * records; retention never writes a run record any other way.
 * <p>
 * Contract: every method is scoped to the tenant and idempotent. {@link #markDeleting}
 * must be durable (committed) before it returns, because the object is deleted next; a
 * record marked deleting is no longer offered for restore or download.
 */
public interface RetentionRecords {

	/** Every run of one database, in any order, including failed and deleted ones. */
	List<BackupRecord> history(TenantId tenant, String databaseLabel);

	/** Marks a backup as being deleted. Called before its object is touched. */
	void markDeleting(TenantId tenant, UUID runId);

	/** Marks a backup deleted. Called only after its object and manifest are gone. */
	void markDeleted(TenantId tenant, UUID runId);

	/**
	 * Every database, of every tenant, that has a backup not yet deleted: what a sweep
	 * prunes (including databases whose deletions failed and wait for a retry).
	 */
	List<DatabaseRef> databasesWithBackups();

	/**
	 * One database of one tenant.
	 *
	 * @param tenant the add-on
	 * @param databaseLabel the database's label
	 */
	record DatabaseRef(TenantId tenant, String databaseLabel) {

	}

}
