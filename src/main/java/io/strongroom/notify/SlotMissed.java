package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.strongroom.tenant.TenantId;

/**
 * A schedule slot passed without a run starting within the grace period
 * ({@link MissedSlots} decides it).
 *
 * @param tenant the add-on resource
 * @param databaseLabel the database
 * @param slot when the backup should have started
 * @param grace how long after the slot a run may start
 * @param detectedAt when the miss was noticed
 */
public record SlotMissed(TenantId tenant, String databaseLabel, Instant slot, Duration grace, Instant detectedAt) {

	public SlotMissed {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		Objects.requireNonNull(slot, "slot");
		Objects.requireNonNull(grace, "grace");
		Objects.requireNonNull(detectedAt, "detectedAt");
	}

}
