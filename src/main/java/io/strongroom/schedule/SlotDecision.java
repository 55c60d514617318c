package io.strongroom.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * What the dispatcher does with one due schedule (a pure decision, STYLE.md C6): which
 * slot to publish and where the schedule moves next.
 * <p>
 * Misfire policy: after downtime a schedule that missed several slots runs once, for the
 * most recent missed slot (the backup then reflects the freshest state, and its run is
 * named after a slot that really was due); the older missed slots are dropped, never
 * queued. A schedule is never moved backwards and a slot is never published twice,
 * because the next slot is always strictly after the published one.
 *
 * @param slot the slot to publish
 * @param next the schedule's next slot, strictly after {@code now}
 * @param skipped whether older missed slots were dropped in favour of {@code slot}
 */
record SlotDecision(Instant slot, Instant next, boolean skipped) {

	/**
	 * Every schedule has a slot at least every 31 days plus a DST shift; going back this
	 * far from now is certain to land before the most recent slot, so long downtimes cost
	 * a bounded walk.
	 */
	private static final Duration LONGEST_GAP = Duration.ofDays(35);

	/**
	 * @param due the schedule's stored next slot, at or before {@code now}
	 */
	static SlotDecision decide(ScheduleSpec spec, Instant due, Instant now) {
		if (due.isAfter(now)) {
			throw new IllegalArgumentException("Slot " + due + " is not due at " + now);
		}
		Instant slot = due;
		boolean skipped = false;
		Instant floor = now.minus(LONGEST_GAP);
		if (slot.isBefore(floor)) {
			slot = next(spec, floor);
			skipped = true;
		}
		Instant next = next(spec, slot);
		while (!next.isAfter(now)) {
			slot = next;
			skipped = true;
			next = next(spec, slot);
		}
		return new SlotDecision(slot, next, skipped);
	}

	private static Instant next(ScheduleSpec spec, Instant after) {
		return spec.nextSlotAfter(after)
			.orElseThrow(() -> new IllegalArgumentException("A manual schedule has no slots: " + spec.describe()));
	}

}
