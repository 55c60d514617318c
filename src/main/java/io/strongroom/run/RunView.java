package io.strongroom.run;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/**
 * A run as its tenant may read it. Holds no secret.
 *
 * @param durationsMillis per stage ({@code connect}, {@code dump}, {@code upload},
 * {@code total}) as the runner reported them
 * @param statistics tables, rows and sizes of the dumped data, as the runner reported
 * them
 * @param verificationDetail what the latest verification checked and found, or why it was
 * skipped
 * @param verifiedAt when the latest verification that changed {@code verification} ended
 * @param deletion whether retention is deleting, or has deleted, the backup (then it is
 * no longer offered for download or restore)
 * @param deletionAt when the deletion state last changed
 */
public record RunView(BackupRunId id, TenantId tenant, TargetId target, DatabaseLabel database, RunOrigin origin,
		@Nullable Instant slot, RunState status, Verification verification, Instant createdAt,
		@Nullable Instant launchedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Instant lastHeartbeatAt, @Nullable String stage, long bytesIn, long bytesOut, @Nullable String engine,
		@Nullable String compression, @Nullable String objectKey, @Nullable String manifestKey, @Nullable String sha256,
		@Nullable String hmacSha256, @Nullable String serverVersion, @Nullable String clientVersion,
		@Nullable Map<String, Object> durationsMillis, @Nullable Map<String, Object> statistics,
		@Nullable RunError error, boolean cancelRequested, @Nullable String verificationDetail,
		@Nullable Instant verifiedAt, BackupDeletion deletion, @Nullable Instant deletionAt) {

}
