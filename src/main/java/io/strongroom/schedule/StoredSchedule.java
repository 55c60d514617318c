package io.strongroom.schedule;

import java.time.Instant;
import java.util.UUID;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/** One row of {@code schedule}. */
record StoredSchedule(UUID targetId, TenantId tenant, ScheduleSpec spec, @Nullable Instant nextSlotAt) {

	/**
	 * Dispatcher jobs split targets by bucket; the bucket never changes, so a target
	 * always belongs to the same shard for a given shard count.
	 */
	static int bucket(UUID targetId) {
		return Math.floorMod(targetId.hashCode(), 1024);
	}

}
