package io.strongroom.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A schedule as an API reads and writes it:
 * <pre>{"frequency": "hourly|daily|weekly|monthly|manual", "minute": 0, "time": "03:00",
 *  "dayOfWeek": "MONDAY", "dayOfMonth": 1, "timezone": "Europe/Berlin"}</pre> Only the
 * fields the frequency uses may be set: hourly takes {@code minute}; daily {@code time};
 * weekly {@code dayOfWeek} and {@code time}; monthly {@code dayOfMonth} and {@code time};
 * manual none. {@code timezone} is an IANA name and defaults to {@code UTC}.
 */
public record ScheduleFields(@Nullable String frequency, @Nullable Integer minute, @Nullable String time,
		@Nullable String dayOfWeek, @Nullable Integer dayOfMonth, @Nullable String timezone) {

	private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

	private static final Map<String, String> ZONES = zonesByLowerCaseName();

	/**
	 * The schedule these fields describe.
	 * @throws InvalidScheduleException listing every problem, in words that say what to
	 * change
	 */
	public ScheduleSpec toSpec() {
		String name = (this.frequency != null) ? this.frequency.trim().toLowerCase(Locale.ROOT) : "";
		if (name.isEmpty()) {
			throw new InvalidScheduleException("frequency is required: one of hourly, daily, weekly, monthly, manual");
		}
		List<String> problems = new ArrayList<>();
		switch (name) {
			case "manual" -> {
				forbid(problems, name, "minute", this.minute);
				forbid(problems, name, "time", this.time);
				forbid(problems, name, "dayOfWeek", this.dayOfWeek);
				forbid(problems, name, "dayOfMonth", this.dayOfMonth);
			}
			case "hourly" -> {
				if (this.minute == null) {
					problems.add("minute is required for an hourly schedule (0-59)");
				}
				else if (this.minute < 0 || this.minute > 59) {
					problems.add("minute must be between 0 and 59 (got " + this.minute + ")");
				}
				forbid(problems, name, "time", this.time, "use minute");
				forbid(problems, name, "dayOfWeek", this.dayOfWeek);
				forbid(problems, name, "dayOfMonth", this.dayOfMonth);
			}
			case "daily" -> {
				parseTime(problems, name);
				forbid(problems, name, "minute", this.minute, "use time, e.g. \"03:15\"");
				forbid(problems, name, "dayOfWeek", this.dayOfWeek, "use frequency weekly for one day a week");
				forbid(problems, name, "dayOfMonth", this.dayOfMonth, "use frequency monthly for one day a month");
			}
			case "weekly" -> {
				parseTime(problems, name);
				parseDayOfWeek(problems);
				forbid(problems, name, "minute", this.minute, "use time, e.g. \"03:15\"");
				forbid(problems, name, "dayOfMonth", this.dayOfMonth, "use frequency monthly for one day a month");
			}
			case "monthly" -> {
				parseTime(problems, name);
				if (this.dayOfMonth == null) {
					problems.add("dayOfMonth is required for a monthly schedule (1-31)");
				}
				else if (this.dayOfMonth < 1 || this.dayOfMonth > 31) {
					problems.add("dayOfMonth must be between 1 and 31 (got " + this.dayOfMonth
							+ "); 29, 30 and 31 run on the last day of shorter months");
				}
				forbid(problems, name, "minute", this.minute, "use time, e.g. \"03:15\"");
				forbid(problems, name, "dayOfWeek", this.dayOfWeek, "use frequency weekly for one day a week");
			}
			default -> problems.add("frequency must be one of hourly, daily, weekly, monthly, manual (got '"
					+ shorten(this.frequency) + "')");
		}
		ZoneId zone = parseZone(problems);
		if (!problems.isEmpty()) {
			throw new InvalidScheduleException(problems);
		}
		return switch (name) {
			case "hourly" -> ScheduleSpec.hourly(this.minute, zone);
			case "daily" -> ScheduleSpec.daily(parseTime(problems, name), zone);
			case "weekly" -> ScheduleSpec.weekly(parseDayOfWeek(problems), parseTime(problems, name), zone);
			case "monthly" -> ScheduleSpec.monthly(this.dayOfMonth, parseTime(problems, name), zone);
			default -> ScheduleSpec.manual();
		};
	}

	private @Nullable LocalTime parseTime(List<String> problems, String frequency) {
		if (this.time == null || this.time.isBlank()) {
			problems.add("time is required for a " + frequency + " schedule, as HH:mm in 24-hour form, e.g. \"03:00\"");
			return null;
		}
		Matcher matcher = TIME.matcher(this.time.trim());
		if (!matcher.matches()) {
			problems.add("time must be HH:mm in 24-hour form, from 00:00 to 23:59, e.g. \"03:00\" (got '"
					+ shorten(this.time) + "')");
			return null;
		}
		return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	private @Nullable DayOfWeek parseDayOfWeek(List<String> problems) {
		if (this.dayOfWeek == null || this.dayOfWeek.isBlank()) {
			problems.add("dayOfWeek is required for a weekly schedule: MONDAY to SUNDAY");
			return null;
		}
		String day = this.dayOfWeek.trim().toUpperCase(Locale.ROOT);
		for (DayOfWeek candidate : DayOfWeek.values()) {
			if (candidate.name().equals(day) || (day.length() == 3 && candidate.name().startsWith(day))) {
				return candidate;
			}
		}
		problems.add("dayOfWeek must be a day of the week, MONDAY to SUNDAY (got '" + shorten(this.dayOfWeek) + "')");
		return null;
	}

	private ZoneId parseZone(List<String> problems) {
		if (this.timezone == null || this.timezone.isBlank()) {
			return ZoneId.of("UTC");
		}
		String id = ZONES.get(this.timezone.trim().toLowerCase(Locale.ROOT));
		if (id == null) {
			problems.add("timezone must be an IANA time zone name such as Europe/Berlin, America/New_York or UTC (got '"
					+ shorten(this.timezone) + "')");
			return ZoneId.of("UTC");
		}
		return ZoneId.of(id);
	}

	private static void forbid(List<String> problems, String frequency, String field, @Nullable Object value) {
		forbid(problems, frequency, field, value, null);
	}

	private static void forbid(List<String> problems, String frequency, String field, @Nullable Object value,
			@Nullable String hint) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			problems.add(field + " does not apply to " + ("hourly".equals(frequency) ? "an " : "a ") + frequency
					+ " schedule" + ((hint != null) ? "; " + hint : "") + "; leave it out");
		}
	}

	/** Echo what a person typed, but never a whole pasted document. */
	private static String shorten(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	private static Map<String, String> zonesByLowerCaseName() {
		Map<String, String> zones = new TreeMap<>();
		for (String id : ZoneId.getAvailableZoneIds()) {
			zones.put(id.toLowerCase(Locale.ROOT), id);
		}
		return Map.copyOf(zones);
	}

}
