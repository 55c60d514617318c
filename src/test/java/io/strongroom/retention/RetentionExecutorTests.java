package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.retention.BackupRecord.Origin;
import io.strongroom.retention.BackupRecord.State;
import io.strongroom.retention.BackupRecord.Verification;
import io.strongroom.retention.PruneReport.Status;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionExecutorTests {

	static final TenantId TENANT = TenantId.of("0b7c7a55-4b0e-4a4b-9c39-6a3f7d3e1b11");

	static final ZoneId UTC = ZoneId.of("UTC");

	static final String PREFIX = "backups/acme-primary-1234/DATABASE/2026/11/";

	final List<String> calls = new ArrayList<>();

	final RecordingRetentionRecords records = new RecordingRetentionRecords(this.calls);

	final InMemoryRetentionStore store = new InMemoryRetentionStore(this.calls);

	/**
	 * A backup Strongroom wrote: record, object and manifest, both marked with the run.
	 */
	BackupRecord backup(int n, Instant at) {
		UUID id = Histories.id(n);
		String key = PREFIX + at.toString().substring(8, 10) + "/" + at.toString().replace("-", "").replace(":", "")
				+ "-" + id + ".dump.zst.enc";
		BackupRecord record = BackupRecord.scheduled(id, at, key);
		this.records.add(record);
		this.store.put(key, Map.of("strongroom-run", id.toString(), "strongroom-sha256", "ab"));
		this.store.put(key + ".manifest.json", Map.of("strongroom-run", id.toString()));
		return record;
	}

	PruneReport prune(RetentionPolicy policy) {
		RetentionPlan plan = policy.apply(this.records.history(TENANT, "DATABASE"), UTC, Histories.PRO);
		return RetentionExecutor.execute(TENANT, plan, this.records, this.store);
	}

	@Test
	void deletesInTheWrittenOrder() {
		BackupRecord old = backup(1, Instant.parse("2026-11-20T03:00:00Z"));
		backup(2, Instant.parse("2026-11-21T03:00:00Z"));

		PruneReport report = prune(RetentionPolicy.empty().withKeepLast(1));

		assertThat(report.outcomes()).singleElement()
			.satisfies((o) -> assertThat(o.status()).isEqualTo(Status.DELETED));
		assertThat(this.calls).containsExactly("markDeleting " + old.id(),
				"delete " + old.objectKey() + ".manifest.json", "delete " + old.objectKey(), "markDeleted " + old.id());
		assertThat(this.records.records.get(old.id()).deletion()).isEqualTo(Deletion.DELETED);
	}

	@Test
	void foreignObjectsInTheSamePrefixSurvive() {
		Instant day = Instant.parse("2026-11-01T03:00:00Z");
		for (int n = 1; n <= 10; n++) {
			backup(n, day.plus(Duration.ofDays(n)));
		}
		// objects nobody has a record of, right beside Strongroom's
		Map<String, Map<String, String>> foreign = Map.of(PREFIX + "02/notes.txt", Map.of(),
				PREFIX + "02/20261102T030000Z-" + Histories.id(1) + ".dump.zst.enc.bak",
				Map.of("strongroom-run", Histories.id(1).toString()), PREFIX + "03/customer-dump.sql.gz",
				Map.of("owner", "acme"), "backups/acme-primary-1234/DATABASE/README", Map.of());
		foreign.forEach(this.store::put);
		// a record whose object was replaced by somebody else's file
		BackupRecord replaced = backup(11, day.minus(Duration.ofDays(3)));
		this.store.put(replaced.objectKey(), Map.of("owner", "acme"));
		// a record whose object another run claims
		BackupRecord claimed = backup(12, day.minus(Duration.ofDays(4)));
		this.store.put(claimed.objectKey(), Map.of("strongroom-run", Histories.id(99).toString()));
		// a record Strongroom did not write
		Instant imported = day.minus(Duration.ofDays(5));
		BackupRecord notOurs = new BackupRecord(Histories.id(13), Origin.SCHEDULED, State.SUCCEEDED, imported,
				Verification.PASSED, false, PREFIX + "imported.dump", Deletion.NONE, null);
		this.records.add(notOurs);
		this.store.put(notOurs.objectKey(), Map.of());

		PruneReport report = prune(RetentionPolicy.empty().withKeepDaily(3));

		foreign.keySet().forEach((key) -> assertThat(this.store.objects).containsKey(key));
		assertThat(this.store.objects).containsKeys(replaced.objectKey(), claimed.objectKey(), notOurs.objectKey());
		assertThat(report.with(Status.REFUSED)).extracting(PruneReport.Outcome::runId)
			.containsExactlyInAnyOrder(replaced.id(), claimed.id());
		assertThat(this.records.records.get(replaced.id()).deletion()).isEqualTo(Deletion.NONE);
		assertThat(report.with(Status.DELETED)).hasSize(7);
		assertThat(this.calls).noneMatch((call) -> call.contains(replaced.objectKey())
				|| call.contains(claimed.objectKey()) || call.contains(notOurs.objectKey()));
		long strongroomObjectsLeft = this.store.objects.values()
			.stream()
			.filter((m) -> m.containsKey("strongroom-sha256"))
			.count();
		assertThat(strongroomObjectsLeft).isEqualTo(3);
	}

	@Test
	void aFailedDeleteIsRetriedLaterAndDoesNotStopTheOthers() {
		Instant day = Instant.parse("2026-11-01T03:00:00Z");
		List<BackupRecord> backups = new ArrayList<>();
		for (int n = 1; n <= 5; n++) {
			backups.add(backup(n, day.plus(Duration.ofDays(n))));
		}
		BackupRecord stuck = backups.get(1);
		this.store.failingDeletes.add(stuck.objectKey());

		PruneReport first = prune(RetentionPolicy.empty().withKeepLast(1));

		assertThat(first.with(Status.DELETED)).hasSize(3);
		assertThat(first.with(Status.FAILED)).singleElement().satisfies((o) -> {
			assertThat(o.runId()).isEqualTo(stuck.id());
			assertThat(o.detail()).isEqualTo("will retry: IOException: 503 Slow Down");
		});
		assertThat(first.complete()).isFalse();
		assertThat(this.records.records.get(stuck.id()).deletion()).isEqualTo(Deletion.DELETING);
		// the manifest went first; the object that proves ownership is still there
		assertThat(this.store.objects).containsKey(stuck.objectKey())
			.doesNotContainKey(stuck.objectKey() + ".manifest.json");

		this.store.failingDeletes.clear();
		this.calls.clear();
		PruneReport retry = prune(RetentionPolicy.empty().withKeepLast(1));

		assertThat(retry.outcomes()).singleElement().satisfies((o) -> {
			assertThat(o.runId()).isEqualTo(stuck.id());
			assertThat(o.status()).isEqualTo(Status.DELETED);
		});
		assertThat(this.calls).doesNotContain("markDeleting " + stuck.id()).contains("markDeleted " + stuck.id());
		assertThat(this.store.objects).doesNotContainKey(stuck.objectKey());
	}

	@Test
	void anObjectAlreadyGoneIsMarkedDeletedAndOnlyItsProvenManifestIsDeleted() {
		BackupRecord gone = backup(1, Instant.parse("2026-11-20T03:00:00Z"));
		BackupRecord goneWithForeignManifest = backup(2, Instant.parse("2026-11-21T03:00:00Z"));
		backup(3, Instant.parse("2026-11-22T03:00:00Z"));
		this.store.objects.remove(gone.objectKey());
		this.store.objects.remove(goneWithForeignManifest.objectKey());
		this.store.put(goneWithForeignManifest.objectKey() + ".manifest.json", Map.of());

		PruneReport report = prune(RetentionPolicy.empty().withKeepLast(1));

		assertThat(report.with(Status.ALREADY_GONE)).hasSize(2);
		assertThat(this.store.objects).doesNotContainKey(gone.objectKey() + ".manifest.json")
			.containsKey(goneWithForeignManifest.objectKey() + ".manifest.json");
		assertThat(this.records.records.get(gone.id()).deletion()).isEqualTo(Deletion.DELETED);
	}

	@Test
	void aForeignFileAtTheManifestsNameBesideOurObjectSurvives() {
		BackupRecord foreignManifest = backup(1, Instant.parse("2026-11-20T03:00:00Z"));
		BackupRecord otherRunsManifest = backup(2, Instant.parse("2026-11-21T03:00:00Z"));
		BackupRecord noManifest = backup(3, Instant.parse("2026-11-22T03:00:00Z"));
		backup(4, Instant.parse("2026-11-23T03:00:00Z"));
		this.store.put(foreignManifest.objectKey() + ".manifest.json", Map.of("owner", "acme"));
		this.store.put(otherRunsManifest.objectKey() + ".manifest.json",
				Map.of("strongroom-run", Histories.id(99).toString()));
		this.store.objects.remove(noManifest.objectKey() + ".manifest.json");

		PruneReport report = prune(RetentionPolicy.empty().withKeepLast(1));

		assertThat(report.outcomes()).extracting(PruneReport.Outcome::status).containsOnly(Status.DELETED).hasSize(3);
		assertThat(report.outcomes()).extracting(PruneReport.Outcome::detail)
			.containsExactly("deleted the object; its manifest does not name this run, left alone",
					"deleted the object; its manifest does not name this run, left alone",
					"deleted the object; its manifest was already gone");
		assertThat(this.store.objects).containsKeys(foreignManifest.objectKey() + ".manifest.json",
				otherRunsManifest.objectKey() + ".manifest.json");
		assertThat(this.store.objects).doesNotContainKeys(foreignManifest.objectKey(), otherRunsManifest.objectKey(),
				noManifest.objectKey());
		assertThat(this.calls)
			.noneMatch((call) -> call.equals("delete " + foreignManifest.objectKey() + ".manifest.json")
					|| call.equals("delete " + otherRunsManifest.objectKey() + ".manifest.json"));
	}

	@Test
	void theNewestSuccessfulAndVerifiedBackupsSurviveAnAggressivePolicy() {
		BackupRecord verified = backup(1, Instant.parse("2026-10-01T03:00:00Z"));
		this.records.add(verified.withVerification(Verification.PASSED));
		for (int n = 2; n <= 6; n++) {
			backup(n, Instant.parse("2026-11-01T03:00:00Z").plus(Duration.ofDays(n)));
		}
		prune(RetentionPolicy.olderThan(Duration.ofHours(1)));
		assertThat(this.store.objects)
			.containsKeys(verified.objectKey(), this.records.records.get(Histories.id(6)).objectKey())
			.hasSize(4);
	}

}
