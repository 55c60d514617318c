package io.strongroom.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The benchmark's clock: real time, shifted so that an hourly slot comes round every
 * {@code phase} of real time instead of every hour. In phase {@code i} (from
 * {@code start}) it reads {@code firstSlot + i hours - lead + time into the phase}: it
 * moves at real speed inside a phase, so lateness measured with it is real lateness, and
 * jumps forward between phases. It is a pure function of the real clock, so separate
 * processes given the same parameters agree without talking to each other.
 */
final class SteppingClock extends Clock {

	private final Instant start;

	private final Instant firstSlot;

	private final Duration lead;

	private final Duration phase;

	SteppingClock(Instant start, Instant firstSlot, Duration lead, Duration phase) {
		this.start = start;
		this.firstSlot = firstSlot;
		this.lead = lead;
		this.phase = phase;
	}

	@Override
	public Instant instant() {
		return at(Instant.now());
	}

	Instant at(Instant real) {
		long sinceStart = Duration.between(this.start, real).toMillis();
		long index = Math.max(0, Math.floorDiv(sinceStart, this.phase.toMillis()));
		Instant phaseStart = this.start.plus(this.phase.multipliedBy(index));
		return this.firstSlot.plus(Duration.ofHours(index)).minus(this.lead).plus(Duration.between(phaseStart, real));
	}

	/** The real instant at which the clock reads {@code slot} number {@code index}. */
	Instant realTimeOfSlot(int index) {
		return this.start.plus(this.phase.multipliedBy(index)).plus(this.lead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
