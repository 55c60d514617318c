package io.strongroom.run;

import java.time.Instant;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/**
 * A successful backup's verification ended: {@code result} is PASSED, FAILED or SKIPPED,
 * and {@code detail} says what was checked, what differed or why it was skipped (no
 * secret). {@code restoreTested} tells an integrity check alone from one that also
 * restored the backup into a scratch database.
 */
public record BackupVerified(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel database,
		Verification result, boolean restoreTested, String detail, Instant at) {

}
