package io.strongroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.strongroom.run.RunFilter;
import io.strongroom.run.RunView;
import io.strongroom.run.Runs;
import io.strongroom.schedule.ScheduledSlots;
import io.strongroom.schedule.Schedules;
import io.strongroom.target.DatabaseView;
import io.strongroom.target.TargetId;
import io.strongroom.target.Targets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Finds schedule slots that passed without a backup ({@link MissedSlots}) and tells
 * {@link Notifications#slotMissed}. Runs in every web process; looking at the same slot
 * twice, or in two processes at once, tells nobody twice: the database's health counts a
 * slot once (it becomes the latest outcome) under a row lock, and each delivery has its
 * idempotency key.
 * <p>
 * Which slots were due comes from the schedule module: the slot the dispatcher publishes
 * next and those after it (late while the dispatcher is stuck), and the slots up to the
 * one it published last. The slots a schedule change skipped (between the last published
 * slot and the first after the change) were never due. A slot is looked at during
 * {@code lookback} after its grace period ended, so a check costs one query of runs only
 * for databases with a slot in that window.
 */
@Component
class MissedSlotSweep {

	private static final Logger log = LoggerFactory.getLogger(MissedSlotSweep.class);

	/**
	 * At most this many slots of one database in one window (hourly, after an outage).
	 */
	private static final int MAX_SLOTS = 100;

	/** Runs read per database: the newest, which include any near a recent slot. */
	private static final int RUNS = 50;

	private final Schedules schedules;

	private final Targets targets;

	private final Runs runs;

	private final Notifications notifications;

	private final NotifyProperties properties;

	private final Clock clock;

	MissedSlotSweep(Schedules schedules, Targets targets, Runs runs, Notifications notifications,
			NotifyProperties properties, ObjectProvider<Clock> clock) {
		this.schedules = schedules;
		this.targets = targets;
		this.runs = runs;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * One look at every recurring schedule.
	 * @return how many missed slots were told (a slot told before counts again)
	 */
	int sweep() {
		Instant now = this.clock.instant();
		Duration grace = this.properties.missedGrace();
		Duration lookback = this.properties.worker().missedLookback();
		int told = 0;
		for (ScheduledSlots schedule : this.schedules.recurring()) {
			List<Instant> candidates = candidates(schedule, grace, lookback, now);
			if (candidates.isEmpty()) {
				continue;
			}
			try {
				told += check(schedule, candidates, grace, now);
			}
			catch (RuntimeException ex) {
				// one database's trouble must not stop the others; the next sweep retries
				log.warn("Could not check database {} of {} for missed slots: {}", schedule.targetId(),
						schedule.tenant(), ex.toString());
			}
		}
		return told;
	}

	private int check(ScheduledSlots schedule, List<Instant> candidates, Duration grace, Instant now) {
		Optional<DatabaseView> database = this.targets.database(schedule.tenant(), new TargetId(schedule.targetId()));
		if (database.isEmpty()) {
			return 0;
		}
		List<RunView> recent = this.runs
			.list(schedule.tenant(), new RunFilter(database.get().label(), null), null, RUNS)
			.items();
		List<MissedSlots.RunSpan> spans = new ArrayList<>();
		for (RunView run : recent) {
			span(run).ifPresent(spans::add);
		}
		int told = 0;
		for (Instant slot : MissedSlots.missedBy(candidates, spans, grace, now)) {
			SlotMissed missed = new SlotMissed(schedule.tenant(), database.get().label().value(), slot, grace, now);
			try {
				this.notifications.slotMissed(missed);
			}
			catch (DataIntegrityViolationException ex) {
				// another process recorded the database's first health at the same
				// moment;
				// now that the row exists, the lock orders the two
				this.notifications.slotMissed(missed);
			}
			told++;
		}
		return told;
	}

	/**
	 * The slots whose grace period ended within the lookback window and that were due: at
	 * or before the last published slot, or at or after the next one.
	 */
	static List<Instant> candidates(ScheduledSlots schedule, Duration grace, Duration lookback, Instant now) {
		Instant from = now.minus(grace).minus(lookback);
		Instant to = now.minus(grace);
		List<Instant> slots = new ArrayList<>();
		Optional<Instant> slot = schedule.spec().nextSlotAfter(from);
		while (slot.isPresent() && !slot.get().isAfter(to) && slots.size() < MAX_SLOTS) {
			Instant at = slot.get();
			if (wasDue(at, schedule.lastSlotAt(), schedule.nextSlotAt())) {
				slots.add(at);
			}
			slot = schedule.spec().nextSlotAfter(at);
		}
		return slots;
	}

	private static boolean wasDue(Instant slot, @Nullable Instant last, @Nullable Instant next) {
		return (last != null && !slot.isAfter(last)) || (next != null && !slot.isBefore(next));
	}

	/**
	 * When the run was going: from its launch (or its end, if it ended before a runner
	 * was launched: it was told as a failure or cancellation of its own) until its end. A
	 * run still waiting in the queue has not begun.
	 */
	static Optional<MissedSlots.RunSpan> span(RunView run) {
		Instant began = (run.launchedAt() != null) ? run.launchedAt()
				: (run.startedAt() != null) ? run.startedAt() : run.finishedAt();
		return Optional.ofNullable(began).map((at) -> new MissedSlots.RunSpan(at, run.finishedAt()));
	}

}
