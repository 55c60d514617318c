package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.strongroom.tenant.TenantId;

/**
 * Schedule slots of one database that passed without a run starting within the grace
 * period ({@link MissedSlots} decides it), told together: one slot normally, several
 * after downtime.
 *
 * @param tenant the add-on resource
 * @param databaseLabel the database
 * @param slots when backups should have started, oldest first, at least one
 * @param grace how long after a slot a run may start
 * @param detectedAt when the misses were noticed
 */
public record SlotMissed(TenantId tenant, String databaseLabel, List<Instant> slots, Duration grace,
		Instant detectedAt) {

	public SlotMissed {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(databaseLabel, "databaseLabel");
		Objects.requireNonNull(grace, "grace");
		Objects.requireNonNull(detectedAt, "detectedAt");
		slots = slots.stream().distinct().sorted().toList();
		if (slots.isEmpty()) {
			throw new IllegalArgumentException("No missed slot");
		}
	}

	/** One missed slot. */
	public SlotMissed(TenantId tenant, String databaseLabel, Instant slot, Duration grace, Instant detectedAt) {
		this(tenant, databaseLabel, List.of(slot), grace, detectedAt);
	}

	/** The oldest missed slot. */
	public Instant first() {
		return this.slots.get(0);
	}

	/** The newest missed slot. */
	public Instant last() {
		return this.slots.get(this.slots.size() - 1);
	}

	/** What was missed, in one sentence naming the slot, or the count and the range. */
	String detail() {
		String minutes = this.grace.toMinutes() + " minutes";
		if (this.slots.size() == 1) {
			return "no backup started within " + minutes + " of the slot at " + first();
		}
		return this.slots.size() + " scheduled backups from " + first() + " to " + last()
				+ " did not start: no backup started within " + minutes + " of their slots";
	}

}
