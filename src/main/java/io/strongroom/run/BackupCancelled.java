package io.strongroom.run;

import java.time.Instant;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/** A run reached CANCELLED (by a person, or past the plan's maximum duration). */
public record BackupCancelled(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel database, String reason,
		Instant at) {

}
