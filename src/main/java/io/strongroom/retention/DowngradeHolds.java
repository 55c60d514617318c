package io.strongroom.retention;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.strongroom.retention.RetentionPlan.Entry;

/**
 * A downgrade clamps the policy but never deletes a backup: every backup the old policy
 * keeps and the clamped one would remove is held (kept until a person deletes it). Pure.
 */
final class DowngradeHolds {

	private DowngradeHolds() {
	}

	/** The ids of the backups to hold so that the clamp itself removes nothing. */
	static Set<UUID> toHold(List<BackupRecord> history, RetentionPolicy before, RetentionPolicy after, ZoneId zone) {
		RetentionPlan previous = before.apply(history, zone);
		RetentionPlan next = after.apply(history, zone);
		Set<UUID> hold = new LinkedHashSet<>();
		for (Entry entry : previous.keep()) {
			if (next.removes(entry.backup().id())) {
				hold.add(entry.backup().id());
			}
		}
		return hold;
	}

}
