package io.strongroom.retention;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.strongroom.storage.BackupStore;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DestinationAccess;
import io.strongroom.target.Stores;
import io.strongroom.target.Targets;
import io.strongroom.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Prunes databases against their destinations: one database after each of its successful
 * backups, and every database on the periodic sweep ({@link RetentionSweeper}), which
 * also retries deletions that failed. Safe to repeat and to run in several processes:
 * every step of a deletion is idempotent.
 */
@Service
public class Pruning {

	private static final Logger log = LoggerFactory.getLogger(Pruning.class);

	private final Retention retention;

	private final Targets targets;

	private final ObjectProvider<RetentionRecords> records;

	/** One prune of a database at a time in this process. */
	private final ConcurrentMap<RetentionRecords.DatabaseRef, Object> locks = new ConcurrentHashMap<>();

	Pruning(Retention retention, Targets targets, ObjectProvider<RetentionRecords> records) {
		this.retention = retention;
		this.targets = targets;
		this.records = records;
	}

	/**
	 * Decides and carries out the retention plan of one database. A database that was
	 * removed has no policy any more: its backups stay until a person deletes them, and
	 * only deletions that had already started are finished.
	 * @return what was done, or empty when the add-on has no destination any more (then
	 * nothing can be deleted, and nothing is)
	 * @throws RuntimeException when the destination cannot be opened or the records
	 * cannot be read; failures of single deletions are in the report instead
	 */
	public Optional<PruneReport> prune(TenantId tenant, String databaseLabel) {
		RetentionRecords.DatabaseRef database = new RetentionRecords.DatabaseRef(tenant, databaseLabel);
		Object lock = this.locks.computeIfAbsent(database, (key) -> new Object());
		synchronized (lock) {
			Optional<DestinationAccess> destination = this.targets.destinationAccess(tenant);
			if (destination.isEmpty()) {
				log.info("Retention of {} {} skipped: the add-on has no destination", tenant, databaseLabel);
				return Optional.empty();
			}
			boolean removed = this.targets.database(tenant, new DatabaseLabel(databaseLabel)).isEmpty();
			try (BackupStore store = Stores.open(destination.get())) {
				StorageRetentionStore retentionStore = new StorageRetentionStore(store);
				return Optional.of(removed ? this.retention.pruneRemoved(tenant, databaseLabel, retentionStore)
						: this.retention.prune(tenant, databaseLabel, retentionStore));
			}
		}
	}

	/**
	 * Deletes one backup because a person asked, whatever the policy says (manual and
	 * held backups are deleted only this way), in the same order and with the same
	 * ownership checks as a prune.
	 * @return what happened, or empty when the add-on has no destination any more
	 * @throws IllegalArgumentException when the database has no such backup left
	 */
	public Optional<PruneReport.Outcome> delete(TenantId tenant, String databaseLabel, UUID runId) {
		RetentionRecords.DatabaseRef database = new RetentionRecords.DatabaseRef(tenant, databaseLabel);
		Object lock = this.locks.computeIfAbsent(database, (key) -> new Object());
		synchronized (lock) {
			Optional<DestinationAccess> destination = this.targets.destinationAccess(tenant);
			if (destination.isEmpty()) {
				return Optional.empty();
			}
			try (BackupStore store = Stores.open(destination.get())) {
				return Optional
					.of(this.retention.delete(tenant, databaseLabel, runId, new StorageRetentionStore(store)));
			}
		}
	}

	/**
	 * Prunes every database that has a backup not yet deleted. A database that fails does
	 * not stop the others; it is tried again on the next sweep.
	 * @return how many databases had every removal finished
	 */
	public int sweep() {
		RetentionRecords records = this.records.getIfAvailable();
		if (records == null) {
			return 0;
		}
		int complete = 0;
		for (RetentionRecords.DatabaseRef database : records.databasesWithBackups()) {
			try {
				Optional<PruneReport> report = prune(database.tenant(), database.databaseLabel());
				if (report.isPresent() && report.get().complete()) {
					complete++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Retention sweep of {} {} failed, retried on the next sweep: {}: {}", database.tenant(),
						database.databaseLabel(), ex.getClass().getSimpleName(), ex.getMessage());
			}
		}
		return complete;
	}

}
