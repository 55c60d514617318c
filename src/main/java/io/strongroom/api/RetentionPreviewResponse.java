package io.strongroom.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.retention.BackupRecord;
import io.strongroom.retention.RetentionFields;
import io.strongroom.retention.RetentionPlan;
import io.strongroom.retention.RetentionSettings;
import io.strongroom.target.DatabaseLabel;

/**
 * {@code GET /api/v1/databases/<label>/retention-preview}: the policy in force, and every
 * backup it would delete and keep, newest first, each with its reasons.
 */
record RetentionPreviewResponse(String database, Map<String, Object> policy, List<Backup> delete, List<Backup> keep) {

	static RetentionPreviewResponse of(DatabaseLabel database, RetentionPlan plan) {
		return new RetentionPreviewResponse(database.value(),
				RetentionFields.render(new RetentionSettings(plan.policy(), plan.zone())),
				plan.remove().stream().map(Backup::of).toList(), plan.keep().stream().map(Backup::of).toList());
	}

	/**
	 * One backup and why it is deleted or kept.
	 *
	 * @param deletion {@code DELETING} for a deletion that started earlier and is retried
	 */
	record Backup(String id, @Nullable Instant finishedAt, String origin, String verification, String deletion,
			@Nullable String objectKey, List<String> reasons) {

		static Backup of(RetentionPlan.Entry entry) {
			var backup = entry.backup();
			// as GET /api/v1/backups names it
			String origin = (backup.origin() == BackupRecord.Origin.MANUAL) ? "manual" : "schedule";
			return new Backup(backup.id().toString(), backup.finishedAt(), origin, backup.verification().name(),
					backup.deletion().name(), backup.objectKey(),
					entry.reasons().stream().map(RetentionPlan.Reason::toString).toList());
		}

	}

}
