package io.strongroom.retention;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.strongroom.target.InvalidSettingsException;

/**
 * Retention settings as the API reads and writes them:
 * <pre>{"keepWithin": "7d", "keepLast": 0, "keepHourly": 0, "keepDaily": 7, "keepWeekly": 4,
 *  "keepMonthly": 12, "keepYearly": 0, "zone": "Europe/Berlin"}</pre> Every field is
 * optional: a count left out is 0, {@code keepWithin} left out (or {@code null}) is no
 * window, {@code zone} defaults to UTC. {@code {}} is the empty policy, which keeps every
 * backup. Durations are a number with {@code m}, {@code h}, {@code d} or {@code w}, or
 * ISO-8601 ({@code P7D}).
 */
public final class RetentionFields {

	static final List<String> NAMES = List.of("keepWithin", "keepLast", "keepHourly", "keepDaily", "keepWeekly",
			"keepMonthly", "keepYearly", "zone");

	private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

	private RetentionFields() {
	}

	/**
	 * Reads settings a person sent.
	 * @throws InvalidSettingsException naming the field ({@code retention.keepDaily}) and
	 * what it may be
	 */
	public static RetentionSettings parse(Map<String, Object> fields) {
		for (String name : fields.keySet()) {
			if (!NAMES.contains(name)) {
				throw new InvalidSettingsException("retention." + name,
						"retention has no setting '" + shorten(name) + "'; it takes " + String.join(", ", NAMES));
			}
		}
		Duration within = duration(fields.get("keepWithin"));
		RetentionPolicy policy = new RetentionPolicy(within, count(fields, "keepLast"), count(fields, "keepHourly"),
				count(fields, "keepDaily"), count(fields, "keepWeekly"), count(fields, "keepMonthly"),
				count(fields, "keepYearly"));
		return new RetentionSettings(policy, zone(fields.get("zone")));
	}

	/** Settings as the API shows them, with a summary in words. */
	public static Map<String, Object> render(RetentionSettings settings) {
		RetentionPolicy policy = settings.policy();
		Map<String, Object> fields = new LinkedHashMap<>();
		if (policy.keepWithin() != null) {
			fields.put("keepWithin", Durations.format(policy.keepWithin()));
		}
		fields.put("keepLast", policy.keepLast());
		fields.put("keepHourly", policy.keepHourly());
		fields.put("keepDaily", policy.keepDaily());
		fields.put("keepWeekly", policy.keepWeekly());
		fields.put("keepMonthly", policy.keepMonthly());
		fields.put("keepYearly", policy.keepYearly());
		fields.put("zone", settings.zone().getId());
		fields.put("summary", policy.describe());
		return fields;
	}

	private static int count(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (value == null) {
			return 0;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
				&& number.doubleValue() >= 0 && number.doubleValue() <= 100_000) {
			return number.intValue();
		}
		throw new InvalidSettingsException("retention." + name,
				"retention." + name + " must be a whole number from 0 to 100000 (0 turns the rule off)");
	}

	private static Duration duration(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text && !text.isBlank()) {
			String trimmed = text.trim().toLowerCase(Locale.ROOT);
			Matcher matcher = SHORT_DURATION.matcher(trimmed);
			Duration duration = null;
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				duration = switch (matcher.group(2)) {
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					case "d" -> Duration.ofDays(amount);
					default -> Duration.ofDays(7 * amount);
				};
			}
			else if (trimmed.startsWith("p")) {
				try {
					duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
				}
				catch (DateTimeException ex) {
					duration = null;
				}
			}
			if (duration != null && !duration.isNegative() && !duration.isZero()) {
				return duration;
			}
		}
		throw new InvalidSettingsException("retention.keepWithin",
				"retention.keepWithin must be a positive duration such as 36h, 7d, 4w or P7D; leave it out for none");
	}

	private static ZoneId zone(Object value) {
		if (value == null) {
			return ZoneOffset.UTC;
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return ZoneId.of(text.trim());
			}
			catch (DateTimeException ex) {
				// answered below
			}
		}
		throw new InvalidSettingsException("retention.zone",
				"retention.zone must be an IANA time zone such as UTC or Europe/Berlin");
	}

	private static String shorten(String name) {
		return (name.length() > 40) ? name.substring(0, 40) + "…" : name;
	}

}
