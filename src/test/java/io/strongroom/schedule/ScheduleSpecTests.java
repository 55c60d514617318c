package io.strongroom.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSpecTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

	static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void dailyOnSpringForwardRunsAtTheEndOfTheGapOnce() {
		// Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
		ScheduleSpec spec = ScheduleSpec.daily(LocalTime.of(2, 30), BERLIN);
		assertThat(slots(spec, Instant.parse("2026-03-27T12:00:00Z"), 4)).containsExactly(
				Instant.parse("2026-03-28T01:30:00Z"), // 02:30 CET
				Instant.parse("2026-03-29T01:00:00Z"), // 03:00 CEST, the first instant
														// after the gap
				Instant.parse("2026-03-30T00:30:00Z"), // 02:30 CEST
				Instant.parse("2026-03-31T00:30:00Z"));
	}

	@Test
	void dailyOnFallBackRunsAtTheFirstOccurrenceOnly() {
		// Berlin, 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens
		// twice.
		ScheduleSpec spec = ScheduleSpec.daily(LocalTime.of(2, 30), BERLIN);
		assertThat(slots(spec, Instant.parse("2026-10-23T12:00:00Z"), 4)).containsExactly(
				Instant.parse("2026-10-24T00:30:00Z"), Instant.parse("2026-10-25T00:30:00Z"), // CEST
				Instant.parse("2026-10-26T01:30:00Z"), // CET
				Instant.parse("2026-10-27T01:30:00Z"));
	}

	@Test
	void dailyInNewYorkAcrossBothChanges() {
		ScheduleSpec spring = ScheduleSpec.daily(LocalTime.of(2, 15), NEW_YORK);
		assertThat(slots(spring, Instant.parse("2026-03-07T12:00:00Z"), 2)).containsExactly(
				Instant.parse("2026-03-08T07:00:00Z"), // 02:15 EST does not exist: 03:00
														// EDT
				Instant.parse("2026-03-09T06:15:00Z"));
		ScheduleSpec fall = ScheduleSpec.daily(LocalTime.of(1, 30), NEW_YORK);
		assertThat(slots(fall, Instant.parse("2026-10-31T12:00:00Z"), 2)).containsExactly(
				Instant.parse("2026-11-01T05:30:00Z"), // 01:30 EDT, not 01:30 EST an hour
														// later
				Instant.parse("2026-11-02T06:30:00Z"));
	}

	@Test
	void hourlyInBerlinOnSpringForwardDayRunsOncePerHourOfTheClock() {
		ScheduleSpec spec = ScheduleSpec.hourly(30, BERLIN);
		List<Instant> slots = slots(spec, Instant.parse("2026-03-28T23:00:00Z"), 4);
		assertThat(slots).containsExactly(Instant.parse("2026-03-28T23:30:00Z"), // 00:30
																					// CET
				Instant.parse("2026-03-29T00:30:00Z"), // 01:30 CET
				Instant.parse("2026-03-29T01:00:00Z"), // 02:30 missing: 03:00 CEST
				Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST
		assertThat(slotsOnLocalDate(spec, LocalDate.of(2026, 3, 29))).hasSize(24);
		// At minute 0 the missing 02:00 and the real 03:00 are the same instant: once.
		assertThat(slotsOnLocalDate(ScheduleSpec.hourly(0, BERLIN), LocalDate.of(2026, 3, 29))).hasSize(23);
	}

	@Test
	void hourlyInBerlinOnFallBackDayRunsTheRepeatedHourOnce() {
		ScheduleSpec spec = ScheduleSpec.hourly(30, BERLIN);
		assertThat(slots(spec, Instant.parse("2026-10-24T23:00:00Z"), 4)).containsExactly(
				Instant.parse("2026-10-24T23:30:00Z"), // 01:30 CEST
				Instant.parse("2026-10-25T00:30:00Z"), // 02:30 CEST (first occurrence)
				Instant.parse("2026-10-25T02:30:00Z"), // 03:30 CET; 02:30 CET is not run
														// again
				Instant.parse("2026-10-25T03:30:00Z"));
		assertThat(slotsOnLocalDate(spec, LocalDate.of(2026, 10, 25))).hasSize(24);
	}

	@Test
	void hourlyInNewYorkAcrossBothChanges() {
		assertThat(slotsOnLocalDate(ScheduleSpec.hourly(45, NEW_YORK), LocalDate.of(2026, 3, 8))).hasSize(24);
		assertThat(slotsOnLocalDate(ScheduleSpec.hourly(45, NEW_YORK), LocalDate.of(2026, 11, 1))).hasSize(24);
		assertThat(slots(ScheduleSpec.hourly(45, NEW_YORK), Instant.parse("2026-11-01T05:00:00Z"), 2)).containsExactly(
				Instant.parse("2026-11-01T05:45:00Z"), // 01:45 EDT
				Instant.parse("2026-11-01T07:45:00Z")); // 02:45 EST
	}

	@Test
	void lordHoweHalfHourChangesInBothDirections() {
		// Spring, 4 October 2026: 02:00 (+10:30) jumps to 02:30 (+11:00).
		assertThat(slots(ScheduleSpec.hourly(15, LORD_HOWE), Instant.parse("2026-10-03T14:30:00Z"), 3)).containsExactly(
				Instant.parse("2026-10-03T14:45:00Z"), // 01:15 +10:30
				Instant.parse("2026-10-03T15:30:00Z"), // 02:15 missing: 02:30 +11:00
				Instant.parse("2026-10-03T16:15:00Z")); // 03:15 +11:00
		assertThat(slots(ScheduleSpec.daily(LocalTime.of(2, 15), LORD_HOWE), Instant.parse("2026-10-02T12:00:00Z"), 3))
			.containsExactly(Instant.parse("2026-10-02T15:45:00Z"), Instant.parse("2026-10-03T15:30:00Z"),
					Instant.parse("2026-10-04T15:15:00Z"));
		// Autumn, 5 April 2026: 02:00 (+11:00) falls back to 01:30 (+10:30); 01:45
		// happens
		// twice.
		assertThat(slots(ScheduleSpec.hourly(45, LORD_HOWE), Instant.parse("2026-04-04T13:00:00Z"), 3)).containsExactly(
				Instant.parse("2026-04-04T13:45:00Z"), // 00:45 +11:00
				Instant.parse("2026-04-04T14:45:00Z"), // 01:45 +11:00, first occurrence
				Instant.parse("2026-04-04T16:15:00Z")); // 02:45 +10:30
		assertThat(slotsOnLocalDate(ScheduleSpec.hourly(45, LORD_HOWE), LocalDate.of(2026, 4, 5))).hasSize(24);
		assertThat(slotsOnLocalDate(ScheduleSpec.hourly(15, LORD_HOWE), LocalDate.of(2026, 10, 4))).hasSize(24);
	}

	@Test
	void monthlyOnDay31RunsOnTheLastDayOfShorterMonths() {
		ScheduleSpec spec = ScheduleSpec.monthly(31, LocalTime.of(4, 0), UTC);
		assertThat(slots(spec, Instant.parse("2027-01-01T00:00:00Z"), 6)).containsExactly(
				Instant.parse("2027-01-31T04:00:00Z"), Instant.parse("2027-02-28T04:00:00Z"),
				Instant.parse("2027-03-31T04:00:00Z"), Instant.parse("2027-04-30T04:00:00Z"),
				Instant.parse("2027-05-31T04:00:00Z"), Instant.parse("2027-06-30T04:00:00Z"));
	}

	@Test
	void monthlyInLeapYearsUsesTheTwentyNinthOfFebruary() {
		assertThat(
				ScheduleSpec.monthly(31, LocalTime.of(4, 0), UTC).nextSlotAfter(Instant.parse("2028-02-01T00:00:00Z")))
			.contains(Instant.parse("2028-02-29T04:00:00Z"));
		assertThat(
				ScheduleSpec.monthly(29, LocalTime.of(4, 0), UTC).nextSlotAfter(Instant.parse("2027-02-01T00:00:00Z")))
			.contains(Instant.parse("2027-02-28T04:00:00Z"));
		assertThat(
				ScheduleSpec.monthly(30, LocalTime.of(4, 0), UTC).nextSlotAfter(Instant.parse("2028-02-29T04:00:00Z")))
			.contains(Instant.parse("2028-03-30T04:00:00Z"));
		assertThat(slots(ScheduleSpec.daily(LocalTime.of(23, 0), UTC), Instant.parse("2028-02-28T00:00:00Z"), 3))
			.containsExactly(Instant.parse("2028-02-28T23:00:00Z"), Instant.parse("2028-02-29T23:00:00Z"),
					Instant.parse("2028-03-01T23:00:00Z"));
	}

	@Test
	void monthlyAcrossAChangeKeepsTheLocalTime() {
		ScheduleSpec spec = ScheduleSpec.monthly(29, LocalTime.of(2, 30), BERLIN);
		assertThat(slots(spec, Instant.parse("2026-02-01T00:00:00Z"), 3)).containsExactly(
				Instant.parse("2026-02-28T01:30:00Z"), // clamped, CET
				Instant.parse("2026-03-29T01:00:00Z"), // in the gap: 03:00 CEST
				Instant.parse("2026-04-29T00:30:00Z"));
	}

	@Test
	void weeklyRunsOnItsDayAndAcrossTheChange() {
		ScheduleSpec spec = ScheduleSpec.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), BERLIN);
		assertThat(slots(spec, Instant.parse("2026-03-16T00:00:00Z"), 3)).containsExactly(
				Instant.parse("2026-03-22T01:30:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
				Instant.parse("2026-04-05T00:30:00Z"));
		ScheduleSpec monday = ScheduleSpec.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), NEW_YORK);
		assertThat(monday.nextSlotAfter(Instant.parse("2026-06-01T13:00:00Z"))) // Monday
																				// 09:00
																				// EDT
																				// itself
			.contains(Instant.parse("2026-06-08T13:00:00Z"));
	}

	@Test
	void nextSlotIsStrictlyAfterTheGivenInstant() {
		ScheduleSpec spec = ScheduleSpec.hourly(0, UTC);
		assertThat(spec.nextSlotAfter(Instant.parse("2026-01-01T10:00:00Z")))
			.contains(Instant.parse("2026-01-01T11:00:00Z"));
		assertThat(spec.nextSlotAfter(Instant.parse("2026-01-01T09:59:59.999Z")))
			.contains(Instant.parse("2026-01-01T10:00:00Z"));
	}

	@Test
	void manualHasNoSlots() {
		assertThat(ScheduleSpec.manual().nextSlotAfter(Instant.EPOCH)).isEmpty();
		assertThat(ScheduleSpec.manual().frequency()).isEmpty();
	}

	@Test
	void aDayThatNeverHappenedStillGetsItsBackup() {
		// Samoa skipped 30 December 2011 (UTC-10 to UTC+14): the slot runs as the day
		// begins.
		ZoneId apia = ZoneId.of("Pacific/Apia");
		assertThat(slots(ScheduleSpec.daily(LocalTime.NOON, apia), Instant.parse("2011-12-29T00:00:00Z"), 3))
			.containsExactly(Instant.parse("2011-12-29T22:00:00Z"), // 29th 12:00 -10:00
					Instant.parse("2011-12-30T10:00:00Z"), // 30th missing: 31st 00:00
															// +14:00
					Instant.parse("2011-12-30T22:00:00Z")); // 31st 12:00 +14:00
	}

	/**
	 * Against an independent oracle, minute by minute around every change of 2026 in
	 * zones with whole-hour, half-hour, 45-minute and midnight changes: a label runs at
	 * the first minute whose local reading is at or past it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
			"America/Santiago", "Asia/Tehran", "Europe/London", "America/Havana" })
	void agreesWithAMinuteByMinuteOracleAroundEveryChange(String zoneName) {
		ZoneId zone = ZoneId.of(zoneName);
		List<ZoneOffsetTransition> transitions = new ArrayList<>();
		ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
		while (transition != null && transition.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
			transitions.add(transition);
			transition = zone.getRules().nextTransition(transition.getInstant());
		}
		for (ZoneOffsetTransition change : transitions) {
			Instant from = change.getInstant().minus(Duration.ofHours(30));
			Instant to = change.getInstant().plus(Duration.ofHours(30));
			for (int minute : new int[] { 0, 15, 30, 45, 59 }) {
				assertAgreesWithOracle(ScheduleSpec.hourly(minute, zone), zone, from, to,
						(l) -> l.withMinute(minute).isEqual(l), Duration.ofMinutes(1));
			}
			for (int hour = 0; hour < 24; hour++) {
				for (int minute : new int[] { 0, 30, 45 }) {
					LocalTime time = LocalTime.of(hour, minute);
					assertAgreesWithOracle(ScheduleSpec.daily(time, zone), zone, from, to,
							(l) -> l.toLocalTime().equals(time), Duration.ofMinutes(1));
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata",
			"America/Santiago", "Pacific/Chatham" })
	void dailyNeverSkipsOrDoublesADayOverThreeYears(String zoneName) {
		ZoneId zone = ZoneId.of(zoneName);
		for (int quarterHour = 0; quarterHour < 96; quarterHour++) {
			LocalTime time = LocalTime.of(quarterHour / 4, (quarterHour % 4) * 15);
			ScheduleSpec spec = ScheduleSpec.daily(time, zone);
			LocalDate first = LocalDate.of(2026, 1, 1);
			LocalDate last = LocalDate.of(2028, 12, 31);
			Instant at = first.atStartOfDay(zone).toInstant().minusSeconds(1);
			Map<LocalDate, Integer> perDate = new TreeMap<>();
			Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
			while (true) {
				Instant next = spec.nextSlotAfter(at).orElseThrow();
				assertThat(next).isAfter(at);
				if (!next.isBefore(end)) {
					break;
				}
				perDate.merge(LocalDate.ofInstant(next, zone), 1, Integer::sum);
				at = next;
			}
			long days = first.datesUntil(last.plusDays(1)).count();
			assertThat(perDate).as("%s daily at %s", zoneName, time).hasSize((int) days);
			assertThat(perDate.values()).as("%s daily at %s", zoneName, time).containsOnly(1);
		}
	}

	@Test
	void allowedByPlanFollowsThePlansFrequencies() {
		assertThat(ScheduleSpec.hourly(5, UTC).allowedBy(Plans.BASIC)).isFalse();
		assertThat(ScheduleSpec.daily(LocalTime.NOON, UTC).allowedBy(Plans.BASIC)).isTrue();
		assertThat(ScheduleSpec.hourly(5, UTC).allowedBy(Plans.PRO)).isTrue();
		assertThat(ScheduleSpec.manual().allowedBy(Plans.ONLY_MONTHLY)).isTrue();
	}

	@Test
	void clampingKeepsAllowedSchedulesUnchanged() {
		ScheduleSpec weekly = ScheduleSpec.weekly(DayOfWeek.FRIDAY, LocalTime.of(1, 5), BERLIN);
		assertThat(weekly.clampTo(Plans.BASIC)).isSameAs(weekly);
		assertThat(ScheduleSpec.manual().clampTo(Plans.ONLY_MONTHLY)).isEqualTo(ScheduleSpec.manual());
	}

	@Test
	void clampingHourlyGivesDailyAtTheSameMinuteAfterMidnight() {
		assertThat(ScheduleSpec.hourly(17, BERLIN).clampTo(Plans.BASIC))
			.isEqualTo(ScheduleSpec.daily(LocalTime.of(0, 17), BERLIN));
	}

	@Test
	void clampingPrefersTheNearestLessFrequentThenTheNearestMoreFrequent() {
		assertThat(ScheduleSpec.daily(LocalTime.of(3, 0), NEW_YORK).clampTo(Plans.ONLY_MONTHLY))
			.isEqualTo(ScheduleSpec.monthly(1, LocalTime.of(3, 0), NEW_YORK));
		assertThat(ScheduleSpec.daily(LocalTime.of(3, 0), NEW_YORK).clampTo(Plans.WEEKLY_AND_MONTHLY))
			.isEqualTo(ScheduleSpec.weekly(DayOfWeek.MONDAY, LocalTime.of(3, 0), NEW_YORK));
		assertThat(ScheduleSpec.monthly(31, LocalTime.of(3, 20), NEW_YORK).clampTo(Plans.ONLY_DAILY))
			.isEqualTo(ScheduleSpec.daily(LocalTime.of(3, 20), NEW_YORK));
		assertThat(ScheduleSpec.monthly(31, LocalTime.of(3, 20), NEW_YORK).clampTo(Plans.ONLY_HOURLY))
			.isEqualTo(ScheduleSpec.hourly(20, NEW_YORK));
		assertThat(ScheduleSpec.weekly(DayOfWeek.SATURDAY, LocalTime.of(3, 20), NEW_YORK).clampTo(Plans.ONLY_MONTHLY))
			.isEqualTo(ScheduleSpec.monthly(1, LocalTime.of(3, 20), NEW_YORK));
	}

	@Test
	void describesItselfForPeople() {
		assertThat(ScheduleSpec.hourly(5, BERLIN).describe()).isEqualTo("hourly at minute 5 (Europe/Berlin)");
		assertThat(ScheduleSpec.weekly(DayOfWeek.MONDAY, LocalTime.of(3, 0), UTC).describe())
			.isEqualTo("weekly on Monday at 03:00 (UTC)");
		assertThat(ScheduleSpec.monthly(31, LocalTime.of(3, 0), UTC).describe())
			.isEqualTo("monthly on day 31, or the month's last day if it is shorter, at 03:00 (UTC)");
	}

	private static List<Instant> slots(ScheduleSpec spec, Instant after, int count) {
		List<Instant> slots = new ArrayList<>();
		Instant at = after;
		for (int i = 0; i < count; i++) {
			at = spec.nextSlotAfter(at).orElseThrow();
			slots.add(at);
		}
		return slots;
	}

	/** Slots whose labels fall on the local date: those of its first to last minute. */
	private static List<Instant> slotsOnLocalDate(ScheduleSpec spec, LocalDate date) {
		ZoneId zone = spec.timeZone().orElseThrow();
		Instant start = date.atStartOfDay(zone).toInstant();
		Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
		List<Instant> slots = new ArrayList<>();
		Instant at = start.minusNanos(1);
		while (true) {
			at = spec.nextSlotAfter(at).orElseThrow();
			if (!at.isBefore(end)) {
				return slots;
			}
			slots.add(at);
		}
	}

	private static void assertAgreesWithOracle(ScheduleSpec spec, ZoneId zone, Instant from, Instant to,
			java.util.function.Predicate<LocalDateTime> isLabel, Duration step) {
		// The labels: every local minute reading in the window's range that matches.
		LocalDateTime firstLocal = LocalDateTime.ofInstant(from, zone).minusHours(3).withSecond(0).withNano(0);
		LocalDateTime lastLocal = LocalDateTime.ofInstant(to, zone).plusHours(3);
		TreeSet<Instant> expected = new TreeSet<>();
		for (LocalDateTime label = firstLocal; label.isBefore(lastLocal); label = label.plusMinutes(1)) {
			if (!isLabel.test(label)) {
				continue;
			}
			// Oracle: the first minute (scanning instants) whose local reading is >=
			// label.
			Instant scan = label.atZone(ZoneId.of("UTC")).toInstant().minus(Duration.ofHours(16));
			while (ZonedDateTime.ofInstant(scan, zone).toLocalDateTime().isBefore(label)) {
				scan = scan.plus(step);
			}
			if (!scan.isBefore(from) && scan.isBefore(to)) {
				expected.add(scan);
			}
		}
		List<Instant> actual = new ArrayList<>();
		Instant at = from.minusNanos(1);
		while (true) {
			at = spec.nextSlotAfter(at).orElseThrow();
			if (!at.isBefore(to)) {
				break;
			}
			actual.add(at);
		}
		assertThat(actual).as("%s in %s", spec.describe(), zone).containsExactlyElementsOf(expected);
	}

}
