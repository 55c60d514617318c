package io.strongroom.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.run.RunError;
import io.strongroom.run.RunView;

/**
 * A backup run as the API shows it. {@code verification} is PENDING until the first
 * verification ends, then PASSED, FAILED or SKIPPED, with {@code verificationDetail}
 * saying what was checked and found (or why nothing was) and {@code verifiedAt}.
 * {@code deletion} is {@code NONE}, {@code DELETING} or {@code DELETED} (retention): only
 * a backup with {@code NONE} can be downloaded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BackupResponse(String id, String database, String status, String verification, String origin,
		@Nullable Instant slot, Instant createdAt, @Nullable Instant launchedAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Instant lastHeartbeatAt, @Nullable String stage, long bytesIn,
		long bytesOut, @Nullable String engine, @Nullable String compression, @Nullable String objectKey,
		@Nullable String manifestKey, @Nullable String sha256, @Nullable String hmacSha256,
		@Nullable String serverVersion, @Nullable String clientVersion, @Nullable Map<String, Object> durationsMillis,
		@Nullable Map<String, Object> statistics, @Nullable RunError error, boolean cancelRequested,
		@Nullable String verificationDetail, @Nullable Instant verifiedAt, String deletion,
		@Nullable Instant deletionAt) {

	static BackupResponse of(RunView run) {
		return new BackupResponse(run.id().toString(), run.database().value(), run.status().name(),
				run.verification().name(), run.origin().name().toLowerCase(Locale.ROOT), run.slot(), run.createdAt(),
				run.launchedAt(), run.startedAt(), run.finishedAt(), run.lastHeartbeatAt(), run.stage(), run.bytesIn(),
				run.bytesOut(), run.engine(), run.compression(), run.objectKey(), run.manifestKey(), run.sha256(),
				run.hmacSha256(), run.serverVersion(), run.clientVersion(), run.durationsMillis(), run.statistics(),
				run.error(), run.cancelRequested(), run.verificationDetail(), run.verifiedAt(), run.deletion().name(),
				run.deletionAt());
	}

}
