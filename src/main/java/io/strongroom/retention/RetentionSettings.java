package io.strongroom.retention;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One database's retention settings.
 *
 * @param policy what to keep
 * @param zone the customer's time zone for day, week, month and year buckets
 */
public record RetentionSettings(RetentionPolicy policy, ZoneId zone) {

	public RetentionSettings {
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(zone, "zone");
	}

}
