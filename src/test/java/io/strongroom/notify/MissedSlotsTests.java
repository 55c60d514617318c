package io.strongroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MissedSlotsTests {

	static final Instant SLOT = Instant.parse("2026-11-21T03:00:00Z");

	static final Duration GRACE = Duration.ofHours(1);

	@Test
	void aSlotWithoutARunWithinTheGraceIsMissedOnceTheGraceHasPassed() {
		List<Instant> slots = List.of(SLOT, SLOT.plus(Duration.ofDays(1)));
		assertThat(MissedSlots.missed(slots, List.of(), GRACE, SLOT.plus(Duration.ofMinutes(59)))).isEmpty();
		assertThat(MissedSlots.missed(slots, List.of(), GRACE, SLOT.plus(Duration.ofMinutes(61))))
			.containsExactly(SLOT);
		assertThat(MissedSlots.missed(slots, List.of(), GRACE, SLOT.plus(Duration.ofDays(2)))).containsExactly(SLOT,
				SLOT.plus(Duration.ofDays(1)));
	}

	@Test
	void aRunStartingWithinTheGraceCoversTheSlot() {
		assertThat(MissedSlots.missed(List.of(SLOT), List.of(SLOT.plus(Duration.ofMinutes(60))), GRACE,
				SLOT.plus(Duration.ofHours(5))))
			.isEmpty();
	}

	@Test
	void aRunBeforeTheSlotOrAfterTheGraceDoesNotCoverIt() {
		assertThat(MissedSlots.missed(List.of(SLOT), List.of(SLOT.minusSeconds(1), SLOT.plus(GRACE).plusSeconds(1)),
				GRACE, SLOT.plus(Duration.ofHours(5))))
			.containsExactly(SLOT);
	}

	@Test
	void aRunGoingAtTheSlotCoversIt() {
		Instant later = SLOT.plus(Duration.ofHours(5));
		assertThat(MissedSlots.missedBy(List.of(SLOT),
				List.of(new MissedSlots.RunSpan(SLOT.minus(Duration.ofMinutes(10)), SLOT.plusSeconds(1))), GRACE,
				later))
			.isEmpty();
		assertThat(MissedSlots.missedBy(List.of(SLOT),
				List.of(new MissedSlots.RunSpan(SLOT.minus(Duration.ofMinutes(10)), null)), GRACE, later))
			.as("still going")
			.isEmpty();
		assertThat(MissedSlots.missedBy(List.of(SLOT),
				List.of(new MissedSlots.RunSpan(SLOT.minus(Duration.ofMinutes(10)), SLOT.minusSeconds(1))), GRACE,
				later))
			.as("ended before the slot")
			.containsExactly(SLOT);
	}

}
