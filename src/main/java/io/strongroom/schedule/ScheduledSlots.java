package io.strongroom.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A recurring schedule as the dispatcher sees it: which slot it publishes next and which
 * it published last. Lets another module tell a slot that was due from one a schedule
 * change skipped (a changed schedule starts with its first slot after the change).
 *
 * @param tenant the add-on resource
 * @param targetId the database
 * @param spec the schedule (never manual)
 * @param nextSlotAt the slot the dispatcher publishes next; in the past while it is late
 * @param lastSlotAt the slot it published last, {@code null} if none since the target got
 * a schedule
 */
public record ScheduledSlots(TenantId tenant, UUID targetId, ScheduleSpec spec, @Nullable Instant nextSlotAt,
		@Nullable Instant lastSlotAt) {

	public ScheduledSlots {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(targetId, "targetId");
		Objects.requireNonNull(spec, "spec");
	}

}
