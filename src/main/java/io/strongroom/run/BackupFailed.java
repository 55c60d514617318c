package io.strongroom.run;

import java.time.Instant;

import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantId;

/**
 * A run reached FAILED. {@code kind} is a runner {@code FailureKind} name or one of
 * {@link FailureKinds}; {@code message} holds no secret.
 */
public record BackupFailed(TenantId tenant, BackupRunId run, TargetId target, DatabaseLabel database, String kind,
		String message, Instant at) {

}
