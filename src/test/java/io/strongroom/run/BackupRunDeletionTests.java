package io.strongroom.run;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.strongroom.retention.BackupRecord;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Retention's deletion state on a run, and how retention reads a run. */
class BackupRunDeletionTests {

	static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

	static BackupRun succeeded() {
		BackupRun run = BackupRun.queued(new TenantId(UUID.randomUUID()), new TargetId(UUID.randomUUID()),
				DatabaseLabel.DEFAULT, RunOrigin.SCHEDULE, T0, T0);
		run.launching(RunTickets.hash("ticket"), T0.plusSeconds(3600), T0.plusSeconds(1800), "local", T0);
		run.running(T0.plusSeconds(1));
		run.succeeded(BackupRunTests.outcome(), T0.plusSeconds(60));
		return run;
	}

	@Test
	void aBackupGoesFromOfferedToDeletingToDeletedAndEachStepIsIdempotent() {
		BackupRun run = succeeded();
		assertThat(run.deletion()).isEqualTo(BackupDeletion.NONE);
		assertThat(run.offeredForRestore()).isTrue();

		assertThat(run.deleting(T0.plusSeconds(100))).isTrue();
		assertThat(run.deleting(T0.plusSeconds(200))).as("a retry").isFalse();
		assertThat(run.deletion()).isEqualTo(BackupDeletion.DELETING);
		assertThat(run.deletionAt()).isEqualTo(T0.plusSeconds(100));
		assertThat(run.offeredForRestore()).isFalse();

		assertThat(run.deleted(T0.plusSeconds(300))).isTrue();
		assertThat(run.deleted(T0.plusSeconds(400))).isFalse();
		assertThat(run.deleting(T0.plusSeconds(500))).as("never back to deleting").isFalse();
		assertThat(run.deletion()).isEqualTo(BackupDeletion.DELETED);
		assertThat(run.deletionAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(run.offeredForRestore()).isFalse();
	}

	@Test
	void onlyABackupThatSucceededCanBeDeleted() {
		BackupRun run = BackupRun.queued(new TenantId(UUID.randomUUID()), new TargetId(UUID.randomUUID()),
				DatabaseLabel.DEFAULT, RunOrigin.MANUAL, null, T0);
		assertThatExceptionOfType(IllegalRunTransitionException.class).isThrownBy(() -> run.deleting(T0));
		run.failed("DUMP_FAILED", "no", T0);
		assertThatExceptionOfType(IllegalRunTransitionException.class).isThrownBy(() -> run.deleted(T0));
		assertThat(run.offeredForRestore()).isFalse();
	}

	@Test
	void retentionReadsASucceededRunAsABackupStrongroomWrote() {
		BackupRecord record = RunRetentionRecords.record(row(UUID.randomUUID(), RunOrigin.SCHEDULE, RunState.SUCCEEDED,
				T0, Verification.PASSED, "backups/a/DATABASE/x.dump.zst.enc", BackupDeletion.DELETING));
		assertThat(record.state()).isEqualTo(BackupRecord.State.SUCCEEDED);
		assertThat(record.origin()).isEqualTo(BackupRecord.Origin.SCHEDULED);
		assertThat(record.writtenByStrongroom()).isTrue();
		assertThat(record.verification()).isEqualTo(BackupRecord.Verification.PASSED);
		assertThat(record.deletion()).isEqualTo(BackupRecord.Deletion.DELETING);

		BackupRecord manual = RunRetentionRecords.record(row(UUID.randomUUID(), RunOrigin.MANUAL, RunState.RUNNING,
				null, Verification.PENDING, null, BackupDeletion.NONE));
		assertThat(manual.state()).isEqualTo(BackupRecord.State.IN_PROGRESS);
		assertThat(manual.origin()).isEqualTo(BackupRecord.Origin.MANUAL);
		assertThat(manual.writtenByStrongroom()).as("no object, nothing written").isFalse();
		BackupRecord failed = RunRetentionRecords.record(row(UUID.randomUUID(), RunOrigin.SCHEDULE, RunState.FAILED, T0,
				Verification.SKIPPED, null, BackupDeletion.NONE));
		assertThat(failed.state()).isEqualTo(BackupRecord.State.FAILED);
		assertThat(failed.writtenByStrongroom()).isFalse();
	}

	static BackupRunRepository.RetentionRow row(UUID id, RunOrigin origin, RunState state, Instant finishedAt,
			Verification verification, String objectKey, BackupDeletion deletion) {
		return new BackupRunRepository.RetentionRow() {

			@Override
			public UUID getId() {
				return id;
			}

			@Override
			public RunOrigin getOrigin() {
				return origin;
			}

			@Override
			public RunState getState() {
				return state;
			}

			@Override
			public Instant getFinishedAt() {
				return finishedAt;
			}

			@Override
			public Verification getVerification() {
				return verification;
			}

			@Override
			public String getObjectKey() {
				return objectKey;
			}

			@Override
			public BackupDeletion getDeletion() {
				return deletion;
			}

		};
	}

}
