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
		RetentionPlan plan = RetentionPolicy.empty().withKeepDaily(3).apply(history, UTC);

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
		RetentionPlan plan = RetentionPolicy.olderThan(Duration.ofDays(1)).apply(history, UTC);
		assertThat(plan.keep()).hasSize(2);
		assertThat(plan.remove()).extracting((e) -> e.backup().id()).containsExactly(Histories.id(3));
	}

	@Test
	void aFailedVerificationDoesNotRepresentItsDay() {
		List<BackupRecord> history = List.of(
				Histories.scheduled(1, Instant.parse("2026-11-20T23:00:00Z")).withVerification(Verification.FAILED),
				Histories.scheduled(2, Instant.parse("2026-11-20T03:00:00Z")),
				Histories.scheduled(3, Instant.parse("2026-11-21T03:00:00Z")));
		RetentionPlan plan = RetentionPolicy.empty().withKeepDaily(2).apply(history, UTC);
		assertThat(plan.keep()).extracting(Entry::reasonText)
			.containsExactly("newest successful, daily 2026-11-21", "daily 2026-11-20");
		assertThat(plan.removes(Histories.id(1))).isTrue();
	}

	@Test
	void dayBucketsFollowTheCustomersZone() {
		// 03:00 UTC on two days is 16:00 and 16:00 the day after in Auckland (UTC+13)
		List<BackupRecord> history = List.of(Histories.scheduled(1, Instant.parse("2026-11-21T10:30:00Z")),
				Histories.scheduled(2, Instant.parse("2026-11-21T11:30:00Z")));
		assertThat(RetentionPolicy.empty().withKeepDaily(5).apply(history, UTC).remove()).hasSize(1);
		assertThat(RetentionPolicy.empty().withKeepDaily(5).apply(history, ZoneId.of("Pacific/Auckland")).remove())
			.isEmpty();
	}

	@Test
	void anEmptyPolicyKeepsEverything() {
		RetentionPlan plan = RetentionPolicy.empty().apply(Histories.fixed(), UTC);
		assertThat(plan.remove()).allSatisfy((e) -> assertThat(e.reasonText()).startsWith("deletion started"));
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
		RetentionPolicy after = before.clampTo(new RetentionLimits(Duration.ofDays(92))).policy();
		assertThat(after.keepMonthly()).isEqualTo(3);
		assertThat(DowngradeHolds.toHold(history, before, after, UTC)).containsExactlyInAnyOrder(Histories.id(1),
				Histories.id(2), Histories.id(3));
	}

}
