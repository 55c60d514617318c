package io.strongroom.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.strongroom.tenant.TenantId;

/**
 * The schedules of targets (databases), and the only way to change them. Each due slot is
 * published once, as part of a {@link BackupSlotsDue} batch.
 * <p>
 * Contract: every method joins the caller's transaction (so a target and its schedule
 * commit together) and is idempotent.
 */
public interface Schedules {

	/**
	 * Sets the target's schedule, replacing any previous one. Putting the schedule the
	 * target already has changes nothing (a slot that is due but not yet dispatched stays
	 * due); a different schedule starts with its first slot after now.
	 * @return the next slot, empty for a manual schedule
	 * @throws ScheduleNotAllowedException when the tenant's plan does not allow the
	 * frequency (or the tenant is unknown)
	 */
	Optional<Instant> put(TenantId tenant, UUID targetId, ScheduleSpec spec);

	/** Removes the target's schedule; removing a missing one does nothing. */
	void remove(UUID targetId);

	/** The target's next slot; empty when it has no schedule or a manual one. */
	Optional<Instant> nextSlot(UUID targetId);

	/** The target's schedule, as last put (or clamped by a plan change). */
	Optional<ScheduleSpec> find(UUID targetId);

	/**
	 * Every recurring (not manual) schedule with its next and last dispatched slot, for
	 * the check for missed slots. A schedule that no longer reads, or is paused (a
	 * database beyond its plan), is left out.
	 */
	List<ScheduledSlots> recurring();

	/**
	 * Stops the target's slots from falling due, keeping its schedule (a database beyond
	 * its plan's limit). A paused schedule stays paused when the plan clamps it or the
	 * same schedule is put again; putting a different one unpauses it.
	 * @return whether it was running until now
	 */
	boolean pause(UUID targetId);

	/**
	 * Lets a paused schedule run again, from its first slot after now; a running (or
	 * manual, or missing) schedule is left as it is.
	 * @return whether it was paused until now
	 */
	boolean resume(UUID targetId);

}
