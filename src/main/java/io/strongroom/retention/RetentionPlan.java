package io.strongroom.retention;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a policy decided for one database's backups, newest first. Every entry carries the
 * reasons it is kept or removed, so a preview can say why.
 *
 * @param policy the policy that was applied
 * @param zone the time zone of the hour, day, week, month and year buckets
 * @param entries one per backup (runs that are not backups are left out)
 */
public record RetentionPlan(RetentionPolicy policy, ZoneId zone, List<Entry> entries) {

	public RetentionPlan {
		entries = List.copyOf(entries);
	}

	public List<Entry> keep() {
		return this.entries.stream().filter(Entry::kept).toList();
	}

	public List<Entry> remove() {
		return this.entries.stream().filter((entry) -> !entry.kept()).toList();
	}

	public boolean removes(UUID id) {
		return this.entries.stream().anyMatch((entry) -> !entry.kept() && entry.backup().id().equals(id));
	}

	/** Keep or remove. */
	public enum Action {

		KEEP, REMOVE

	}

	/**
	 * One backup's fate.
	 *
	 * @param backup the backup
	 * @param action keep or remove
	 * @param reasons why, never empty
	 */
	public record Entry(BackupRecord backup, Action action, List<Reason> reasons) {

		public Entry {
			Objects.requireNonNull(backup, "backup");
			Objects.requireNonNull(action, "action");
			reasons = List.copyOf(reasons);
			if (reasons.isEmpty()) {
				throw new IllegalArgumentException("Every decision needs a reason");
			}
		}

		public boolean kept() {
			return this.action == Action.KEEP;
		}

		public String reasonText() {
			return this.reasons.stream().map(Reason::toString).collect(Collectors.joining(", "));
		}

	}

	/**
	 * Why a backup is kept or removed.
	 *
	 * @param rule the rule
	 * @param detail the bucket or window, or empty
	 */
	public record Reason(Rule rule, String detail) {

		public Reason {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(detail, "detail");
		}

		static Reason of(Rule rule) {
			return new Reason(rule, "");
		}

		@Override
		public String toString() {
			return this.detail.isEmpty() ? this.rule.text : this.rule.text + " " + this.detail;
		}

	}

	/** The rules, in the order reasons are listed. */
	public enum Rule {

		/** Kept: Strongroom's record does not say Strongroom wrote the object. */
		NOT_WRITTEN_BY_STRONGROOM(true, "not written by Strongroom"),
		/** Kept: a person started it, so a person deletes it. */
		MANUAL(true, "manual backup"),
		/** Kept: held by a person or a plan downgrade. */
		HELD(true, "held:"),
		/** Kept: its database was removed, so no policy applies; a person deletes it. */
		DATABASE_REMOVED(true, "its database was removed"),
		/** Kept: the newest successful backup is never removed. */
		NEWEST_SUCCESSFUL(true, "newest successful"),
		/**
		 * Kept: the newest backup whose verification PASSED (its integrity check, and its
		 * restore test when one ran) is never removed.
		 */
		NEWEST_VERIFIED(true, "newest verified"),
		/** Kept: an empty policy removes nothing (pruning is off). */
		EMPTY_POLICY(true, "policy is empty"),
		/** Kept: within the window of the newest successful backup. */
		WITHIN(true, "within"),
		/** Kept: among the newest n. */
		LAST(true, "last"),
		/** Kept: newest of its hour. */
		HOURLY(true, "hourly"),
		/** Kept: newest of its day. */
		DAILY(true, "daily"),
		/** Kept: newest of its week. */
		WEEKLY(true, "weekly"),
		/** Kept: newest of its month. */
		MONTHLY(true, "monthly"),
		/** Kept: newest of its year. */
		YEARLY(true, "yearly"),
		/** Removed: deleting it started earlier and did not finish; retried. */
		DELETION_STARTED(false, "deletion started earlier, retrying"),
		/**
		 * Removed: older than the newest successful backup minus the plan's
		 * max-retention, where no rule may keep it.
		 */
		BEYOND_PLAN(false, "beyond the plan's max-retention"),
		/** Removed: no rule keeps it. */
		NO_RULE(false, "no rule keeps it");

		private final boolean keeps;

		private final String text;

		Rule(boolean keeps, String text) {
			this.keeps = keeps;
			this.text = text;
		}

		public boolean keeps() {
			return this.keeps;
		}

	}

}
