package io.strongroom.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleFieldsTests {

	@Test
	void readsEachFrequency() {
		assertThat(fields("hourly", 15, null, null, null, "Europe/Berlin").toSpec())
			.isEqualTo(ScheduleSpec.hourly(15, ZoneId.of("Europe/Berlin")));
		assertThat(fields("daily", null, "03:00", null, null, "America/New_York").toSpec())
			.isEqualTo(ScheduleSpec.daily(LocalTime.of(3, 0), ZoneId.of("America/New_York")));
		assertThat(fields("weekly", null, "23:59", "sunday", null, "UTC").toSpec())
			.isEqualTo(ScheduleSpec.weekly(DayOfWeek.SUNDAY, LocalTime.of(23, 59), ZoneId.of("UTC")));
		assertThat(fields("MONTHLY", null, "4:05", null, 31, "Australia/Lord_Howe").toSpec())
			.isEqualTo(ScheduleSpec.monthly(31, LocalTime.of(4, 5), ZoneId.of("Australia/Lord_Howe")));
		assertThat(fields("manual", null, null, null, null, null).toSpec()).isEqualTo(ScheduleSpec.manual());
	}

	@Test
	void timezoneDefaultsToUtcAndIgnoresCase() {
		assertThat(fields("hourly", 0, null, null, null, null).toSpec())
			.isEqualTo(ScheduleSpec.hourly(0, ZoneId.of("UTC")));
		assertThat(fields("hourly", 0, null, null, null, "europe/berlin").toSpec())
			.isEqualTo(ScheduleSpec.hourly(0, ZoneId.of("Europe/Berlin")));
	}

	@Test
	void dayOfWeekAcceptsThreeLetterNames() {
		assertThat(fields("weekly", null, "01:00", "Wed", null, null).toSpec())
			.isEqualTo(ScheduleSpec.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(1, 0), ZoneId.of("UTC")));
	}

	@Test
	void roundTripsThroughFields() {
		for (ScheduleSpec spec : new ScheduleSpec[] { ScheduleSpec.manual(),
				ScheduleSpec.hourly(59, ZoneId.of("Asia/Kolkata")),
				ScheduleSpec.daily(LocalTime.of(0, 0), ZoneId.of("Europe/Berlin")),
				ScheduleSpec.weekly(DayOfWeek.FRIDAY, LocalTime.of(12, 30), ZoneId.of("UTC")),
				ScheduleSpec.monthly(29, LocalTime.of(2, 30), ZoneId.of("America/Santiago")) }) {
			assertThat(spec.toFields().toSpec()).isEqualTo(spec);
		}
	}

	@Test
	void unknownZoneNamesTheFieldAndAnExample() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("daily", null, "03:00", null, null, "Europe/Berln").toSpec())
			.withMessage("timezone must be an IANA time zone name such as Europe/Berlin, America/New_York or UTC "
					+ "(got 'Europe/Berln')");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("daily", null, "03:00", null, null, "+02:00").toSpec())
			.withMessageContaining("timezone must be an IANA time zone name");
	}

	@Test
	void minuteOutOfRange() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("hourly", 60, null, null, null, null).toSpec())
			.withMessage("minute must be between 0 and 59 (got 60)");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("hourly", -1, null, null, null, null).toSpec())
			.withMessage("minute must be between 0 and 59 (got -1)");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("hourly", null, null, null, null, null).toSpec())
			.withMessage("minute is required for an hourly schedule (0-59)");
	}

	@Test
	void badTimes() {
		for (String time : new String[] { "24:00", "3pm", "03:60", "03:00:00", "0300" }) {
			assertThatExceptionOfType(InvalidScheduleException.class)
				.isThrownBy(() -> fields("daily", null, time, null, null, null).toSpec())
				.withMessage(
						"time must be HH:mm in 24-hour form, from 00:00 to 23:59, e.g. \"03:00\" (got '" + time + "')");
		}
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("weekly", null, null, "MONDAY", null, null).toSpec())
			.withMessage("time is required for a weekly schedule, as HH:mm in 24-hour form, e.g. \"03:00\"");
	}

	@Test
	void dayOfMonthOutOfRange() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("monthly", null, "03:00", null, 32, null).toSpec())
			.withMessage("dayOfMonth must be between 1 and 31 (got 32); 29, 30 and 31 run on the last day of "
					+ "shorter months");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("monthly", null, "03:00", null, 0, null).toSpec())
			.withMessageStartingWith("dayOfMonth must be between 1 and 31 (got 0)");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("monthly", null, "03:00", null, null, null).toSpec())
			.withMessage("dayOfMonth is required for a monthly schedule (1-31)");
	}

	@Test
	void badDayOfWeek() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("weekly", null, "03:00", "Funday", null, null).toSpec())
			.withMessage("dayOfWeek must be a day of the week, MONDAY to SUNDAY (got 'Funday')");
	}

	@Test
	void frequencyMissingOrUnknown() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields(null, null, null, null, null, null).toSpec())
			.withMessage("frequency is required: one of hourly, daily, weekly, monthly, manual");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("fortnightly", null, null, null, null, null).toSpec())
			.withMessage("frequency must be one of hourly, daily, weekly, monthly, manual (got 'fortnightly')");
	}

	@Test
	void fieldsThatDoNotApplyAreRefusedRatherThanIgnored() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("daily", null, "03:00", "MONDAY", null, null).toSpec())
			.withMessage("dayOfWeek does not apply to a daily schedule; use frequency weekly for one day a week; "
					+ "leave it out");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("hourly", 5, "03:00", null, null, null).toSpec())
			.withMessage("time does not apply to an hourly schedule; use minute; leave it out");
	}

	@Test
	void listsEveryProblemAtOnce() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("monthly", null, "25:00", null, 40, "Mars/Olympus").toSpec())
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3));
	}

	@Test
	void longInputIsShortenedInMessages() {
		String pasted = "x".repeat(500);
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> fields("daily", null, "03:00", null, null, pasted).toSpec())
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
	}

	@Test
	void recordsRefuseImpossibleValuesToo() {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> ScheduleSpec.hourly(60, ZoneId.of("UTC")))
			.withMessage("minute must be between 0 and 59 (got 60)");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> ScheduleSpec.daily(LocalTime.of(3, 0, 1), ZoneId.of("UTC")))
			.withMessage("time must be a whole minute, HH:mm (got 03:00:01)");
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> ScheduleSpec.monthly(0, LocalTime.of(3, 0), ZoneId.of("UTC")));
	}

	private static ScheduleFields fields(String frequency, Integer minute, String time, String dayOfWeek,
			Integer dayOfMonth, String timezone) {
		return new ScheduleFields(frequency, minute, time, dayOfWeek, dayOfMonth, timezone);
	}

}
