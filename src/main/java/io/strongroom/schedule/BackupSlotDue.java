package io.strongroom.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;

/**
 * Published once per schedule slot that fell due, through Spring Modulith's event
 * publication registry in the same transaction that advances the schedule, so a listener
 * that fails is retried and a slot is never published twice in normal operation.
 * Listeners must still be idempotent on {@code (targetId, slot)}: a retried publication
 * delivers the same event again.
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
