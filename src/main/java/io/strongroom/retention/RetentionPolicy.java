package io.strongroom.retention;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Which scheduled backups to keep. A backup is kept if any rule keeps it (restic's
 * {@code forget} semantics); an empty policy removes nothing. Windows and counts are
 * measured from the newest successful backup, never from the clock, so a run of failures
 * never ages the last good backups away.
 *
 * @param keepWithin keep every backup finished within this duration of the newest
 * successful one (Eppalock's "delete backups older than a day"); {@code null} for none
 * @param keepLast keep the newest n backups
 * @param keepHourly keep the newest backup of each of the newest n hours that have one
 * @param keepDaily the same per day (in the customer's time zone)
 * @param keepWeekly the same per ISO week (Monday to Sunday)
 * @param keepMonthly the same per calendar month
 * @param keepYearly the same per calendar year
 */
public record RetentionPolicy(@Nullable Duration keepWithin, int keepLast, int keepHourly, int keepDaily,
		int keepWeekly, int keepMonthly, int keepYearly) {

	private static final RetentionPolicy EMPTY = new RetentionPolicy(null, 0, 0, 0, 0, 0, 0);

	public RetentionPolicy {
		if (keepWithin != null && (keepWithin.isNegative() || keepWithin.isZero())) {
			throw new IllegalArgumentException("keepWithin must be a positive duration, not " + keepWithin);
		}
		requireCount("keepLast", keepLast);
		requireCount("keepHourly", keepHourly);
		requireCount("keepDaily", keepDaily);
		requireCount("keepWeekly", keepWeekly);
		requireCount("keepMonthly", keepMonthly);
		requireCount("keepYearly", keepYearly);
	}

	private static void requireCount(String name, int value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
		}
	}

	/**
	 * The policy without rules: it removes nothing, whatever the plan's max-retention
	 * (pruning off, never "keep nothing").
	 */
	public static RetentionPolicy empty() {
		return EMPTY;
	}

	/**
	 * Autobus's retention: daily backups for a week, weekly for four weeks, monthly for a
	 * year. New databases start with this, clamped to their plan.
	 */
	public static RetentionPolicy autobusDefaults() {
		return new RetentionPolicy(null, 0, 0, 7, 4, 12, 0);
	}

	/** Eppalock's "delete backups older than ...". */
	public static RetentionPolicy olderThan(Duration maxAge) {
		return new RetentionPolicy(Objects.requireNonNull(maxAge, "maxAge"), 0, 0, 0, 0, 0, 0);
	}

	public boolean isEmpty() {
		return this.equals(EMPTY);
	}

	public RetentionPolicy withKeepWithin(@Nullable Duration keepWithin) {
		return new RetentionPolicy(keepWithin, this.keepLast, this.keepHourly, this.keepDaily, this.keepWeekly,
				this.keepMonthly, this.keepYearly);
	}

	public RetentionPolicy withKeepLast(int n) {
		return new RetentionPolicy(this.keepWithin, n, this.keepHourly, this.keepDaily, this.keepWeekly,
				this.keepMonthly, this.keepYearly);
	}

	public RetentionPolicy withKeepHourly(int n) {
		return new RetentionPolicy(this.keepWithin, this.keepLast, n, this.keepDaily, this.keepWeekly, this.keepMonthly,
				this.keepYearly);
	}

	public RetentionPolicy withKeepDaily(int n) {
		return new RetentionPolicy(this.keepWithin, this.keepLast, this.keepHourly, n, this.keepWeekly,
				this.keepMonthly, this.keepYearly);
	}

	public RetentionPolicy withKeepWeekly(int n) {
		return new RetentionPolicy(this.keepWithin, this.keepLast, this.keepHourly, this.keepDaily, n, this.keepMonthly,
				this.keepYearly);
	}

	public RetentionPolicy withKeepMonthly(int n) {
		return new RetentionPolicy(this.keepWithin, this.keepLast, this.keepHourly, this.keepDaily, this.keepWeekly, n,
				this.keepYearly);
	}

	public RetentionPolicy withKeepYearly(int n) {
		return new RetentionPolicy(this.keepWithin, this.keepLast, this.keepHourly, this.keepDaily, this.keepWeekly,
				this.keepMonthly, n);
	}

	/**
	 * Decides which backups to keep. Pure: no clock, no I/O; the same history and policy
	 * always give the same plan, whatever the order of the history.
	 * @param history every run of one database, in any order
	 * @param zone the customer's time zone, for hour, day, week, month and year buckets
	 * @param limits the plan's: no rule keeps a backup older than the newest successful
	 * one minus its max-retention (the protected ones stay all the same)
	 * @return the plan, newest backup first, with the reasons for each decision
	 */
	public RetentionPlan apply(List<BackupRecord> history, ZoneId zone, RetentionLimits limits) {
		return RetentionDecision.decide(history, this, zone, limits);
	}

	/**
	 * Limits this policy to what a plan allows. Counts are capped to the buckets that fit
	 * in the plan's retention, {@code keepWithin} to the retention itself. A policy that
	 * a clamp would empty says what it keeps instead: everything within the plan's
	 * retention. (The decision bounds every rule by the retention as well, see
	 * {@link #apply}.)
	 */
	public ClampedPolicy clampTo(RetentionLimits limits) {
		return PolicyClamp.clamp(this, limits);
	}

	/** A short human description, e.g. {@code "within 7d, daily 7, weekly 4"}. */
	public String describe() {
		if (isEmpty()) {
			return "keep everything (empty policy)";
		}
		List<String> parts = new ArrayList<>();
		if (this.keepWithin != null) {
			parts.add("within " + Durations.format(this.keepWithin));
		}
		addCount(parts, "last", this.keepLast);
		addCount(parts, "hourly", this.keepHourly);
		addCount(parts, "daily", this.keepDaily);
		addCount(parts, "weekly", this.keepWeekly);
		addCount(parts, "monthly", this.keepMonthly);
		addCount(parts, "yearly", this.keepYearly);
		return String.join(", ", parts);
	}

	private static void addCount(List<String> parts, String name, int count) {
		if (count > 0) {
			parts.add(name + " " + count);
		}
	}

}
