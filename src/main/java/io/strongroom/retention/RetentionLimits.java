package io.strongroom.retention;

import java.time.Duration;
import java.util.Objects;

import io.strongroom.tenant.Plan;

/**
 * What a plan allows a retention policy: the longest time a backup may be kept.
 *
 * @param maxRetention from the plan ({@code strongroom.plans.<slug>.max-retention})
 */
public record RetentionLimits(Duration maxRetention) {

	public RetentionLimits {
		Objects.requireNonNull(maxRetention, "maxRetention");
		if (maxRetention.toHours() < 1) {
			throw new IllegalArgumentException("A plan's max-retention must be at least 1h, not " + maxRetention);
		}
	}

	public static RetentionLimits of(Plan plan) {
		return new RetentionLimits(plan.maxRetention());
	}

	/** The most buckets of each kind that fit in the retention (whole buckets only). */
	int maxCount(RetentionPlan.Rule rule) {
		long hours = this.maxRetention.toHours();
		long days = this.maxRetention.toDays();
		long max = switch (rule) {
			// an hourly schedule makes at most one backup an hour
			case LAST, HOURLY -> hours;
			case DAILY -> days;
			case WEEKLY -> days / 7;
			case MONTHLY -> days / 30;
			case YEARLY -> days / 365;
			default -> throw new IllegalArgumentException(rule + " is not a count");
		};
		return (int) Math.min(max, Integer.MAX_VALUE);
	}

}
