package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.strongroom.retention.BackupRecord.Verification;
import io.strongroom.retention.RetentionPlan.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionPolicyTests {

	static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void keepThreeDailyAfterFiveDaysLeavesThreePlusTheNewestVerified() {
		List<BackupRecord> history = new ArrayList<>();
		Instant first = Instant.parse("2026-11-17T03:00:00Z");
		for (int day = 0; day < 5; day++) {
			BackupRecord backup = Histories.scheduled(day + 1, first.plus(Duration.ofDays(day)));
			// only the first backup passed verification so far
			history.add((day == 0) ? backup.withVerification(Verification.PASSED) : backup);
		}
		RetentionPlan plan = RetentionPolicy.empty().withKeepDaily(3).apply(history, UTC, Histories.PRO);

		assertThat(plan.keep()).extracting((e) -> e.backup().finishedAt())
			.containsExactly(Instant.parse("2026-11-21T03:00:00Z"), Instant.parse("2026-11-20T03:00:00Z"),
					Instant.parse("2026-11-19T03:00:00Z"), Instant.parse("2026-11-17T03:00:00Z"));
		assertThat(plan.keep().get(3).reasonText()).isEqualTo("newest verified");
		assertThat(plan.remove()).singleElement()
			.satisfies((e) -> assertThat(e.backup().finishedAt()).isEqualTo(Instant.parse("2026-11-18T03:00:00Z")))
			.satisfies((e) -> assertThat(e.reasonText()).isEqualTo("no rule keeps it"));
	}

	@Test
	void windowsAreMeasuredFromTheNewestSuccessfulBackupNotTheClock() {
		// backups stopped a month ago: "older than a day" still keeps the last day's
		List<BackupRecord> history = List.of(Histories.scheduled(1, Instant.parse("2026-10-01T03:00:00Z")),
				Histories.scheduled(2, Instant.parse("2026-09-30T22:00:00Z")),
				Histories.scheduled(3, Instant.parse("2026-09-29T03:00:00Z")));
		RetentionPlan plan = RetentionPolicy.olderThan(Duration.ofDays(1)).apply(history, UTC, Histories.PRO);
		assertThat(plan.keep()).hasSize(2);
		assertThat(plan.remove()).extracting((e) -> e.backup().id()).containsExactly(Histories.id(3));
	}

	@Test
	void aFailedVerificationDoesNotRepresentItsDay() {
		List<BackupRecord> history = List.of(
				Histories.scheduled(1, Instant.parse("2026-11-20T23:00:00Z")).withVerification(Verification.FAILED),
				Histories.scheduled(2, Instant.parse("2026-11-20T03:00:00Z")),
				Histories.scheduled(3, Instant.parse("2026-11-21T03:00:00Z")));
		RetentionPlan plan = RetentionPolicy.empty().withKeepDaily(2).apply(history, UTC, Histories.PRO);
		assertThat(plan.keep()).extracting(Entry::reasonText)
			.containsExactly("newest successful, daily 2026-11-21", "daily 2026-11-20");
		assertThat(plan.removes(Histories.id(1))).isTrue();
	}

	@Test
	void dayBucketsFollowTheCustomersZone() {
		// 03:00 UTC on two days is 16:00 and 16:00 the day after in Auckland (UTC+13)
		List<BackupRecord> history = List.of(Histories.scheduled(1, Instant.parse("2026-11-21T10:30:00Z")),
				Histories.scheduled(2, Instant.parse("2026-11-21T11:30:00Z")));
		assertThat(RetentionPolicy.empty().withKeepDaily(5).apply(history, UTC, Histories.PRO).remove()).hasSize(1);
		assertThat(RetentionPolicy.empty()
			.withKeepDaily(5)
			.apply(history, ZoneId.of("Pacific/Auckland"), Histories.PRO)
			.remove()).isEmpty();
	}

	@Test
	void anEmptyPolicyRemovesNothingWhateverThePlan() {
		// the fixed history reaches back 540 days: beyond basic's 92 and within pro's 731
		for (RetentionLimits limits : List.of(Histories.PRO, Histories.BASIC)) {
			RetentionPlan plan = RetentionPolicy.empty().apply(Histories.fixed(), UTC, limits);
			assertThat(plan.remove()).as(limits.toString())
				.allSatisfy((e) -> assertThat(e.reasonText()).startsWith("deletion started"));
		}
		RetentionPlan basic = RetentionPolicy.empty().apply(Histories.fixed(), UTC, Histories.BASIC);
		Instant horizon = Instant.parse("2026-11-22T03:00:00Z").minus(Duration.ofDays(92));
		assertThat(basic.keep()).filteredOn((e) -> e.backup().finishedAt().isBefore(horizon))
			.filteredOn((e) -> e.backup().origin() == BackupRecord.Origin.SCHEDULED && e.backup().hold() == null
					&& e.backup().writtenByStrongroom())
			.isNotEmpty()
			.allSatisfy((e) -> assertThat(e.reasonText()).endsWith("policy is empty"));
	}

	@Test
	void countsCannotReachBeyondThePlan() {
		// basic (92d): a daily schedule for a year with keepLast=2208 (the hours in 92d)
		List<BackupRecord> daily = new ArrayList<>();
		Instant newest = Instant.parse("2026-11-22T03:00:00Z");
		for (int day = 0; day < 365; day++) {
			daily.add(Histories.scheduled(day + 1, newest.minus(Duration.ofDays(day))));
		}
		RetentionPlan last = RetentionPolicy.empty().withKeepLast(2208).apply(daily, UTC, Histories.BASIC);
		assertThat(last.keep()).hasSize(93);
		assertThat(last.keep()).last()
			.satisfies((e) -> assertThat(e.backup().finishedAt()).isEqualTo(newest.minus(Duration.ofDays(92))));

		// a weekly schedule for two years with keepDaily=92: 14 weeks, not 92
		List<BackupRecord> weekly = new ArrayList<>();
		for (int week = 0; week < 104; week++) {
			weekly.add(Histories.scheduled(week + 1, newest.minus(Duration.ofDays(7L * week))));
		}
		RetentionPlan days = RetentionPolicy.empty().withKeepDaily(92).apply(weekly, UTC, Histories.BASIC);
		assertThat(days.keep()).hasSize(14);
		assertThat(days.remove()).extracting(Entry::reasonText).containsOnly("beyond the plan's max-retention 92d");
	}

	@Test
	void theProtectedBackupsOutliveThePlansBound() {
		Instant newest = Instant.parse("2026-11-22T03:00:00Z");
		List<BackupRecord> history = List.of(Histories.scheduled(1, newest),
				Histories.scheduled(2, newest.minus(Duration.ofDays(200))).withVerification(Verification.PASSED),
				Histories.scheduled(3, newest.minus(Duration.ofDays(300))).withOrigin(BackupRecord.Origin.MANUAL),
				Histories.scheduled(4, newest.minus(Duration.ofDays(310))).withHold("held by a person"),
				Histories.scheduled(5, newest.minus(Duration.ofDays(320))));
		RetentionPlan plan = RetentionPolicy.empty().withKeepMonthly(3).apply(history, UTC, Histories.BASIC);
		assertThat(plan.keep()).extracting(Entry::reasonText)
			.containsExactly("newest successful, monthly 2026-11", "newest verified", "manual backup",
					"held: held by a person");
		assertThat(plan.remove()).extracting((e) -> e.backup().id()).containsExactly(Histories.id(5));
	}

	@Test
	void rejectsNegativeCountsAndNonPositiveWindows() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.empty().withKeepDaily(-1))
			.withMessage("keepDaily must be 0 or more, not -1");
		assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.olderThan(Duration.ZERO))
			.withMessageContaining("positive");
	}

	@Test
	void describesItself() {
		assertThat(RetentionPolicy.autobusDefaults().describe()).isEqualTo("daily 7, weekly 4, monthly 12");
		assertThat(RetentionPolicy.olderThan(Duration.ofHours(36)).withKeepLast(2).describe())
			.isEqualTo("within 36h, last 2");
		assertThat(RetentionPolicy.empty().describe()).isEqualTo("keep everything (empty policy)");
	}

	@Test
	void autobusDefaultsOnEachPlan() {
		RetentionPolicy defaults = RetentionPolicy.autobusDefaults();
		ClampedPolicy test = defaults.clampTo(new RetentionLimits(Duration.ofDays(7)));
		assertThat(test.policy().describe()).isEqualTo("daily 7, weekly 1");
		assertThat(test.changes()).containsExactly("keep weekly 4 lowered to 1 (the plan keeps backups for 7d)",
				"keep monthly 12 lowered to 0 (the plan keeps backups for 7d)");
		assertThat(defaults.clampTo(new RetentionLimits(Duration.ofDays(92))).policy().describe())
			.isEqualTo("daily 7, weekly 4, monthly 3");
		assertThat(defaults.clampTo(new RetentionLimits(Duration.ofDays(731))))
			.isEqualTo(new ClampedPolicy(defaults, List.of()));
	}

	@Test
	void aClampThatWouldEmptyAPolicyKeepsThePlansRetentionInstead() {
		ClampedPolicy clamped = RetentionPolicy.empty()
			.withKeepYearly(3)
			.clampTo(new RetentionLimits(Duration.ofDays(7)));
		assertThat(clamped.policy()).isEqualTo(RetentionPolicy.olderThan(Duration.ofDays(7)));
		assertThat(clamped.changes()).last().asString().contains("kept for 7d");
	}

	@Test
	void anEmptyPolicyIsAlwaysWithinAPlan() {
		assertThat(RetentionPolicy.empty().clampTo(new RetentionLimits(Duration.ofDays(7))).changed()).isFalse();
	}

	@Test
	void aDowngradeHoldsWhatTheClampWouldRemove() {
		List<BackupRecord> history = new ArrayList<>();
		for (int month = 0; month < 6; month++) {
			history.add(Histories.scheduled(month + 1,
					Instant.parse("2026-06-15T03:00:00Z").plus(Duration.ofDays(30L * month))));
		}
		RetentionPolicy before = RetentionPolicy.empty().withKeepMonthly(12);
		RetentionPolicy after = before.clampTo(Histories.BASIC).policy();
		assertThat(after.keepMonthly()).isEqualTo(3);
		assertThat(DowngradeHolds.toHold(history, UTC, before, Histories.PRO, after, Histories.BASIC))
			.containsExactlyInAnyOrder(Histories.id(1), Histories.id(2), Histories.id(3));
	}

	@Test
	void aDowngradeHoldsWhatTheShorterBoundWouldRemoveEvenWhenThePolicyFits() {
		// a weekly schedule keeping 60 daily fits basic's 92 days, and reaches 60 weeks
		List<BackupRecord> history = new ArrayList<>();
		for (int week = 0; week < 30; week++) {
			history.add(Histories.scheduled(week + 1,
					Instant.parse("2026-11-22T03:00:00Z").minus(Duration.ofDays(7L * week))));
		}
		RetentionPolicy policy = RetentionPolicy.empty().withKeepDaily(60);
		assertThat(policy.clampTo(Histories.BASIC).changed()).isFalse();
		assertThat(DowngradeHolds.toHold(history, UTC, policy, Histories.PRO, policy, Histories.BASIC)).hasSize(16);
		// the empty policy removes nothing under any plan: nothing to hold
		assertThat(DowngradeHolds.toHold(history, UTC, RetentionPolicy.empty(), Histories.PRO, RetentionPolicy.empty(),
				Histories.BASIC))
			.isEmpty();
	}

}
