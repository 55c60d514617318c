package io.strongroom.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.strongroom.schedule.ScheduleRepository.Advance;
import io.strongroom.schedule.ScheduleRepository.UnreadableScheduleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due schedules into {@link BackupSlotsDue} events, one shard at a time.
 * <p>
 * Each batch is one transaction that (1) reads up to {@code batchSize} due schedules of
 * the shard, (2) decides each one's slot ({@link SlotDecision}), (3) moves each row to
 * its next slot only if its {@code next_slot_at} is still the one read (compare-and-set),
 * and (4) publishes one event with the slots of the rows it moved (several events of at
 * most {@link #SLOTS_PER_EVENT} when the batch is larger). Spring Modulith writes the
 * event publications into the same transaction, so a slot is published if and only if its
 * row moved: a crash before commit leaves the slot due, a crash after leaves an
 * incomplete publication that is delivered again, and a second dispatcher on the same
 * rows moves nothing and publishes nothing. One publication per batch, not per slot, lets
 * the listener create a batch's runs in one transaction (docs/schedules.md).
 */
@Component
class SlotDispatcher {

	private static final Logger log = LoggerFactory.getLogger(SlotDispatcher.class);

	/** How far an unreadable schedule is pushed so that it does not block its shard. */
	private static final Duration POSTPONE_UNREADABLE = Duration.ofHours(1);

	/**
	 * The most slots in one event: keeps a serialized publication well under the
	 * registry's column size (about 130 bytes a slot) whatever the batch size.
	 */
	static final int SLOTS_PER_EVENT = 500;

	private final ScheduleRepository schedules;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ScheduleProperties properties;

	SlotDispatcher(ScheduleRepository schedules, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, ScheduleProperties properties) {
		this.schedules = schedules;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Publishes every slot of the shard that is due now, batch by batch.
	 * @return how many slots were published
	 */
	int dispatchDue(int shard, int shards) {
		long started = System.nanoTime();
		int published = 0;
		int batches = 0;
		while (true) {
			Batch batch = this.transactions.execute((status) -> dispatchBatch(shard, shards, this.clock.instant()));
			published += batch.published();
			batches++;
			// A short batch was the last one; a batch that moved nothing means another
			// dispatcher is working the same rows: leave them to it.
			if (batch.claimed() < this.properties.batchSize() || batch.published() == 0) {
				if (published > 0) {
					log.info("Shard {} of {}: published {} slot(s) in {} batch(es), {} ms", shard, shards, published,
							batches, Duration.ofNanos(System.nanoTime() - started).toMillis());
				}
				return published;
			}
		}
	}

	private Batch dispatchBatch(int shard, int shards, Instant now) {
		List<StoredSchedule> due;
		try {
			due = this.schedules.findDue(now, shard, shards, this.properties.batchSize());
		}
		catch (UnreadableScheduleException ex) {
			log.error("{}; postponing it by {} so the other schedules still run", ex.getMessage(), POSTPONE_UNREADABLE);
			if (ex.nextSlotAt() != null) {
				this.schedules.postpone(ex.targetId(), ex.nextSlotAt(), now.plus(POSTPONE_UNREADABLE), now);
			}
			return new Batch(this.properties.batchSize(), 1);
		}
		List<Advance> advances = new ArrayList<>(due.size());
		List<StoredSchedule> rows = new ArrayList<>(due.size());
		int skipped = 0;
		for (StoredSchedule schedule : due) {
			SlotDecision decision = SlotDecision.decide(schedule.spec(), schedule.nextSlotAt(), now);
			advances.add(new Advance(schedule.targetId(), schedule.nextSlotAt(), decision.slot(), decision.next()));
			rows.add(schedule);
			if (decision.skipped()) {
				skipped++;
			}
		}
		if (advances.isEmpty()) {
			return new Batch(0, 0);
		}
		boolean[] moved = this.schedules.advance(advances, now);
		List<BackupSlotDue> slots = new ArrayList<>(moved.length);
		for (int i = 0; i < moved.length; i++) {
			if (moved[i]) {
				slots.add(new BackupSlotDue(rows.get(i).tenant(), rows.get(i).targetId(), advances.get(i).slot()));
			}
		}
		for (int from = 0; from < slots.size(); from += SLOTS_PER_EVENT) {
			this.events
				.publishEvent(new BackupSlotsDue(slots.subList(from, Math.min(slots.size(), from + SLOTS_PER_EVENT))));
		}
		int published = slots.size();
		if (skipped > 0) {
			log.info("{} schedule(s) had missed more than one slot (downtime?); each runs once, for its most recent "
					+ "missed slot", skipped);
		}
		if (published < advances.size()) {
			log.info("{} of {} due schedule(s) in shard {} were moved by another dispatcher; not published again",
					advances.size() - published, advances.size(), shard);
		}
		return new Batch(advances.size(), published);
	}

	record Batch(int claimed, int published) {

	}

}
