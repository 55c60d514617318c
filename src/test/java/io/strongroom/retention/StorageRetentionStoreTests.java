package io.strongroom.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.retention.PruneReport.Status;
import io.strongroom.storage.BackupStore;
import io.strongroom.storage.FilesystemBackupStore;
import io.strongroom.storage.StoredObject;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over a real store (a folder, through the storage module): the adapter's
 * contract, and a prune that leaves every object it has no record of alone.
 */
class StorageRetentionStoreTests {

	static final TenantId TENANT = new TenantId(UUID.randomUUID());

	@TempDir
	Path folder;

	@Test
	void readsMetadataWithLowerCaseKeysAndDeletesIdempotently() throws IOException {
		try (BackupStore store = new FilesystemBackupStore(this.folder)) {
			store.put("backups/a/x.dump", bytes("x"), Map.of("strongroom-run", "r1", "sha256", "00"));
			RetentionStore retention = new StorageRetentionStore(store);
			assertThat(retention.metadata("backups/a/x.dump")).contains(Map.of("strongroom-run", "r1", "sha256", "00"));
			assertThat(retention.metadata("backups/a/missing.dump")).isEmpty();
			retention.delete("backups/a/x.dump");
			retention.delete("backups/a/x.dump");
			assertThat(store.head("backups/a/x.dump")).isEmpty();
		}
		assertThat(StorageRetentionStore.lowerCaseKeys(Map.of("Strongroom-Run", "r1"))).containsEntry("strongroom-run",
				"r1");
	}

	@Test
	void aPruneDeletesOnlyWhatItsRecordsAndTheObjectsMetadataAgreeOn() throws IOException {
		try (BackupStore store = new FilesystemBackupStore(this.folder)) {
			RecordingRetentionRecords records = new RecordingRetentionRecords();
			Instant first = Instant.parse("2026-11-17T03:00:00Z");
			List<BackupRecord> backups = new ArrayList<>();
			for (int day = 0; day < 5; day++) {
				UUID id = UUID.randomUUID();
				Instant at = first.plus(Duration.ofDays(day));
				BackupRecord backup = BackupRecord.scheduled(id, at,
						"backups/acme/DATABASE/day" + day + "-" + id + ".dump.zst.enc");
				backups.add(backup);
				records.add(backup);
				store.put(backup.objectKey(), bytes("backup"), Map.of("strongroom-run", id.toString()));
				store.put(backup.objectKey() + ".manifest.json", bytes("{}"), Map.of("strongroom-run", id.toString()));
			}
			// a foreign object at the key of a recorded backup: its metadata names no run
			BackupRecord overwritten = backups.get(1);
			store.put(overwritten.objectKey(), bytes("customer's"), Map.of());
			// a foreign file at the manifest's name of a backup the plan removes
			BackupRecord foreignManifest = backups.get(2);
			store.put(foreignManifest.objectKey() + ".manifest.json", bytes("customer's"), Map.of());
			String planted = "backups/acme/DATABASE/2026/11/17/planted.dump.zst.enc";
			store.put(planted, bytes("not ours"), Map.of("strongroom-run", UUID.randomUUID().toString()));

			RetentionPlan plan = new RetentionPolicy(null, 0, 0, 2, 0, 0, 0).apply(records.history(TENANT, "DATABASE"),
					ZoneOffset.UTC, Histories.PRO);
			PruneReport report = RetentionExecutor.execute(TENANT, plan, records, new StorageRetentionStore(store));

			assertThat(report.with(Status.DELETED)).extracting(PruneReport.Outcome::runId)
				.containsExactlyInAnyOrder(backups.get(0).id(), backups.get(2).id());
			assertThat(report.with(Status.REFUSED)).extracting(PruneReport.Outcome::runId)
				.containsExactly(overwritten.id());
			assertThat(store.list("backups")).extracting(StoredObject::key)
				.containsExactlyInAnyOrder(overwritten.objectKey(), overwritten.objectKey() + ".manifest.json", planted,
						foreignManifest.objectKey() + ".manifest.json", backups.get(3).objectKey(),
						backups.get(3).objectKey() + ".manifest.json", backups.get(4).objectKey(),
						backups.get(4).objectKey() + ".manifest.json");
			assertThat(records.records.get(overwritten.id()).deletion()).as("refused: left as it was")
				.isEqualTo(BackupRecord.Deletion.NONE);
		}
		assertThat(Files.exists(this.folder)).isTrue();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
