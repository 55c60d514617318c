package io.strongroom.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.strongroom.tenant.BackupFrequency;
import io.strongroom.tenant.Plan;

/**
 * When a target is backed up: manually only, or hourly, daily, weekly or monthly in an
 * IANA time zone. A pure value: no clock, no I/O.
 * <p>
 * <b>Slots across daylight-saving changes.</b> Each schedule names a series of local
 * date-times (<em>labels</em>: every hour at the minute, every day at the time, ...). A
 * label becomes one instant:
 * <ul>
 * <li>a label that exists once is that instant;</li>
 * <li>a label that does not exist (clocks spring forward over it) runs at the first
 * instant after the gap, i.e. the transition itself (02:30 in Berlin on the last Sunday
 * of March runs at 03:00 CEST);</li>
 * <li>a label that occurs twice (clocks fall back) runs once, at its first occurrence
 * (02:30 CEST, not 02:30 CET);</li>
 * <li>labels that land on the same instant count once (hourly at minute 0: the missing
 * 02:00 and 03:00 are both 03:00 CEST).</li>
 * </ul>
 * So no local day (for daily, weekly and monthly) and no hour of the customer's clock
 * (for hourly) is ever skipped or doubled. Monthly schedules on days 29 to 31 run on the
 * last day of shorter months (31 → 30 April, 28 or 29 February).
 */
public sealed interface ScheduleSpec permits ScheduleSpec.Manual, ScheduleSpec.Hourly, ScheduleSpec.Daily,
		ScheduleSpec.Weekly, ScheduleSpec.Monthly {

	/** From most to least frequent: the order plan clamping walks. */
	List<BackupFrequency> BY_FREQUENCY = List.of(BackupFrequency.HOURLY, BackupFrequency.DAILY, BackupFrequency.WEEKLY,
			BackupFrequency.MONTHLY);

	/**
	 * The first slot strictly after {@code after}; empty for a manual schedule. Repeated
	 * calls with the previous answer walk the slots in order, each exactly once.
	 */
	Optional<Instant> nextSlotAfter(Instant after);

	/** The frequency, empty for a manual schedule. */
	Optional<BackupFrequency> frequency();

	/** The time zone the schedule is read in, empty for a manual schedule. */
	Optional<ZoneId> timeZone();

	/** The flat form an API reads and writes. */
	ScheduleFields toFields();

	/** A sentence for people: {@code daily at 03:00 (Europe/Berlin)}. */
	String describe();

	/** Whether the plan allows this schedule; manual backups are always allowed. */
	default boolean allowedBy(Plan plan) {
		return frequency().map(plan::allows).orElse(true);
	}

	/**
	 * This schedule, changed as little as possible so that the plan allows it (a pure
	 * decision; see {@code docs/schedules.md}). Allowed schedules come back unchanged.
	 * Otherwise the nearest less frequent frequency the plan allows wins (a downgrade
	 * asks for fewer backups), else the nearest more frequent one. The minute, the time
	 * and the zone are kept; an hourly schedule at minute MM becomes daily at 00:MM, a
	 * new weekday is Monday and a new day of month is the 1st. A plan that allows no
	 * schedule at all leaves manual backups. Backups themselves are never touched.
	 */
	default ScheduleSpec clampTo(Plan plan) {
		Optional<BackupFrequency> current = frequency();
		if (current.isEmpty() || plan.allows(current.get())) {
			return this;
		}
		int index = BY_FREQUENCY.indexOf(current.get());
		for (int i = index + 1; i < BY_FREQUENCY.size(); i++) {
			if (plan.allows(BY_FREQUENCY.get(i))) {
				return withFrequency(BY_FREQUENCY.get(i));
			}
		}
		for (int i = index - 1; i >= 0; i--) {
			if (plan.allows(BY_FREQUENCY.get(i))) {
				return withFrequency(BY_FREQUENCY.get(i));
			}
		}
		return manual();
	}

	/**
	 * The same minute, time of day, weekday, day of month and zone at another frequency;
	 * parts the schedule lacks take their defaults (00:MM, Monday, the 1st).
	 */
	private ScheduleSpec withFrequency(BackupFrequency frequency) {
		ZoneId zone = timeZone().orElse(ZoneId.of("UTC"));
		LocalTime time = LocalTime.MIDNIGHT;
		if (this instanceof Hourly hourly) {
			time = LocalTime.of(0, hourly.minute());
		}
		else if (this instanceof Daily daily) {
			time = daily.time();
		}
		else if (this instanceof Weekly weekly) {
			time = weekly.time();
		}
		else if (this instanceof Monthly monthly) {
			time = monthly.time();
		}
		DayOfWeek day = (this instanceof Weekly weekly) ? weekly.dayOfWeek() : DayOfWeek.MONDAY;
		int dayOfMonth = (this instanceof Monthly monthly) ? monthly.dayOfMonth() : 1;
		return switch (frequency) {
			case HOURLY -> hourly(time.getMinute(), zone);
			case DAILY -> daily(time, zone);
			case WEEKLY -> weekly(day, time, zone);
			case MONTHLY -> monthly(dayOfMonth, time, zone);
		};
	}

	static Manual manual() {
		return new Manual();
	}

	static Hourly hourly(int minute, ZoneId zone) {
		return new Hourly(minute, zone);
	}

	static Daily daily(LocalTime time, ZoneId zone) {
		return new Daily(time, zone);
	}

	static Weekly weekly(DayOfWeek dayOfWeek, LocalTime time, ZoneId zone) {
		return new Weekly(dayOfWeek, time, zone);
	}

	static Monthly monthly(int dayOfMonth, LocalTime time, ZoneId zone) {
		return new Monthly(dayOfMonth, time, zone);
	}

	/** Backups only when someone asks for one. */
	record Manual() implements ScheduleSpec {

		@Override
		public Optional<Instant> nextSlotAfter(Instant after) {
			return Optional.empty();
		}

		@Override
		public Optional<BackupFrequency> frequency() {
			return Optional.empty();
		}

		@Override
		public Optional<ZoneId> timeZone() {
			return Optional.empty();
		}

		@Override
		public ScheduleFields toFields() {
			return new ScheduleFields("manual", null, null, null, null, null);
		}

		@Override
		public String describe() {
			return "manual only";
		}

	}

	/** Every hour of the zone's clock at {@code minute} (0-59). */
	record Hourly(int minute, ZoneId zone) implements ScheduleSpec {

		public Hourly {
			Slots.requireMinute(minute);
			Objects.requireNonNull(zone, "zone");
		}

		@Override
		public Optional<Instant> nextSlotAfter(Instant after) {
			return Optional.of(Slots.next(after, this.zone, (t) -> {
				LocalDateTime candidate = t.truncatedTo(ChronoUnit.HOURS).withMinute(this.minute);
				return candidate.isBefore(t) ? candidate.plusHours(1) : candidate;
			}, (label) -> label.plusHours(1)));
		}

		@Override
		public Optional<BackupFrequency> frequency() {
			return Optional.of(BackupFrequency.HOURLY);
		}

		@Override
		public Optional<ZoneId> timeZone() {
			return Optional.of(this.zone);
		}

		@Override
		public ScheduleFields toFields() {
			return new ScheduleFields("hourly", this.minute, null, null, null, this.zone.getId());
		}

		@Override
		public String describe() {
			return "hourly at minute " + this.minute + " (" + this.zone.getId() + ")";
		}

	}

	/** Every day at {@code time} (whole minutes). */
	record Daily(LocalTime time, ZoneId zone) implements ScheduleSpec {

		public Daily {
			Slots.requireWholeMinute(time);
			Objects.requireNonNull(zone, "zone");
		}

		@Override
		public Optional<Instant> nextSlotAfter(Instant after) {
			return Optional.of(Slots.next(after, this.zone, (t) -> {
				LocalDateTime candidate = t.toLocalDate().atTime(this.time);
				return candidate.isBefore(t) ? candidate.plusDays(1) : candidate;
			}, (label) -> label.plusDays(1)));
		}

		@Override
		public Optional<BackupFrequency> frequency() {
			return Optional.of(BackupFrequency.DAILY);
		}

		@Override
		public Optional<ZoneId> timeZone() {
			return Optional.of(this.zone);
		}

		@Override
		public ScheduleFields toFields() {
			return new ScheduleFields("daily", null, Slots.format(this.time), null, null, this.zone.getId());
		}

		@Override
		public String describe() {
			return "daily at " + Slots.format(this.time) + " (" + this.zone.getId() + ")";
		}

	}

	/** Every week on {@code dayOfWeek} at {@code time}. */
	record Weekly(DayOfWeek dayOfWeek, LocalTime time, ZoneId zone) implements ScheduleSpec {

		public Weekly {
			Objects.requireNonNull(dayOfWeek, "dayOfWeek");
			Slots.requireWholeMinute(time);
			Objects.requireNonNull(zone, "zone");
		}

		@Override
		public Optional<Instant> nextSlotAfter(Instant after) {
			return Optional.of(Slots.next(after, this.zone, (t) -> {
				LocalDateTime candidate = t.toLocalDate()
					.with(TemporalAdjusters.nextOrSame(this.dayOfWeek))
					.atTime(this.time);
				return candidate.isBefore(t) ? candidate.plusWeeks(1) : candidate;
			}, (label) -> label.plusWeeks(1)));
		}

		@Override
		public Optional<BackupFrequency> frequency() {
			return Optional.of(BackupFrequency.WEEKLY);
		}

		@Override
		public Optional<ZoneId> timeZone() {
			return Optional.of(this.zone);
		}

		@Override
		public ScheduleFields toFields() {
			return new ScheduleFields("weekly", null, Slots.format(this.time), this.dayOfWeek.name(), null,
					this.zone.getId());
		}

		@Override
		public String describe() {
			return "weekly on " + this.dayOfWeek.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
					+ Slots.format(this.time) + " (" + this.zone.getId() + ")";
		}

	}

	/**
	 * Every month on {@code dayOfMonth} (1-31) at {@code time}; days past a month's end
	 * run on its last day.
	 */
	record Monthly(int dayOfMonth, LocalTime time, ZoneId zone) implements ScheduleSpec {

		public Monthly {
			Slots.requireDayOfMonth(dayOfMonth);
			Slots.requireWholeMinute(time);
			Objects.requireNonNull(zone, "zone");
		}

		@Override
		public Optional<Instant> nextSlotAfter(Instant after) {
			return Optional.of(Slots.next(after, this.zone, (t) -> {
				LocalDateTime candidate = label(YearMonth.from(t));
				return candidate.isBefore(t) ? label(YearMonth.from(t).plusMonths(1)) : candidate;
			}, (label) -> label(YearMonth.from(label).plusMonths(1))));
		}

		/** The month's slot label: the day clamped to the month's last day. */
		private LocalDateTime label(YearMonth month) {
			return month.atDay(Math.min(this.dayOfMonth, month.lengthOfMonth())).atTime(this.time);
		}

		@Override
		public Optional<BackupFrequency> frequency() {
			return Optional.of(BackupFrequency.MONTHLY);
		}

		@Override
		public Optional<ZoneId> timeZone() {
			return Optional.of(this.zone);
		}

		@Override
		public ScheduleFields toFields() {
			return new ScheduleFields("monthly", null, Slots.format(this.time), null, this.dayOfMonth,
					this.zone.getId());
		}

		@Override
		public String describe() {
			String clamped = (this.dayOfMonth > 28) ? ", or the month's last day if it is shorter," : "";
			return "monthly on day " + this.dayOfMonth + clamped + " at " + Slots.format(this.time) + " ("
					+ this.zone.getId() + ")";
		}

	}

}
