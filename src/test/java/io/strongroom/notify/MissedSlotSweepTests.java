package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.strongroom.notify.MissedSlotLedger.Mark;
import io.strongroom.schedule.ScheduleFields;
import io.strongroom.schedule.ScheduleSpec;
import io.strongroom.schedule.ScheduledSlots;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The missed-slot ledger's pure decisions: where it starts, goes on, and what it walks.
 */
class MissedSlotSweepTests {

	static final Duration GRACE = Duration.ofHours(1);

	static final Duration LOOKBACK = Duration.ofMinutes(30);

	static final ScheduleSpec HOURLY = new ScheduleFields("hourly", 0, null, null, null, "UTC").toSpec();

	static final ScheduleSpec DAILY = new ScheduleFields("daily", null, "04:00", null, null, "UTC").toSpec();

	static Instant at(String time) {
		return Instant.parse("2026-11-20T" + time + ":00Z");
	}

	static ScheduledSlots slots(ScheduleSpec spec, @Nullable Instant next, @Nullable Instant last) {
		return new ScheduledSlots(new TenantId(UUID.randomUUID()), UUID.randomUUID(), spec, next, last);
	}

	@Test
	void aNewScheduleStartsJustBeforeItsFirstSlotHoweverLateTheFirstLook() {
		ScheduledSlots schedule = slots(HOURLY, at("04:00"), null);
		Instant start = MissedSlotSweep.start(schedule, GRACE, LOOKBACK, at("09:10"));
		assertThat(MissedSlotSweep.walk(schedule, start, GRACE, at("09:10"), 100).due()).containsExactly(at("04:00"),
				at("05:00"), at("06:00"), at("07:00"), at("08:00"));
	}

	@Test
	void aScheduleThatPublishedBeforeTheLedgerStartsWhereTheWindowedSweepLeftOff() {
		ScheduledSlots schedule = slots(HOURLY, at("10:00"), at("09:00"));
		assertThat(MissedSlotSweep.start(schedule, GRACE, LOOKBACK, at("09:10"))).isEqualTo(at("07:40"));
	}

	@Test
	void aLongOutageIsWalkedInBatchesAndTheMarkMovesThroughTheLastSlotLookedAt() {
		ScheduledSlots schedule = slots(HOURLY, at("04:00"), null);
		MissedSlotSweep.Walk first = MissedSlotSweep.walk(schedule, at("03:59").plusSeconds(59), GRACE, at("09:10"), 3);
		assertThat(first.due()).containsExactly(at("04:00"), at("05:00"), at("06:00"));
		assertThat(first.through()).isEqualTo(at("06:00"));
		MissedSlotSweep.Walk second = MissedSlotSweep.walk(schedule, first.through(), GRACE, at("09:10"), 3);
		assertThat(second.due()).containsExactly(at("07:00"), at("08:00"));
		assertThat(MissedSlotSweep.walk(schedule, second.through(), GRACE, at("09:10"), 3).due()).isEmpty();
	}

	@Test
	void slotsAPauseOrAChangeSkippedAreJumpedOver() {
		// published 04:00, paused, resumed at 08:30 with 09:00 next
		ScheduledSlots resumed = slots(HOURLY, at("09:00"), at("04:00"));
		MissedSlotSweep.Walk walk = MissedSlotSweep.walk(resumed, at("03:00"), GRACE, at("10:30"), 100);
		assertThat(walk.due()).containsExactly(at("04:00"), at("09:00"));
		assertThat(walk.through()).isEqualTo(at("09:00"));
	}

	@Test
	void aChangedScheduleGoesOnFromItsLastPublishedSlot() {
		// daily at 04:00 looked at through yesterday's slot; changed to hourly at 04:30
		// today, after the 04:00 slot was published: nothing of the hourly schedule
		// before 04:00 was due
		ScheduledSlots changed = slots(HOURLY, at("05:00"), at("04:00"));
		Mark mark = new Mark(DAILY.describe(), at("04:00").minus(Duration.ofDays(1)));
		Instant from = MissedSlotSweep.from(mark, changed);
		assertThat(MissedSlotSweep.walk(changed, from, GRACE, at("06:10"), 100).due()).containsExactly(at("04:00"),
				at("05:00"));
		// the same schedule goes on from its mark
		assertThat(MissedSlotSweep.from(new Mark(HOURLY.describe(), at("05:00")), changed)).isEqualTo(at("05:00"));
	}

	@Test
	void aSlotWhoseRunWasGoingIsNotMissed() {
		ScheduledSlots schedule = slots(DAILY, Instant.parse("2026-11-21T04:00:00Z"), at("04:00"));
		Instant now = at("05:10");
		List<Instant> due = MissedSlotSweep.walk(schedule, at("03:00"), GRACE, now, 100).due();
		assertThat(due).containsExactly(at("04:00"));
		// a manual run that began before the slot and was still going covers it
		assertThat(MissedSlots.missedBy(due, List.of(new MissedSlots.RunSpan(at("03:50"), at("04:20"))), GRACE, now))
			.isEmpty();
	}

}
