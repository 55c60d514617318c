package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.retention.BackupRecord.Origin;
import io.strongroom.retention.BackupRecord.Verification;
import io.strongroom.retention.RetentionPlan.Action;
import io.strongroom.retention.RetentionPlan.Entry;
import io.strongroom.retention.RetentionPlan.Reason;
import io.strongroom.retention.RetentionPlan.Rule;
import org.jspecify.annotations.Nullable;

/**
 * The pure retention decision (restic's {@code data.ApplyPolicy}, STYLE.md C6).
 * <p>
 * Protections come first and cannot be overridden by a rule: backups Strongroom did not
 * write, manual and held backups, the newest successful and the newest verified backup.
 * The rules then apply only to scheduled backups that are live (not being deleted),
 * written by Strongroom and not held. Bucket rules (hourly to yearly) also skip backups
 * whose verification failed, so a good backup, not a broken one, represents its day.
 * <p>
 * The plan's max-retention bounds every rule: no rule keeps a backup that finished before
 * the newest successful one minus max-retention. Counts alone would not bound it, because
 * they count only periods that have a backup (on a weekly schedule "92 daily" reaches
 * back 92 weeks). The empty policy has no rules and removes nothing: pruning is off.
 */
final class RetentionDecision {

	/** Newest first; the id breaks ties so the order never depends on the input's. */
	static final Comparator<BackupRecord> NEWEST_FIRST = Comparator
		.comparing((BackupRecord record) -> Objects.requireNonNull(record.finishedAt()))
		.reversed()
		.thenComparing(BackupRecord::id);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	private RetentionDecision() {
	}

	static RetentionPlan decide(List<BackupRecord> history, RetentionPolicy policy, ZoneId zone,
			RetentionLimits limits) {
		List<BackupRecord> backups = history.stream().filter(BackupRecord::isBackup).sorted(NEWEST_FIRST).toList();
		BackupRecord newestSuccessful = backups.stream().filter(BackupRecord::isLive).findFirst().orElse(null);
		BackupRecord newestVerified = backups.stream()
			.filter((b) -> b.isLive() && b.verification() == Verification.PASSED)
			.findFirst()
			.orElse(null);
		Horizon horizon = Horizon.of(newestSuccessful, limits);

		Map<UUID, List<Reason>> ruleReasons = new HashMap<>();
		if (!policy.isEmpty() && newestSuccessful != null) {
			List<BackupRecord> governed = backups.stream()
				.filter(RetentionDecision::governedByRules)
				.filter(horizon::includes)
				.toList();
			List<BackupRecord> bucketed = governed.stream()
				.filter((b) -> b.verification() != Verification.FAILED)
				.toList();
			Duration within = policy.keepWithin();
			if (within != null) {
				Instant from = Objects.requireNonNull(newestSuccessful.finishedAt()).minus(within);
				String detail = Durations.format(within) + " of newest";
				for (BackupRecord backup : governed) {
					if (!Objects.requireNonNull(backup.finishedAt()).isBefore(from)) {
						add(ruleReasons, backup, new Reason(Rule.WITHIN, detail));
					}
				}
			}
			int last = 0;
			for (BackupRecord backup : governed) {
				if (last == policy.keepLast()) {
					break;
				}
				last++;
				add(ruleReasons, backup, new Reason(Rule.LAST, last + "/" + policy.keepLast()));
			}
			bucket(ruleReasons, bucketed, Rule.HOURLY, policy.keepHourly(), (t) -> HOUR.format(t.atZone(zone)));
			bucket(ruleReasons, bucketed, Rule.DAILY, policy.keepDaily(), (t) -> DAY.format(t.atZone(zone)));
			bucket(ruleReasons, bucketed, Rule.WEEKLY, policy.keepWeekly(), (t) -> isoWeek(t.atZone(zone)));
			bucket(ruleReasons, bucketed, Rule.MONTHLY, policy.keepMonthly(), (t) -> MONTH.format(t.atZone(zone)));
			bucket(ruleReasons, bucketed, Rule.YEARLY, policy.keepYearly(),
					(t) -> Integer.toString(t.atZone(zone).getYear()));
		}

		List<Entry> entries = new ArrayList<>(backups.size());
		for (BackupRecord backup : backups) {
			entries.add(entry(backup, policy, horizon, newestSuccessful, newestVerified,
					ruleReasons.getOrDefault(backup.id(), List.of())));
		}
		return new RetentionPlan(policy, zone, entries);
	}

	/**
	 * The plan of a database that was removed: no policy speaks for its backups any more,
	 * so every one stays until a person deletes it. Only a deletion that had already
	 * started is finished (the backup is no longer offered for restore).
	 */
	static RetentionPlan ofRemovedDatabase(List<BackupRecord> history, ZoneId zone) {
		List<Entry> entries = history.stream().filter(BackupRecord::isBackup).sorted(NEWEST_FIRST).map((backup) -> {
			if (!backup.writtenByStrongroom()) {
				return new Entry(backup, Action.KEEP, List.of(Reason.of(Rule.NOT_WRITTEN_BY_STRONGROOM)));
			}
			if (backup.deletion() == Deletion.DELETING) {
				return new Entry(backup, Action.REMOVE, List.of(Reason.of(Rule.DELETION_STARTED)));
			}
			return new Entry(backup, Action.KEEP, List.of(Reason.of(Rule.DATABASE_REMOVED)));
		}).toList();
		return new RetentionPlan(RetentionPolicy.empty(), zone, entries);
	}

	/** Whether a rule decides this backup (protected ones are not). */
	static boolean governedByRules(BackupRecord backup) {
		return backup.isLive() && backup.writtenByStrongroom() && backup.origin() == Origin.SCHEDULED
				&& backup.hold() == null;
	}

	private static Entry entry(BackupRecord backup, RetentionPolicy policy, Horizon horizon,
			BackupRecord newestSuccessful, BackupRecord newestVerified, List<Reason> rules) {
		if (!backup.writtenByStrongroom()) {
			return new Entry(backup, Action.KEEP, List.of(Reason.of(Rule.NOT_WRITTEN_BY_STRONGROOM)));
		}
		if (backup.deletion() == Deletion.DELETING) {
			return new Entry(backup, Action.REMOVE, List.of(Reason.of(Rule.DELETION_STARTED)));
		}
		List<Reason> reasons = new ArrayList<>();
		if (backup.origin() == Origin.MANUAL) {
			reasons.add(Reason.of(Rule.MANUAL));
		}
		if (backup.hold() != null) {
			reasons.add(new Reason(Rule.HELD, backup.hold()));
		}
		if (backup == newestSuccessful) {
			reasons.add(Reason.of(Rule.NEWEST_SUCCESSFUL));
		}
		if (backup == newestVerified) {
			reasons.add(Reason.of(Rule.NEWEST_VERIFIED));
		}
		if (policy.isEmpty()) {
			reasons.add(Reason.of(Rule.EMPTY_POLICY));
		}
		reasons.addAll(rules);
		if (!reasons.isEmpty()) {
			return new Entry(backup, Action.KEEP, reasons);
		}
		Reason removal = horizon.includes(backup) ? Reason.of(Rule.NO_RULE)
				: new Reason(Rule.BEYOND_PLAN, Durations.format(horizon.maxRetention()));
		return new Entry(backup, Action.REMOVE, List.of(removal));
	}

	/**
	 * How far back a rule may keep: from the newest successful backup minus the plan's
	 * max-retention ({@code from} is null when there is no successful backup).
	 */
	private record Horizon(@Nullable Instant from, Duration maxRetention) {

		static Horizon of(@Nullable BackupRecord newestSuccessful, RetentionLimits limits) {
			Duration max = limits.maxRetention();
			return new Horizon((newestSuccessful != null)
					? Objects.requireNonNull(newestSuccessful.finishedAt()).minus(max) : null, max);
		}

		boolean includes(BackupRecord backup) {
			return this.from == null || !Objects.requireNonNull(backup.finishedAt()).isBefore(this.from);
		}

	}

	/**
	 * Keeps the newest backup of each of the newest {@code count} buckets that have one.
	 */
	private static void bucket(Map<UUID, List<Reason>> reasons, List<BackupRecord> newestFirst, Rule rule, int count,
			Function<Instant, String> bucketOf) {
		String previous = null;
		int kept = 0;
		for (BackupRecord backup : newestFirst) {
			if (kept == count) {
				return;
			}
			String bucket = bucketOf.apply(Objects.requireNonNull(backup.finishedAt()));
			if (!bucket.equals(previous)) {
				previous = bucket;
				kept++;
				add(reasons, backup, new Reason(rule, bucket));
			}
		}
	}

	private static String isoWeek(ZonedDateTime time) {
		return String.format("%d-W%02d", time.get(IsoFields.WEEK_BASED_YEAR),
				time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	private static void add(Map<UUID, List<Reason>> reasons, BackupRecord backup, Reason reason) {
		reasons.computeIfAbsent(backup.id(), (id) -> new ArrayList<>()).add(reason);
	}

}
