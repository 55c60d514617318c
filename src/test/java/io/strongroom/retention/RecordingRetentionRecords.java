package io.strongroom.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.tenant.TenantId;

/** Run records in memory that log every mark, in the order made. */
class RecordingRetentionRecords implements RetentionRecords {

	final Map<UUID, BackupRecord> records = new LinkedHashMap<>();

	final List<String> calls;

	RecordingRetentionRecords(List<String> calls) {
		this.calls = calls;
	}

	RecordingRetentionRecords() {
		this(new ArrayList<>());
	}

	void add(BackupRecord record) {
		this.records.put(record.id(), record);
	}

	@Override
	public List<BackupRecord> history(TenantId tenant, String databaseLabel) {
		return List.copyOf(this.records.values());
	}

	@Override
	public void markDeleting(TenantId tenant, UUID runId) {
		this.calls.add("markDeleting " + runId);
		this.records.computeIfPresent(runId, (id, record) -> record.withDeletion(Deletion.DELETING));
	}

	@Override
	public void markDeleted(TenantId tenant, UUID runId) {
		this.calls.add("markDeleted " + runId);
		this.records.computeIfPresent(runId, (id, record) -> record.withDeletion(Deletion.DELETED));
	}

	/** These records know no tenant, so a sweep finds nothing in them. */
	@Override
	public List<DatabaseRef> databasesWithBackups() {
		return List.of();
	}

}
