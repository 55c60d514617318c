package io.strongroom.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying one backup (integrity check, and a restore test where the plan
 * has one).
 *
 * @param tenant the add-on resource
 * @param databaseLabel the database
 * @param runId the backup's run
 * @param status passed, failed or skipped
 * @param failure what failed, for FAILED only: {@code INTEGRITY} (the object is damaged),
 * {@code RESTORE_TEST} (intact, but it did not restore as recorded), or the kind that
 * kept the object from being read ({@code BUCKET_MISSING}, ...); {@code null} when not
 * known
 * @param detail what differed, or why it was skipped (no secrets)
 * @param at when verification ended
 */
public record VerificationOutcome(TenantId tenant, String databaseLabel, UUID runId, Status status,
		@Nullable String failure, String detail, Instant at) {

	public VerificationOutcome {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		Objects.requireNonNull(runId, "runId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(detail, "detail");
		Objects.requireNonNull(at, "at");
	}

	/** Verification status, as recorded on the run. */
	public enum Status {

		PASSED, FAILED, SKIPPED

	}

}
