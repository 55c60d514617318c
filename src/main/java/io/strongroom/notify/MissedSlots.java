package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Which schedule slots were missed: no run was going at any moment from the slot until
 * the slot plus the grace period, and that moment has passed. Pure; the schedule and run
 * modules supply the slots and the runs.
 */
public final class MissedSlots {

	private MissedSlots() {
	}

	/**
	 * When a run was going: from when it began (launched, or ended without being
	 * launched) until it ended.
	 *
	 * @param began when a runner was launched for it, or when it ended if it never was
	 * @param ended when it ended, {@code null} while it is still going
	 */
	public record RunSpan(Instant began, @Nullable Instant ended) {

		public RunSpan {
			Objects.requireNonNull(began, "began");
		}

		boolean overlaps(Instant from, Instant to) {
			return !this.began.isAfter(to) && (this.ended == null || !this.ended.isBefore(from));
		}

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
		return missedBy(slots, runStarts.stream().map((start) -> new RunSpan(start, start)).toList(), grace, now);
	}

	/**
	 * @param slots the slots of one database's schedule, any order
	 * @param runs the database's runs (scheduled or manual), any order; a run already
	 * going at the slot (the slot joined it) counts as well as one launched within the
	 * grace period
	 * @param grace how long after its slot a run may start
	 * @param now the present
	 * @return the missed slots, oldest first
	 */
	public static List<Instant> missedBy(List<Instant> slots, List<RunSpan> runs, Duration grace, Instant now) {
		List<Instant> missed = new ArrayList<>();
		for (Instant slot : slots.stream().distinct().sorted().toList()) {
			Instant deadline = slot.plus(grace);
			if (!now.isAfter(deadline)) {
				continue;
			}
			if (runs.stream().noneMatch((run) -> run.overlaps(slot, deadline))) {
				missed.add(slot);
			}
		}
		return missed;
	}

}
