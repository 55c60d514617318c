package io.strongroom.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The benchmark's clock: real time, shifted so that an hourly slot comes round every
 * {@code phase} of real time instead of every hour. In phase {@code i} (from
 * {@code start}) it reads {@code firstSlot + i hours - lead + time into the phase}: it
 * moves at real speed inside a phase, so lateness measured with it is real lateness, and
 * jumps forward between phases. It is a pure function of the real clock, so separate
 * processes given the same parameters agree without talking to each other.
 * <p>
 * A benchmark node does not know {@code start} when it starts (how long start-up takes
 * depends on the machine's load):
 * {@link #startingFrom(Path, Instant, Duration, Duration)} makes a clock that stands
 * still before the first slot's phase until the harness writes the start instant into a
 * file, and is the stepping clock from then on.
 */
final class SteppingClock extends Clock {

	private volatile @Nullable Instant start;

	private final @Nullable Path startFile;

	private volatile long nextLook;

	private final Instant firstSlot;

	private final Duration lead;

	private final Duration phase;

	SteppingClock(Instant start, Instant firstSlot, Duration lead, Duration phase) {
		this(start, null, firstSlot, lead, phase);
	}

	private SteppingClock(@Nullable Instant start, @Nullable Path startFile, Instant firstSlot, Duration lead,
			Duration phase) {
		this.start = start;
		this.startFile = startFile;
		this.firstSlot = firstSlot;
		this.lead = lead;
		this.phase = phase;
	}

	/** A clock whose start instant the harness writes into {@code startFile} later. */
	static SteppingClock startingFrom(Path startFile, Instant firstSlot, Duration lead, Duration phase) {
		return new SteppingClock(null, startFile, firstSlot, lead, phase);
	}

	@Override
	public Instant instant() {
		Instant real = Instant.now();
		if (start() == null) {
			// Before the start: a minute before the first phase, standing still.
			return this.firstSlot.minus(this.lead).minus(Duration.ofMinutes(1));
		}
		return at(real);
	}

	private @Nullable Instant start() {
		Instant known = this.start;
		if (known != null || this.startFile == null || System.currentTimeMillis() < this.nextLook) {
			return known;
		}
		this.nextLook = System.currentTimeMillis() + 100;
		try {
			if (Files.exists(this.startFile)) {
				known = Instant.parse(Files.readString(this.startFile, StandardCharsets.UTF_8).trim());
				this.start = known;
			}
		}
		catch (IOException | java.time.DateTimeException ex) {
			// Being written: the next look reads it whole.
			return null;
		}
		return known;
	}

	/** Writes the start instant for the clocks made by {@link #startingFrom}. */
	static void writeStart(Path startFile, Instant start) throws IOException {
		Path written = startFile.resolveSibling(startFile.getFileName() + ".tmp");
		Files.writeString(written, start.toString(), StandardCharsets.UTF_8);
		Files.move(written, startFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	Instant at(Instant real) {
		Instant start = Objects.requireNonNull(this.start, "start");
		long sinceStart = Duration.between(start, real).toMillis();
		long index = Math.max(0, Math.floorDiv(sinceStart, this.phase.toMillis()));
		Instant phaseStart = start.plus(this.phase.multipliedBy(index));
		return this.firstSlot.plus(Duration.ofHours(index)).minus(this.lead).plus(Duration.between(phaseStart, real));
	}

	/** The real instant at which the clock reads {@code slot} number {@code index}. */
	Instant realTimeOfSlot(int index) {
		return Objects.requireNonNull(this.start, "start").plus(this.phase.multipliedBy(index)).plus(this.lead);
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
