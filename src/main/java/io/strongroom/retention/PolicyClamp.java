package io.strongroom.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.strongroom.retention.RetentionPlan.Rule;

/** Limits a policy to a plan. Pure. */
final class PolicyClamp {

	private PolicyClamp() {
	}

	static ClampedPolicy clamp(RetentionPolicy policy, RetentionLimits limits) {
		List<String> changes = new ArrayList<>();
		Duration max = limits.maxRetention();
		Duration within = policy.keepWithin();
		if (within != null && within.compareTo(max) > 0) {
			changes.add("keep within " + Durations.format(within) + " lowered to the plan's " + Durations.format(max));
			within = max;
		}
		RetentionPolicy clamped = new RetentionPolicy(within, count(changes, limits, Rule.LAST, policy.keepLast()),
				count(changes, limits, Rule.HOURLY, policy.keepHourly()),
				count(changes, limits, Rule.DAILY, policy.keepDaily()),
				count(changes, limits, Rule.WEEKLY, policy.keepWeekly()),
				count(changes, limits, Rule.MONTHLY, policy.keepMonthly()),
				count(changes, limits, Rule.YEARLY, policy.keepYearly()));
		if (clamped.isEmpty() && !policy.isEmpty()) {
			// an empty result would turn pruning off: keep what the plan allows instead
			clamped = RetentionPolicy.olderThan(max);
			changes.add("no count fits in the plan's " + Durations.format(max) + ", so backups are kept for "
					+ Durations.format(max));
		}
		return new ClampedPolicy(clamped, changes);
	}

	private static int count(List<String> changes, RetentionLimits limits, Rule rule, int requested) {
		int max = limits.maxCount(rule);
		if (requested <= max) {
			return requested;
		}
		changes.add("keep " + rule.name().toLowerCase() + " " + requested + " lowered to " + max + " (the plan keeps"
				+ " backups for " + Durations.format(limits.maxRetention()) + ")");
		return max;
	}

}
