package io.strongroom.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import io.strongroom.tenant.BackupFrequency;
import io.strongroom.tenant.Plan;
import io.strongroom.tenant.RestoreTests;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddonViewTests {

	@Test
	void retentionReadsAsPeopleSayIt() {
		// The default catalog's limits (application.properties): 7d, 92d, 731d.
		assertThat(AddonView.words(Duration.ofDays(7))).isEqualTo("1 week");
		assertThat(AddonView.words(Duration.ofDays(92))).isEqualTo("3 months");
		assertThat(AddonView.words(Duration.ofDays(731))).isEqualTo("2 years");
		assertThat(AddonView.words(Duration.ofDays(365))).isEqualTo("1 year");
		assertThat(AddonView.words(Duration.ofDays(30))).isEqualTo("1 month");
		assertThat(AddonView.words(Duration.ofDays(14))).isEqualTo("2 weeks");
		assertThat(AddonView.words(Duration.ofDays(10))).isEqualTo("10 days");
		assertThat(AddonView.words(Duration.ofDays(1))).isEqualTo("1 day");
		assertThat(AddonView.words(Duration.ofHours(12))).isEqualTo("12 hours");
	}

	@Test
	void showsThePlanLimitsInOrder() {
		Tenant tenant = Tenant.provisioning(new TenantId(UUID.randomUUID()), "strongroom-acme-1", "pro", "us", null,
				null, null, Instant.now());
		tenant.appNamed("acme-web");
		Plan pro = new Plan("pro", EnumSet.of(BackupFrequency.MONTHLY, BackupFrequency.HOURLY, BackupFrequency.DAILY),
				5, Duration.ofDays(731), RestoreTests.EVERY_BACKUP, Duration.ofHours(12));
		AddonView view = AddonView.of(tenant, pro);
		assertThat(view.name()).isEqualTo("strongroom-acme-1");
		assertThat(view.app()).isEqualTo("acme-web");
		assertThat(view.provisioning()).isTrue();
		assertThat(view.maxDatabases()).isEqualTo("5");
		assertThat(view.frequencies()).isEqualTo("hourly, daily, monthly");
		assertThat(view.retention()).isEqualTo("2 years");
	}

	@Test
	void anUnknownPlanShowsNoLimits() {
		Tenant tenant = Tenant.provisioning(new TenantId(UUID.randomUUID()), "strongroom-acme-1", "legacy", "us", null,
				null, null, Instant.now());
		AddonView view = AddonView.of(tenant, null);
		assertThat(view.plan()).isEqualTo("legacy");
		assertThat(view.maxDatabases()).isEmpty();
		assertThat(view.app()).isNull();
	}

}
