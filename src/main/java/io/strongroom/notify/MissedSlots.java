package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which schedule slots were missed: no run started from the slot until the slot plus the
 * grace period, and that moment has passed. Pure; the schedule and run modules supply the
 * slots and start times.
 */
public final class MissedSlots {

	private MissedSlots() {
	}

	/**
	 * @param slots the slots of one database's schedule, any order
	 * @param runStarts when runs of that database started (scheduled or manual), any
	 * order
	 * @param grace how long after its slot a run may start
	 * @param now the present
	 * @return the missed slots, oldest first
	 */
	public static List<Instant> missed(List<Instant> slots, List<Instant> runStarts, Duration grace, Instant now) {
		List<Instant> missed = new ArrayList<>();
		for (Instant slot : slots.stream().sorted().toList()) {
			Instant deadline = slot.plus(grace);
			if (!now.isAfter(deadline)) {
				continue;
			}
			boolean ran = runStarts.stream().anyMatch((start) -> !start.isBefore(slot) && !start.isAfter(deadline));
			if (!ran) {
				missed.add(slot);
			}
		}
		return missed;
	}

}
