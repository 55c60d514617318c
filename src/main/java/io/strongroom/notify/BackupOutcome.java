package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.runner.FailureKind;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * How one backup run ended: the input the run module hands to {@link Notifications}.
 *
 * @param tenant the add-on resource
 * @param databaseLabel the database (e.g. {@code DATABASE})
 * @param runId the run
 * @param result how it ended
 * @param failureKind why it failed: an {@code io.strongroom.runner.FailureKind} name or
 * one the run module adds ({@code RUNNER_EXITED}, {@code LAUNCH_FAILED},
 * {@code NOT_CONFIGURED}); {@code null} unless failed
 * @param message the runner's message, secrets already masked ({@code null} unless failed
 * or stalled)
 * @param at when it ended
 * @param bytesOut the object's size ({@code 0} unless succeeded)
 * @param duration how long the run took, or {@code null}
 * @param manual whether a person started it
 */
public record BackupOutcome(TenantId tenant, String databaseLabel, UUID runId, Result result,
		@Nullable String failureKind, @Nullable String message, Instant at, long bytesOut, @Nullable Duration duration,
		boolean manual) {

	public BackupOutcome {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		Objects.requireNonNull(runId, "runId");
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(at, "at");
	}

	public static BackupOutcome succeeded(TenantId tenant, String databaseLabel, UUID runId, Instant at, long bytesOut,
			Duration duration) {
		return new BackupOutcome(tenant, databaseLabel, runId, Result.SUCCEEDED, null, null, at, bytesOut, duration,
				false);
	}

	public static BackupOutcome failed(TenantId tenant, String databaseLabel, UUID runId, Instant at, FailureKind kind,
			String message) {
		return new BackupOutcome(tenant, databaseLabel, runId, Result.FAILED, kind.name(), message, at, 0, null, false);
	}

	/** How a run ended, as notifications see it. */
	public enum Result {

		SUCCEEDED, FAILED,
		/** The runner stopped reporting for longer than the stall timeout. */
		STALLED,
		/** A person cancelled it: logged, never mailed. */
		CANCELLED

	}

}
