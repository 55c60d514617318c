package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.strongroom.tenant.RestoreTests;

import static org.assertj.core.api.Assertions.assertThat;

/** When a verification also restores the backup, and into what: a pure decision. */
class RestoreTestPlanTests {

	static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	@Test
	void aPlanWithoutRestoreTestsChecksIntegrityOnly() {
		RestoreTestPlan plan = RestoreTestPlan.decide("test", RestoreTests.NONE, null, NOW, true,
				RestoreTestPlan.Scratch.AVAILABLE);
		assertThat(plan.mode()).isEqualTo(RestoreTestPlan.Mode.NONE);
		assertThat(plan.note()).isEqualTo("the test plan includes no restore tests (integrity check only)");
	}

	@Test
	void weeklyAllowsOneRestoreTestPerDatabaseInSevenDays() {
		Instant last = NOW.minus(Duration.ofDays(6));
		RestoreTestPlan within = RestoreTestPlan.decide("basic", RestoreTests.WEEKLY, last, NOW, true,
				RestoreTestPlan.Scratch.NONE);
		assertThat(within.mode()).isEqualTo(RestoreTestPlan.Mode.NONE);
		assertThat(within.note()).contains("one restore test a week")
			.contains("2026-11-17T02:00:00Z")
			.contains("2026-11-24T02:00:00Z");
		assertThat(RestoreTestPlan
			.decide("basic", RestoreTests.WEEKLY, NOW.minus(Duration.ofDays(7)), NOW, true,
					RestoreTestPlan.Scratch.NONE)
			.mode()).isEqualTo(RestoreTestPlan.Mode.EXISTING);
		assertThat(RestoreTestPlan.decide("basic", RestoreTests.WEEKLY, null, NOW, true, RestoreTestPlan.Scratch.NONE)
			.mode()).isEqualTo(RestoreTestPlan.Mode.EXISTING);
	}

	@Test
	void everyBackupIgnoresTheLastTest() {
		assertThat(RestoreTestPlan
			.decide("pro", RestoreTests.EVERY_BACKUP, NOW.minusSeconds(60), NOW, true, RestoreTestPlan.Scratch.NONE)
			.mode()).isEqualTo(RestoreTestPlan.Mode.EXISTING);
	}

	@Test
	void theCustomersVerificationDatabaseComesBeforeTheOperatorsScratchServer() {
		assertThat(RestoreTestPlan
			.decide("pro", RestoreTests.EVERY_BACKUP, null, NOW, true, RestoreTestPlan.Scratch.AVAILABLE)
			.mode()).isEqualTo(RestoreTestPlan.Mode.EXISTING);
		assertThat(RestoreTestPlan
			.decide("pro", RestoreTests.EVERY_BACKUP, null, NOW, false, RestoreTestPlan.Scratch.AVAILABLE)
			.mode()).isEqualTo(RestoreTestPlan.Mode.CREATE);
	}

	@Test
	void withNowhereToRestoreTheNoteSaysWhatToConfigure() {
		RestoreTestPlan none = RestoreTestPlan.decide("pro", RestoreTests.EVERY_BACKUP, null, NOW, false,
				RestoreTestPlan.Scratch.NONE);
		assertThat(none.mode()).isEqualTo(RestoreTestPlan.Mode.NONE);
		assertThat(none.note()).contains("no verification database is configured").contains("verificationUrl");
		assertThat(RestoreTestPlan
			.decide("pro", RestoreTests.EVERY_BACKUP, null, NOW, false, RestoreTestPlan.Scratch.OTHER_ENGINE)
			.note()).contains("another engine");
	}

	@Test
	void aScratchServerServesItsOwnEngine() {
		assertThat(RestoreTestPlan.sameEngine("postgres://u:p@h/postgres", "postgres")).isTrue();
		assertThat(RestoreTestPlan.sameEngine("postgresql://u:p@h/postgres", "postgres")).isTrue();
		assertThat(RestoreTestPlan.sameEngine("postgres://u:p@h/postgres", "mariadb")).isFalse();
		assertThat(RestoreTestPlan.sameEngine("mysql://root@h/mysql", "mariadb")).isTrue();
		assertThat(RestoreTestPlan.sameEngine("mariadb://root@h/mysql", "mysql")).isTrue();
		assertThat(RestoreTestPlan.sameEngine("mysql://root@h/mysql", "postgres")).isFalse();
	}

}
