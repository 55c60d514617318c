package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.strongroom.retention.BackupRecord.Deletion;
import io.strongroom.retention.BackupRecord.Origin;
import io.strongroom.retention.BackupRecord.Verification;
import io.strongroom.retention.RetentionPlan.Entry;
import io.strongroom.retention.RetentionPlan.Rule;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of the retention decision over thousands of random histories and
 * policies. Each loop is seeded, so a failure names the case that reproduces it.
 */
class RetentionPropertyTests {

	static final int CASES = 5000;

	@Test
	void everyInvariantHoldsForRandomHistories() {
		for (int seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			List<BackupRecord> history = Histories.random(random);
			RetentionPolicy policy = Histories.randomPolicy(random);
			ZoneId zone = Histories.ZONES.get(random.nextInt(Histories.ZONES.size()));
			RetentionLimits limits = Histories.LIMITS.get(random.nextInt(Histories.LIMITS.size()));
			RetentionPlan plan = policy.apply(history, zone, limits);
			String at = "seed " + seed + ", policy " + policy.describe() + ", zone " + zone + ", " + limits;

			List<BackupRecord> backups = history.stream().filter(BackupRecord::isBackup).toList();
			Instant horizon = horizon(backups, limits);
			assertThat(plan.entries()).as(at).hasSize(backups.size());
			assertThat(plan.entries().stream().map((e) -> e.backup().id()).collect(Collectors.toSet())).as(at)
				.isEqualTo(backups.stream().map(BackupRecord::id).collect(Collectors.toSet()));
			for (Entry entry : plan.entries()) {
				assertThat(entry.reasons()).as(at)
					.isNotEmpty()
					.allSatisfy((reason) -> assertThat(reason.rule().keeps()).isEqualTo(entry.kept()));
			}
			for (Entry removed : plan.remove()) {
				BackupRecord backup = removed.backup();
				assertThat(backup.writtenByStrongroom()).as(at + ": only Strongroom's objects are removed").isTrue();
				if (backup.deletion() == Deletion.DELETING) {
					continue;
				}
				assertThat(policy.isEmpty()).as(at + ": an empty policy removes nothing").isFalse();
				assertThat(backup.origin()).as(at + ": manual backups stay").isEqualTo(Origin.SCHEDULED);
				assertThat(backup.hold()).as(at + ": held backups stay").isNull();
			}
			backups.stream()
				.filter(BackupRecord::isLive)
				.min(RetentionDecision.NEWEST_FIRST)
				.ifPresent((newest) -> assertThat(plan.removes(newest.id())).as(at + ": newest successful").isFalse());
			backups.stream()
				.filter((b) -> b.isLive() && b.verification() == Verification.PASSED)
				.min(RetentionDecision.NEWEST_FIRST)
				.ifPresent((newest) -> assertThat(plan.removes(newest.id())).as(at + ": newest verified").isFalse());
			assertCountsRespected(plan, policy, at);
			assertWithinThePlan(plan, horizon, at);
			assertWindowKept(plan, policy, limits, backups, at);
			assertOrderIndependent(history, policy, zone, limits, plan, random, at);
			assertStable(plan, policy, zone, limits, at);
		}
	}

	@Test
	void aLongerPlanKeepsEverythingAShorterOneKeeps() {
		for (int seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			List<BackupRecord> history = Histories.random(random);
			RetentionPolicy policy = Histories.randomPolicy(random);
			ZoneId zone = Histories.ZONES.get(random.nextInt(Histories.ZONES.size()));
			int shorter = random.nextInt(Histories.LIMITS.size());
			int longer = shorter + random.nextInt(Histories.LIMITS.size() - shorter);
			RetentionLimits small = Histories.LIMITS.get(shorter);
			RetentionLimits large = Histories.LIMITS.get(longer);
			assertThat(ids(policy.apply(history, zone, large).keep()))
				.as("seed " + seed + ": " + policy.describe() + " on " + small + " vs " + large)
				.containsAll(ids(policy.apply(history, zone, small).keep()));
		}
	}

	@Test
	void aLargerPolicyKeepsEverythingASmallerOneKeeps() {
		for (int seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			List<BackupRecord> history = Histories.random(random);
			RetentionPolicy smaller = Histories.randomPolicy(random);
			if (smaller.isEmpty()) {
				continue;
			}
			RetentionPolicy larger = grow(smaller, random);
			ZoneId zone = Histories.ZONES.get(random.nextInt(Histories.ZONES.size()));
			RetentionLimits limits = Histories.LIMITS.get(random.nextInt(Histories.LIMITS.size()));
			Set<UUID> keptBySmaller = ids(smaller.apply(history, zone, limits).keep());
			Set<UUID> keptByLarger = ids(larger.apply(history, zone, limits).keep());
			assertThat(keptByLarger).as("seed " + seed + ": " + smaller.describe() + " vs " + larger.describe())
				.containsAll(keptBySmaller);
		}
	}

	@Test
	void clampingStaysWithinThePlanAndIsIdempotent() {
		List<Duration> limits = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7),
				Duration.ofDays(92), Duration.ofDays(731));
		for (int seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			RetentionPolicy policy = Histories.randomPolicy(random);
			RetentionLimits plan = new RetentionLimits(limits.get(random.nextInt(limits.size())));
			ClampedPolicy clamped = policy.clampTo(plan);
			RetentionPolicy result = clamped.policy();
			String at = "seed " + seed + ": " + policy.describe() + " on " + plan;
			assertThat(result.isEmpty()).as(at + ": never empties a policy").isEqualTo(policy.isEmpty());
			if (result.keepWithin() != null) {
				assertThat(result.keepWithin()).as(at).isLessThanOrEqualTo(plan.maxRetention());
			}
			assertThat(result.keepLast()).as(at).isLessThanOrEqualTo(plan.maxCount(Rule.LAST));
			assertThat(result.keepDaily()).as(at).isLessThanOrEqualTo(plan.maxCount(Rule.DAILY));
			assertThat(result.keepWeekly()).as(at).isLessThanOrEqualTo(plan.maxCount(Rule.WEEKLY));
			assertThat(result.keepMonthly()).as(at).isLessThanOrEqualTo(plan.maxCount(Rule.MONTHLY));
			assertThat(result.keepYearly()).as(at).isLessThanOrEqualTo(plan.maxCount(Rule.YEARLY));
			assertThat(clamped.changed()).as(at).isEqualTo(!result.equals(policy));
			assertThat(result.clampTo(plan)).as(at + ": idempotent").isEqualTo(new ClampedPolicy(result, List.of()));
		}
	}

	@Test
	void aDowngradeWithItsHoldsRemovesNothingTheOldPolicyKept() {
		int clampsThatWouldDelete = 0;
		for (int seed = 0; seed < CASES; seed++) {
			Random random = new Random(seed);
			List<BackupRecord> history = Histories.random(random);
			RetentionPolicy before = Histories.randomPolicy(random);
			ZoneId zone = Histories.ZONES.get(random.nextInt(Histories.ZONES.size()));
			int to = random.nextInt(Histories.LIMITS.size() - 1);
			RetentionLimits from = Histories.LIMITS.get(to + 1 + random.nextInt(Histories.LIMITS.size() - to - 1));
			RetentionLimits lower = Histories.LIMITS.get(to);
			RetentionPolicy after = before.clampTo(lower).policy();
			Set<UUID> hold = DowngradeHolds.toHold(history, zone, before, from, after, lower);
			if (!hold.isEmpty()) {
				clampsThatWouldDelete++;
			}
			List<BackupRecord> held = history.stream()
				.map((b) -> hold.contains(b.id()) ? b.withHold("kept through the downgrade") : b)
				.toList();
			Set<UUID> removedAfter = ids(after.apply(held, zone, lower).remove());
			Set<UUID> keptBefore = ids(before.apply(history, zone, from).keep());
			Set<UUID> keptAfterWithoutHolds = ids(after.apply(history, zone, lower).keep());
			String at = "seed " + seed + ": " + before.describe() + " on " + from + " -> " + after.describe() + " on "
					+ lower;
			assertThat(intersection(removedAfter, keptBefore)).as(at).isEmpty();
			assertThat(intersection(removedAfter, keptAfterWithoutHolds)).as(at).isEmpty();
		}
		assertThat(clampsThatWouldDelete).as("the random cases exercise clamps that would delete").isGreaterThan(100);
	}

	private static void assertCountsRespected(RetentionPlan plan, RetentionPolicy policy, String at) {
		Map<Rule, Integer> limits = Map.of(Rule.LAST, policy.keepLast(), Rule.HOURLY, policy.keepHourly(), Rule.DAILY,
				policy.keepDaily(), Rule.WEEKLY, policy.keepWeekly(), Rule.MONTHLY, policy.keepMonthly(), Rule.YEARLY,
				policy.keepYearly());
		limits.forEach((rule, limit) -> {
			List<String> buckets = plan.entries()
				.stream()
				.flatMap((e) -> e.reasons().stream())
				.filter((r) -> r.rule() == rule)
				.map(RetentionPlan.Reason::detail)
				.toList();
			assertThat(buckets).as(at + ": " + rule).hasSizeLessThanOrEqualTo(limit).doesNotHaveDuplicates();
		});
		for (Entry entry : plan.entries()) {
			boolean counted = entry.reasons().stream().anyMatch((r) -> limits.containsKey(r.rule()));
			if (counted) {
				assertThat(entry.backup().origin()).as(at + ": counts govern scheduled backups")
					.isEqualTo(Origin.SCHEDULED);
			}
		}
	}

	/**
	 * No rule keeps a backup older than the newest successful one minus the plan's
	 * max-retention; only a protection does.
	 */
	private static void assertWithinThePlan(RetentionPlan plan, @Nullable Instant horizon, String at) {
		if (horizon == null) {
			return;
		}
		// the empty policy is no rule: it turns pruning off
		Set<Rule> protections = Set.of(Rule.NOT_WRITTEN_BY_STRONGROOM, Rule.MANUAL, Rule.HELD, Rule.NEWEST_SUCCESSFUL,
				Rule.NEWEST_VERIFIED, Rule.EMPTY_POLICY);
		for (Entry entry : plan.keep()) {
			if (Objects.requireNonNull(entry.backup().finishedAt()).isBefore(horizon)) {
				assertThat(entry.reasons()).as(at + ": beyond the plan only protections keep")
					.allSatisfy((reason) -> assertThat(protections).contains(reason.rule()));
			}
		}
	}

	/** The newest successful backup minus the plan's max-retention, if there is one. */
	private static @Nullable Instant horizon(List<BackupRecord> backups, RetentionLimits limits) {
		return backups.stream()
			.filter(BackupRecord::isLive)
			.min(RetentionDecision.NEWEST_FIRST)
			.map((newest) -> Objects.requireNonNull(newest.finishedAt()).minus(limits.maxRetention()))
			.orElse(null);
	}

	private static void assertWindowKept(RetentionPlan plan, RetentionPolicy policy, RetentionLimits limits,
			List<BackupRecord> backups, String at) {
		Duration within = policy.keepWithin();
		BackupRecord newest = backups.stream()
			.filter(BackupRecord::isLive)
			.min(RetentionDecision.NEWEST_FIRST)
			.orElse(null);
		if (within == null || newest == null) {
			return;
		}
		// the window as far as the plan allows
		Duration window = (within.compareTo(limits.maxRetention()) < 0) ? within : limits.maxRetention();
		Instant from = Objects.requireNonNull(newest.finishedAt()).minus(window);
		for (BackupRecord backup : backups) {
			if (backup.isLive() && !Objects.requireNonNull(backup.finishedAt()).isBefore(from)) {
				assertThat(plan.removes(backup.id())).as(at + ": within the window of the newest").isFalse();
			}
		}
	}

	private static void assertOrderIndependent(List<BackupRecord> history, RetentionPolicy policy, ZoneId zone,
			RetentionLimits limits, RetentionPlan plan, Random random, String at) {
		List<BackupRecord> shuffled = new ArrayList<>(history);
		Collections.shuffle(shuffled, random);
		assertThat(policy.apply(shuffled, zone, limits)).as(at + ": the input's order does not matter").isEqualTo(plan);
	}

	/** Carrying out a plan and deciding again removes nothing more. */
	private static void assertStable(RetentionPlan plan, RetentionPolicy policy, ZoneId zone, RetentionLimits limits,
			String at) {
		List<BackupRecord> remaining = plan.keep().stream().map(Entry::backup).toList();
		assertThat(policy.apply(remaining, zone, limits).remove()).as(at + ": a second prune removes nothing")
			.isEmpty();
	}

	private static RetentionPolicy grow(RetentionPolicy policy, Random random) {
		Function<Integer, Integer> more = (n) -> n + random.nextInt(3);
		Duration within = policy.keepWithin();
		if (within != null) {
			within = within.plusHours(random.nextInt(48));
		}
		else if (random.nextBoolean()) {
			within = Duration.ofDays(1 + random.nextInt(30));
		}
		return new RetentionPolicy(within, more.apply(policy.keepLast()), more.apply(policy.keepHourly()),
				more.apply(policy.keepDaily()), more.apply(policy.keepWeekly()), more.apply(policy.keepMonthly()),
				more.apply(policy.keepYearly()));
	}

	private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
		Set<UUID> both = new HashSet<>(a);
		both.retainAll(b);
		return both;
	}

	private static Set<UUID> ids(List<Entry> entries) {
		Set<UUID> ids = new HashSet<>();
		entries.forEach((entry) -> ids.add(entry.backup().id()));
		return ids;
	}

}
