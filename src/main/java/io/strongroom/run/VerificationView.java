package io.strongroom.run;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A verification as its tenant may read it. Holds no secret.
 *
 * @param status QUEUED, LAUNCHING, RUNNING, then PASSED, FAILED or SKIPPED
 * @param origin {@code automatic} (after the backup) or {@code requested}
 * @param restoreTest {@code existing} (the verification database), {@code create} (a
 * scratch database), {@code none}, or {@code null} until it is launched
 * @param detail what was checked and found, or why nothing was; {@code null} until it
 * ends
 */
public record VerificationView(VerificationId id, BackupRunId backup, VerificationState status, String origin,
		int attempts, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable String restoreTest, boolean restoreTested, @Nullable String detail) {

}
