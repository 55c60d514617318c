package io.strongroom.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlotDecisionTests {

	static final ScheduleSpec HOURLY = ScheduleSpec.hourly(0, ZoneId.of("UTC"));

	@Test
	void aSlotDispatchedOnTimeRunsItselfAndMovesToTheNext() {
		SlotDecision decision = SlotDecision.decide(HOURLY, Instant.parse("2026-06-01T10:00:00Z"),
				Instant.parse("2026-06-01T10:00:03Z"));
		assertThat(decision).isEqualTo(
				new SlotDecision(Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T11:00:00Z"), false));
	}

	@Test
	void afterDowntimeOnlyTheMostRecentMissedSlotRuns() {
		SlotDecision decision = SlotDecision.decide(HOURLY, Instant.parse("2026-06-01T10:00:00Z"),
				Instant.parse("2026-06-01T14:20:00Z"));
		assertThat(decision).isEqualTo(
				new SlotDecision(Instant.parse("2026-06-01T14:00:00Z"), Instant.parse("2026-06-01T15:00:00Z"), true));
	}

	@Test
	void aSlotDueExactlyNowRunsNow() {
		SlotDecision decision = SlotDecision.decide(HOURLY, Instant.parse("2026-06-01T10:00:00Z"),
				Instant.parse("2026-06-01T12:00:00Z"));
		assertThat(decision.slot()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
		assertThat(decision.next()).isEqualTo(Instant.parse("2026-06-01T13:00:00Z"));
	}

	@Test
	void aVeryLongDowntimeIsABoundedWalk() {
		ScheduleSpec monthly = ScheduleSpec.monthly(31, LocalTime.of(3, 0), ZoneId.of("Europe/Berlin"));
		SlotDecision decision = SlotDecision.decide(monthly, Instant.parse("2020-01-31T02:00:00Z"),
				Instant.parse("2026-05-01T00:00:00Z"));
		assertThat(decision).isEqualTo(
				new SlotDecision(Instant.parse("2026-04-30T01:00:00Z"), Instant.parse("2026-05-31T01:00:00Z"), true));
		SlotDecision hourly = SlotDecision.decide(HOURLY, Instant.parse("2016-01-01T00:00:00Z"),
				Instant.parse("2026-05-01T00:30:00Z"));
		assertThat(hourly.slot()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
	}

	@Test
	void theNextSlotIsAlwaysAfterNowSoNoSlotIsPublishedTwice() {
		Instant due = Instant.parse("2026-03-28T01:30:00Z");
		ScheduleSpec daily = ScheduleSpec.daily(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"));
		for (Instant now = due; now.isBefore(Instant.parse("2026-04-02T00:00:00Z")); now = now.plusSeconds(600)) {
			if (now.isBefore(due)) {
				continue;
			}
			SlotDecision decision = SlotDecision.decide(daily, due, now);
			assertThat(decision.next()).isAfter(now);
			assertThat(decision.slot()).isAfterOrEqualTo(due).isBeforeOrEqualTo(now);
			due = decision.next();
		}
	}

	@Test
	void refusesASlotThatIsNotDue() {
		assertThatIllegalArgumentException().isThrownBy(() -> SlotDecision.decide(HOURLY,
				Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T09:59:59Z")));
	}

}
