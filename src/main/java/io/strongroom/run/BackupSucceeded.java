package io.strongroom.run;

import java.time.Instant;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/** A run reached SUCCEEDED: its object and manifest are in the destination. */
public record BackupSucceeded(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel database,
		String objectKey, Instant at) {

}
