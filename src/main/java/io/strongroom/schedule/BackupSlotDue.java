package io.strongroom.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;

/**
 * One schedule slot that fell due. The dispatcher publishes slots in batches, as
 * {@link BackupSlotsDue}; listeners must be idempotent on {@code (targetId, slot)}.
 * <p>
 * Earlier versions published each slot on its own as this event. Publications of that
 * kind still in the registry when a new version starts are delivered again, so the run
 * module keeps a listener for it.
 *
 * @param tenant the add-on resource the target belongs to
 * @param targetId the database (target) to back up
 * @param slot the instant the slot was due (not the instant it was dispatched); after
 * downtime, the most recent missed slot
 */
public record BackupSlotDue(TenantId tenant, UUID targetId, Instant slot) {

	public BackupSlotDue {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(targetId, "targetId");
		Objects.requireNonNull(slot, "slot");
	}

}
