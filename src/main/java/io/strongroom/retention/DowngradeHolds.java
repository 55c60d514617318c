package io.strongroom.retention;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.strongroom.retention.RetentionPlan.Entry;

/**
 * A downgrade clamps the policy and shortens the plan's bound, but never deletes a
 * backup: every backup the old policy kept under the old plan and the clamped one would
 * remove under the new plan is held (kept until a person deletes it). Pure.
 */
final class DowngradeHolds {

	private DowngradeHolds() {
	}

	/** The ids of the backups to hold so that the plan change itself removes nothing. */
	static Set<UUID> toHold(List<BackupRecord> history, ZoneId zone, RetentionPolicy before, RetentionLimits wasAllowed,
			RetentionPolicy after, RetentionLimits allowed) {
		RetentionPlan previous = before.apply(history, zone, wasAllowed);
		RetentionPlan next = after.apply(history, zone, allowed);
		Set<UUID> hold = new LinkedHashSet<>();
		for (Entry entry : previous.keep()) {
			if (next.removes(entry.backup().id())) {
				hold.add(entry.backup().id());
			}
		}
		return hold;
	}

}
