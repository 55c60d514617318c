package io.strongroom.notify;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a failure kind means and what a person can do about it, in the customer's words.
 * Keys are {@code io.strongroom.runner.FailureKind} names, the run module's own kinds
 * ({@code STALLED}, {@code RUNNER_EXITED}, {@code LAUNCH_FAILED}, {@code NOT_CONFIGURED})
 * and {@code SCHEDULE_MISSED}; for a failed verification also {@code RESTORE_TEST}.
 */
final class FailureAdvice {

	/** The dyno size is the operator's setting; the dashboard has none for it. */
	private static final String LARGER_DYNO = "Very large databases may need a larger dyno size, which Strongroom's"
			+ " operator sets (STRONGROOM_RUN_HEROKU_DYNOSIZE); if that is not you, contact support and quote the run id.";

	private FailureAdvice() {
	}

	static String cause(@Nullable String kind) {
		return switch ((kind != null) ? kind : "") {
			case "INTERNAL" -> "This is a fault in Strongroom, not in your settings.";
			case "USAGE" -> "Strongroom's settings for this database are incomplete or wrong.";
			case "CONNECTION_REFUSED" -> "Strongroom could not reach the database server.";
			case "AUTHENTICATION_FAILED" -> "The database refused the user name or password Strongroom uses.";
			case "PERMISSION_DENIED" -> "The database user may not read everything the backup needs.";
			case "CLIENT_TOO_OLD" -> "The database server is newer than every dump client Strongroom has.";
			case "DUMP_FAILED" -> "The dump tool stopped with an error.";
			case "RESTORE_FAILED" -> "Restoring the backup into the scratch database failed.";
			case "DESTINATION_ACCESS_DENIED" -> "Your storage refused Strongroom's credentials or the upload.";
			case "BUCKET_MISSING" -> "The bucket does not exist, or is in another region.";
			case "DESTINATION_FAILED" -> "The storage service failed (network or server error).";
			case "INTEGRITY" -> "The stored object does not match its checksum: it was changed, truncated, or the"
					+ " encryption key is not the one it was written with.";
			case "RUNNER_MEMORY" -> "The backup process has too little memory to upload a database this large, so it"
					+ " stopped before dumping anything.";
			case "STALLED" -> "The backup stopped reporting progress for longer than the stall timeout.";
			case "RUNNER_EXITED" -> "The backup process ended without reporting a result (it may have run out of"
					+ " memory or been restarted).";
			case "LAUNCH_FAILED" -> "Strongroom could not start the backup process on your app.";
			case "NOT_CONFIGURED" -> "Something the backup needs (the connection string, the encryption key or the"
					+ " storage settings) was missing when it was due.";
			case "SCHEDULE_MISSED" -> "No backup started within the grace period after its scheduled time.";
			case "PLAN_LIMIT" ->
				"The add-on has more databases than its plan allows, so this one's backups are" + " paused.";
			default -> "The backup failed.";
		};
	}

	static List<String> steps(@Nullable String kind) {
		return steps(kind, null);
	}

	/** Why a verification FAILED, by what failed ({@code null}: not known). */
	static String verificationCause(@Nullable String kind) {
		return switch ((kind != null) ? kind : "") {
			case "INTEGRITY" -> "The stored object does not match the checksums recorded when it was written: it was"
					+ " changed or truncated in the bucket, or the encryption key is not the one it was written with.";
			case "RESTORE_TEST" -> "The stored object is intact (its checksums match), but its restore test failed:"
					+ " restored into the verification database, it did not give the row counts recorded when the"
					+ " backup was taken, or it did not restore at all.";
			case "" -> "Verification found a problem with this backup.";
			default -> "The backup could not be read for verification. " + cause(kind);
		};
	}

	/** What to do about a failed verification, before "start a new backup". */
	static List<String> verificationSteps(@Nullable String kind, @Nullable String urlConfigVar) {
		return switch ((kind != null) ? kind : "") {
			case "INTEGRITY" -> List.of("Read what differed below. A changed or truncated object means something"
					+ " other than Strongroom wrote to the bucket: check who can write to it. If it says the"
					+ " encryption key is not the one the backup was made with, put that key back.");
			case "RESTORE_TEST" -> List.of(
					"Read what differed below: the tables whose row counts differ from the backup's statistics, or"
							+ " the restore's error.",
					"Make sure nothing but Strongroom uses the verification database and that its user may create"
							+ " tables, then verify the backup again (POST /api/v1/backups/{id}/verify with the run"
							+ " below). If the counts still differ, do not rely on this backup: restore it by hand"
							+ " (README, \"Restoring a backup\") and compare.");
			case "" -> List.of("Read what differed below.");
			default -> steps(kind, urlConfigVar);
		};
	}

	/**
	 * @param urlConfigVar the config var on the customer's app that holds the database's
	 * URL, as named there (Heroku mode), or {@code null}
	 */
	static List<String> steps(@Nullable String kind, @Nullable String urlConfigVar) {
		return switch ((kind != null) ? kind : "") {
			case "INTERNAL" -> List.of("Nothing needs to change on your side; the next scheduled backup tries again.",
					"If it keeps failing, contact support and quote the run id.");
			case "USAGE" -> List
				.of("Open the dashboard and check the connection string, the excluded tables and the dump options.");
			case "CONNECTION_REFUSED" -> List.of("Check the host and port in the connection string.",
					"Make sure the database accepts connections from Heroku dynos (firewalls, IP allow-lists).");
			case "AUTHENTICATION_FAILED" -> List.of(
					"If you changed or rotated the database password, save the new connection string in the"
							+ " Strongroom dashboard: "
							+ ((urlConfigVar != null) ? "it updates " + urlConfigVar + " on your app."
									: "the next backup uses it."),
					"Then start a backup from the dashboard to check it.");
			case "PERMISSION_DENIED" ->
				List.of("Grant the backup user read access to every table (PostgreSQL 14 and later:"
						+ " GRANT pg_read_all_data TO the user), or exclude the table in the dashboard.");
			case "CLIENT_TOO_OLD" ->
				List.of("Contact support: Strongroom needs a newer dump client for this server version.");
			case "DUMP_FAILED" -> List.of("Read the error above.",
					"Check the database's own logs at that time: long-held locks and dropped connections are common"
							+ " causes.");
			case "RESTORE_FAILED" -> List.of("Read the error above; check that the verification database is empty"
					+ " and that its user may create tables.");
			case "DESTINATION_ACCESS_DENIED" -> List.of("Check the access key and secret in the dashboard.",
					"Make sure the key's policy allows s3:PutObject, s3:GetObject and s3:DeleteObject on the bucket.");
			case "BUCKET_MISSING" -> List.of("Create the bucket, or correct its name and region in the dashboard.");
			case "DESTINATION_FAILED" -> List.of("Nothing, if it was a passing outage: the next backup tries again.",
					"If it persists, check the storage provider's status page.");
			case "INTEGRITY" ->
				List.of("Check who can write to the bucket, and that the encryption key has not changed.",
						"Start a new backup from the dashboard.");
			// the runner's size is the operator's setting, not the database's: nothing in
			// the dashboard fixes this, so name the setting and who holds it
			case "RUNNER_MEMORY" -> List.of(
					"Back up this database on a larger dyno size: Strongroom's operator sets it"
							+ " (STRONGROOM_RUN_HEROKU_DYNOSIZE; standard-2X backs up databases up to ~2.4 TB,"
							+ " performance-M up to S3's largest object, 5 TiB). If that is not you, contact support"
							+ " and quote the run id.",
					"A runner started by hand needs the -Xmx the error names. The database's connection string and"
							+ " settings need no change.");
			case "RUNNER_EXITED" -> List.of("Check your app's logs around that time: heroku logs --tail.", LARGER_DYNO);
			case "LAUNCH_FAILED" -> List.of(
					"Check Heroku's status page and your account's dyno limits: each backup runs as a one-off dyno.",
					"The next scheduled backup tries again.");
			case "NOT_CONFIGURED" ->
				List.of("Open the dashboard and complete the database's settings: connection string, encryption key,"
						+ " storage.");
			case "STALLED" -> List.of("Check your app's logs around that time: heroku logs --tail.", LARGER_DYNO);
			case "SCHEDULE_MISSED" -> List.of("If you paused or removed the schedule on purpose, ignore this mail.",
					"Otherwise check Heroku's status page and your account's dyno limits: each backup runs as a"
							+ " one-off dyno.");
			case "PLAN_LIMIT" -> List.of("Delete a database you no longer back up, or upgrade the plan: heroku"
					+ " addons:upgrade. The paused backups then resume; no backup was deleted.");
			default -> List.of("Open the dashboard to see the run's log.");
		};
	}

}
