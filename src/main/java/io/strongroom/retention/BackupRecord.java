package io.strongroom.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What retention needs to know about one run: the input of the pure decision. The run
 * module's records are mapped to this type (see {@link RetentionRecords}), so retention
 * does not depend on how runs are stored.
 *
 * @param id the run id (also the value of the object's {@code strongroom-run} metadata)
 * @param origin scheduled or manual
 * @param state how the run ended; only {@link State#SUCCEEDED} runs are backups
 * @param finishedAt when the run finished; required for a successful run
 * @param verification the result of verifying the backup
 * @param writtenByStrongroom whether Strongroom's record says Strongroom wrote the
 * object; anything else is never a candidate for deletion
 * @param objectKey the object's key in the destination; required for a successful run
 * @param deletion how far deleting it has got
 * @param hold why a person (or a plan downgrade) asked to keep it regardless of the
 * policy, or {@code null}
 */
public record BackupRecord(UUID id, Origin origin, State state, @Nullable Instant finishedAt, Verification verification,
		boolean writtenByStrongroom, @Nullable String objectKey, Deletion deletion, @Nullable String hold) {

	public BackupRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(verification, "verification");
		Objects.requireNonNull(deletion, "deletion");
		if (state == State.SUCCEEDED && (finishedAt == null || objectKey == null)) {
			throw new IllegalArgumentException("A successful run " + id + " needs finishedAt and objectKey");
		}
	}

	/** A successful, scheduled, verified-pending backup written by Strongroom. */
	public static BackupRecord scheduled(UUID id, Instant finishedAt, String objectKey) {
		return new BackupRecord(id, Origin.SCHEDULED, State.SUCCEEDED, finishedAt, Verification.PENDING, true,
				objectKey, Deletion.NONE, null);
	}

	public BackupRecord withOrigin(Origin origin) {
		return new BackupRecord(this.id, origin, this.state, this.finishedAt, this.verification,
				this.writtenByStrongroom, this.objectKey, this.deletion, this.hold);
	}

	public BackupRecord withVerification(Verification verification) {
		return new BackupRecord(this.id, this.origin, this.state, this.finishedAt, verification,
				this.writtenByStrongroom, this.objectKey, this.deletion, this.hold);
	}

	public BackupRecord withDeletion(Deletion deletion) {
		return new BackupRecord(this.id, this.origin, this.state, this.finishedAt, this.verification,
				this.writtenByStrongroom, this.objectKey, deletion, this.hold);
	}

	public BackupRecord withHold(@Nullable String hold) {
		return new BackupRecord(this.id, this.origin, this.state, this.finishedAt, this.verification,
				this.writtenByStrongroom, this.objectKey, this.deletion, hold);
	}

	/** A backup that exists (or is being deleted): a candidate the plan must mention. */
	boolean isBackup() {
		return this.state == State.SUCCEEDED && this.deletion != Deletion.DELETED;
	}

	/** A backup still offered for restore. */
	boolean isLive() {
		return this.state == State.SUCCEEDED && this.deletion == Deletion.NONE;
	}

	/** Who started the run. Manual backups are kept until a person deletes them. */
	public enum Origin {

		SCHEDULED, MANUAL

	}

	/** How the run ended, as far as retention cares. */
	public enum State {

		IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED

	}

	/** Verification status recorded on the run. */
	public enum Verification {

		PENDING, PASSED, FAILED, SKIPPED

	}

	/**
	 * How far deleting the backup has got. {@code DELETING} is set before the object is
	 * deleted and stays until it is gone, so a failed delete is retried.
	 */
	public enum Deletion {

		NONE, DELETING, DELETED

	}

}
