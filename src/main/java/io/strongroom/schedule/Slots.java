package io.strongroom.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns a series of local labels into instants (the rules are on {@link ScheduleSpec}).
 */
final class Slots {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * How far before {@code after} (in local time) the search starts. A label's instant
	 * lies at most one gap (at most a day, Samoa 2011) after its local reading, so no
	 * label earlier than this can still be due after {@code after}.
	 */
	private static final int MARGIN_DAYS = 2;

	private Slots() {
	}

	/**
	 * The first label's instant strictly after {@code after}.
	 * @param firstOnOrAfter the first label at or after a local date-time
	 * @param nextLabel the label after a label
	 */
	static Instant next(Instant after, ZoneId zone, UnaryOperator<LocalDateTime> firstOnOrAfter,
			UnaryOperator<LocalDateTime> nextLabel) {
		LocalDateTime label = firstOnOrAfter.apply(LocalDateTime.ofInstant(after, zone).minusDays(MARGIN_DAYS));
		// Instants grow with labels (never shrink), so the first one past "after" is the
		// answer; labels that collapse onto one instant are passed over together.
		for (int i = 0; i < 10_000; i++) {
			Instant at = resolve(label, zone);
			if (at.isAfter(after)) {
				return at;
			}
			label = nextLabel.apply(label);
		}
		throw new IllegalStateException("No slot found after " + after + " in " + zone);
	}

	/**
	 * One instant for one local label: itself, the end of the gap it falls into, or its
	 * first occurrence.
	 */
	static Instant resolve(LocalDateTime label, ZoneId zone) {
		ZoneRules rules = zone.getRules();
		List<ZoneOffset> offsets = rules.getValidOffsets(label);
		if (offsets.size() == 1) {
			return label.toInstant(offsets.get(0));
		}
		ZoneOffsetTransition transition = rules.getTransition(label);
		if (offsets.isEmpty()) {
			return transition.getInstant();
		}
		return label.toInstant(transition.getOffsetBefore());
	}

	static String format(LocalTime time) {
		return HH_MM.format(time);
	}

	static void requireMinute(int minute) {
		if (minute < 0 || minute > 59) {
			throw new InvalidScheduleException("minute must be between 0 and 59 (got " + minute + ")");
		}
	}

	static void requireDayOfMonth(int dayOfMonth) {
		if (dayOfMonth < 1 || dayOfMonth > 31) {
			throw new InvalidScheduleException("dayOfMonth must be between 1 and 31 (got " + dayOfMonth
					+ "); 29, 30 and 31 run on the last day of shorter months");
		}
	}

	static void requireWholeMinute(LocalTime time) {
		if (time == null) {
			throw new InvalidScheduleException("time is required, as HH:mm in 24-hour form, e.g. 03:00");
		}
		if (time.getSecond() != 0 || time.getNano() != 0) {
			throw new InvalidScheduleException("time must be a whole minute, HH:mm (got " + time + ")");
		}
	}

}
