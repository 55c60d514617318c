package io.strongroom.schedule;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.strongroom.tenant.BackupFrequency;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.RestoreTests;

/** Plans for tests, shaped like the default catalog. */
final class Plans {

	static final Plan BASIC = plan("basic",
			EnumSet.of(BackupFrequency.DAILY, BackupFrequency.WEEKLY, BackupFrequency.MONTHLY));

	static final Plan PRO = plan("pro", EnumSet.allOf(BackupFrequency.class));

	static final Plan ONLY_DAILY = plan("daily", EnumSet.of(BackupFrequency.DAILY));

	static final Plan ONLY_HOURLY = plan("hourly", EnumSet.of(BackupFrequency.HOURLY));

	static final Plan ONLY_MONTHLY = plan("monthly", EnumSet.of(BackupFrequency.MONTHLY));

	static final Plan WEEKLY_AND_MONTHLY = plan("weekly", EnumSet.of(BackupFrequency.WEEKLY, BackupFrequency.MONTHLY));

	private Plans() {
	}

	static Plan plan(String slug, Set<BackupFrequency> frequencies) {
		return new Plan(slug, frequencies, 2, Duration.ofDays(30), RestoreTests.values()[0], Duration.ofHours(6));
	}

}
