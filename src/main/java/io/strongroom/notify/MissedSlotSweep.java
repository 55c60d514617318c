package io.strongroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.strongroom.notify.MissedSlotLedger.Mark;
import io.strongroom.run.RunFilter;
import io.strongroom.run.RunPage;
import io.strongroom.run.RunView;
import io.strongroom.run.Runs;
import io.strongroom.schedule.ScheduleSpec;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds schedule slots that passed without a backup ({@link MissedSlots}) and tells
 * {@link Notifications#slotMissed}. Runs in every web process.
 * <p>
 * A ledger ({@link MissedSlotLedger}) remembers per database the latest slot looked at;
 * each sweep goes on from there up to the latest slot whose grace period has ended, so
 * slots that passed while every process was down are looked at when one is back, however
 * long that took (at most {@code missed-batch} slots per database and sweep; the rest the
 * next sweep). A sweep locks the database's ledger row, tells what was missed, all of it
 * in one notice, and moves the row in one transaction: two processes sweeping at once
 * tell nobody twice, and a sweep that fails tells nothing and moves nothing.
 * <p>
 * Which slots were due comes from the schedule module: the slot the dispatcher publishes
 * next and those after it (late while the dispatcher is stuck or down), and the slots up
 * to the one it published last. The slots a schedule change or a pause skipped (between
 * the last published slot and the next one) were never due. A new schedule's ledger
 * starts just before its first slot; a changed schedule's goes on from its last published
 * slot.
 */
@Component
class MissedSlotSweep {

	private static final Logger log = LoggerFactory.getLogger(MissedSlotSweep.class);

	/** Slots fall on whole minutes, at least an hour apart: this is before just one. */
	private static final Duration JUST_BEFORE = Duration.ofMillis(1);

	/** Runs read per page, newest first. */
	private static final int RUNS = 50;

	/**
	 * Runs are read back to this long before the oldest slot looked at, so a long run
	 * already going at it counts.
	 */
	private static final Duration RUN_REACH = Duration.ofDays(1);

	/** At most this many pages of runs per database and sweep. */
	private static final int RUN_PAGES = 20;

	private final Schedules schedules;

	private final Targets targets;

	private final Runs runs;

	private final Notifications notifications;

	private final MissedSlotLedger ledger;

	private final TransactionTemplate transactions;

	private final NotifyProperties properties;

	private final Clock clock;

	MissedSlotSweep(Schedules schedules, Targets targets, Runs runs, Notifications notifications,
			MissedSlotLedger ledger, PlatformTransactionManager transactions, NotifyProperties properties,
			ObjectProvider<Clock> clock) {
		this.schedules = schedules;
		this.targets = targets;
		this.runs = runs;
		this.notifications = notifications;
		this.ledger = ledger;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * One look at every recurring schedule.
	 * @return how many missed slots this sweep told (none that another sweep told)
	 */
	int sweep() {
		Instant now = this.clock.instant();
		Duration grace = this.properties.missedGrace();
		int batch = this.properties.worker().missedBatch();
		List<ScheduledSlots> recurring = this.schedules.recurring();
		Map<UUID, Mark> marks = this.ledger.all();
		int told = 0;
		for (ScheduledSlots schedule : recurring) {
			Mark mark = marks.get(schedule.targetId());
			// a first look without a lock: most sweeps find nothing new for most
			// databases
			if (mark != null && mark.schedule().equals(schedule.spec().describe())
					&& walk(schedule, mark.checkedThrough(), grace, now, batch).due().isEmpty()) {
				continue;
			}
			try {
				told += checkInTransaction(schedule, grace, batch, now);
			}
			catch (RuntimeException ex) {
				// one database's trouble must not stop the others; the next sweep goes on
				// from the same mark
				log.warn("Could not check database {} of {} for missed slots: {}", schedule.targetId(),
						schedule.tenant(), ex.toString());
			}
		}
		forgetRemoved(marks.keySet(), recurring);
		return told;
	}

	private int checkInTransaction(ScheduledSlots schedule, Duration grace, int batch, Instant now) {
		try {
			return Objects.requireNonNull(this.transactions.execute((status) -> check(schedule, grace, batch, now)));
		}
		catch (DataIntegrityViolationException ex) {
			// a backup outcome recorded the database's first health at the same moment;
			// now that the row exists, its lock orders the two
			return Objects.requireNonNull(this.transactions.execute((status) -> check(schedule, grace, batch, now)));
		}
	}

	private int check(ScheduledSlots schedule, Duration grace, int batch, Instant now) {
		String describe = schedule.spec().describe();
		Mark initial = new Mark(describe, start(schedule, grace, this.properties.worker().missedLookback(), now));
		Mark mark = this.ledger.lock(schedule.targetId(), schedule.tenant(), initial, now);
		Walk walk = walk(schedule, from(mark, schedule), grace, now, batch);
		int told = 0;
		if (!walk.due().isEmpty()) {
			told = tell(schedule, walk.due(), grace, now);
		}
		Mark after = new Mark(describe, walk.through());
		if (!after.equals(mark)) {
			this.ledger.save(schedule.targetId(), after, now);
		}
		return told;
	}

	private int tell(ScheduledSlots schedule, List<Instant> due, Duration grace, Instant now) {
		Optional<DatabaseView> database = this.targets.database(schedule.tenant(), new TargetId(schedule.targetId()));
		if (database.isEmpty()) {
			// removed in this moment; its schedule goes with it
			return 0;
		}
		RunCoverage coverage = runsSince(schedule, database.get(), due.get(0).minus(RUN_REACH));
		List<Instant> missed = MissedSlots.missedBy(due, coverage.spans(), grace, now)
			.stream()
			.filter((slot) -> coverage.from() == null || slot.isAfter(coverage.from()))
			.toList();
		if (missed.isEmpty()) {
			return 0;
		}
		this.notifications
			.slotMissed(new SlotMissed(schedule.tenant(), database.get().label().value(), missed, grace, now));
		return missed.size();
	}

	/**
	 * The database's runs back to {@code reach}, at most {@link #RUN_PAGES} pages. When
	 * there were more, slots before the oldest run read are not told: an older run may
	 * have covered them.
	 */
	private RunCoverage runsSince(ScheduledSlots schedule, DatabaseView database, Instant reach) {
		List<MissedSlots.RunSpan> spans = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < RUN_PAGES; page++) {
			RunPage runs = this.runs.list(schedule.tenant(), new RunFilter(database.label(), null), cursor, RUNS);
			for (RunView run : runs.items()) {
				span(run).ifPresent(spans::add);
			}
			cursor = runs.nextCursor();
			if (cursor == null || runs.items().isEmpty()
					|| runs.items().get(runs.items().size() - 1).createdAt().isBefore(reach)) {
				return new RunCoverage(spans, null);
			}
			if (page == RUN_PAGES - 1) {
				return new RunCoverage(spans, runs.items().get(runs.items().size() - 1).createdAt());
			}
		}
		return new RunCoverage(spans, null);
	}

	/** Forgets the ledger of databases whose schedule was removed or made manual. */
	private void forgetRemoved(Set<UUID> marked, List<ScheduledSlots> recurring) {
		Set<UUID> gone = new HashSet<>(marked);
		recurring.forEach((schedule) -> gone.remove(schedule.targetId()));
		for (UUID targetId : gone) {
			try {
				// a paused schedule is left out of recurring() but keeps its ledger
				Optional<ScheduleSpec> spec = this.schedules.find(targetId);
				if (spec.isEmpty() || spec.get().nextSlotAfter(Instant.EPOCH).isEmpty()) {
					this.ledger.forget(targetId);
				}
			}
			catch (RuntimeException ex) {
				// a schedule that no longer reads keeps its ledger until it does or is
				// removed
				log.warn("Could not tell whether database {} still has a schedule: {}", targetId, ex.toString());
			}
		}
	}

	/**
	 * Slots looked at in one sweep.
	 *
	 * @param due the slots that were due and whose grace period has ended, oldest first
	 * @param through the latest slot looked at, the new mark
	 */
	record Walk(List<Instant> due, Instant through) {

	}

	/**
	 * The due slots after {@code from} whose grace period has ended, at most
	 * {@code batch}. A slot is due at or before the last published slot, or at or after
	 * the next one; the walk jumps over those in between.
	 */
	static Walk walk(ScheduledSlots schedule, Instant from, Duration grace, Instant now, int batch) {
		Instant graceEnded = now.minus(grace);
		List<Instant> due = new ArrayList<>();
		Instant through = from;
		Optional<Instant> slot = schedule.spec().nextSlotAfter(from);
		while (slot.isPresent() && slot.get().isBefore(graceEnded) && due.size() < batch) {
			Instant at = slot.get();
			if (wasDue(at, schedule.lastSlotAt(), schedule.nextSlotAt())) {
				due.add(at);
				through = at;
				slot = schedule.spec().nextSlotAfter(at);
			}
			else {
				Instant next = schedule.nextSlotAt();
				slot = (next != null && next.isAfter(at)) ? schedule.spec().nextSlotAfter(next.minus(JUST_BEFORE))
						: Optional.empty();
			}
		}
		return new Walk(due, through);
	}

	/**
	 * Where a database's ledger starts. Nothing published yet: just before the first
	 * slot, however late the first look. Slots published before the ledger knew the
	 * schedule (it was added by an upgrade): {@code lookback} before the latest slot
	 * whose grace period ended, where the sweep before the ledger left off.
	 */
	static Instant start(ScheduledSlots schedule, Duration grace, Duration lookback, Instant now) {
		Instant next = schedule.nextSlotAt();
		if (schedule.lastSlotAt() == null && next != null) {
			return next.minus(JUST_BEFORE);
		}
		return now.minus(grace).minus(lookback);
	}

	/**
	 * Where this sweep goes on from. After a schedule change (the mark was made under
	 * another schedule) the new schedule's slots before its first one were never due,
	 * apart from those published since: it goes on from the last published slot (or the
	 * next one), unless the mark is later.
	 */
	static Instant from(Mark mark, ScheduledSlots schedule) {
		if (mark.schedule().equals(schedule.spec().describe())) {
			return mark.checkedThrough();
		}
		Instant published = (schedule.lastSlotAt() != null) ? schedule.lastSlotAt() : schedule.nextSlotAt();
		if (published == null) {
			return mark.checkedThrough();
		}
		Instant start = published.minus(JUST_BEFORE);
		return start.isAfter(mark.checkedThrough()) ? start : mark.checkedThrough();
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

	/**
	 * The runs read for one database.
	 *
	 * @param spans when each was going
	 * @param from {@code null} when every run that could cover the slots was read, else
	 * the creation of the oldest one read
	 */
	private record RunCoverage(List<MissedSlots.RunSpan> spans, @Nullable Instant from) {

	}

}
