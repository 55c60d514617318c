package io.strongroom.run;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/**
 * A successful backup's verification ended: {@code result} is PASSED, FAILED or SKIPPED,
 * and {@code detail} says what was checked, what differed or why it was skipped (no
 * secret). {@code restoreTested} tells an integrity check alone from one that also
 * restored the backup into a scratch database. {@code failure} says what FAILED means:
 * {@link FailureKinds#INTEGRITY} (the object is damaged),
 * {@link FailureKinds#RESTORE_TEST} (intact, but it did not restore as recorded), or the
 * runner's kind when the object could not be read ({@code BUCKET_MISSING}, ...);
 * {@code null} unless FAILED.
 */
public record BackupVerified(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel database,
		Verification result, boolean restoreTested, @Nullable String failure, String detail, Instant at) {

}
