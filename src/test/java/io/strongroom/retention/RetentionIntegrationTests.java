package io.strongroom.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.strongroom.retention.PruneReport.Status;
import io.strongroom.support.TestDatabases;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DatabaseRemoved;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantPlanChanged;
import io.strongroom.tenant.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Retention settings, holds and the plan-change listener on PostgreSQL, with the run
 * records in memory (the run module provides the real ones).
 */
@SpringBootTest(properties = "strongroom.notify.worker.enabled=false")
@Import({ TestDatabases.class, RetentionIntegrationTests.Records.class })
class RetentionIntegrationTests {

	@Autowired
	TenantRepository tenants;

	@Autowired
	RetentionPolicies policies;

	@Autowired
	Retention retention;

	@Autowired
	RecordingRetentionRecords records;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void noRunsYet() {
		// one history for every tenant here: each test starts from none
		this.records.records.clear();
	}

	TenantId tenant(String plan) {
		TenantId id = new TenantId(UUID.randomUUID());
		this.tenants.save(Tenant.provisioning(id, "acme-primary-" + id.value().toString().substring(0, 4), plan,
				"amazon-web-services::us-east-1", null, null, null, Instant.parse("2026-01-01T00:00:00Z")));
		return id;
	}

	@Test
	void aNewDatabaseHasAutobusDefaultsClampedToItsPlan() {
		assertThat(this.policies.settingsFor(tenant("pro"), "DATABASE"))
			.isEqualTo(new RetentionSettings(RetentionPolicy.autobusDefaults(), ZoneId.of("Z")));
		assertThat(this.policies.settingsFor(tenant("test"), "DATABASE").policy().describe())
			.isEqualTo("daily 7, weekly 1");
	}

	@Test
	void aPolicyBeyondThePlanIsRejectedWithWhatThePlanAllows() {
		TenantId tenant = tenant("basic");
		assertThatExceptionOfType(RetentionPolicyRejected.class)
			.isThrownBy(() -> this.policies.update(tenant, "DATABASE", RetentionPolicy.empty().withKeepMonthly(12),
					ZoneId.of("Europe/Berlin")))
			.withMessage("The basic plan does not allow this retention policy: keep monthly 12 lowered to 3"
					+ " (the plan keeps backups for 92d)");
		RetentionSettings stored = this.policies.update(tenant, "DATABASE", RetentionPolicy.empty().withKeepMonthly(3),
				ZoneId.of("Europe/Berlin"));
		assertThat(this.policies.settingsFor(tenant, "DATABASE")).isEqualTo(stored);
	}

	@Test
	void aRemovedDatabaseTakesItsPolicyWithItAndItsBackupsAreHeld() {
		TenantId tenant = tenant("pro");
		this.policies.update(tenant, "PURPLE", RetentionPolicy.empty().withKeepMonthly(12), ZoneId.of("UTC"));
		this.policies.update(tenant, "DATABASE", RetentionPolicy.empty().withKeepDaily(3), ZoneId.of("UTC"));
		InMemoryRetentionStore store = tenBackupsAMonthApart();

		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(new DatabaseRemoved(tenant, new TargetId(UUID.randomUUID()), new DatabaseLabel("PURPLE"))));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.policies.settingsFor(tenant, "PURPLE"))
				.isEqualTo(new RetentionSettings(RetentionPolicy.autobusDefaults(), ZoneId.of("Z"))));
		assertThat(this.policies.settingsFor(tenant, "DATABASE").policy().keepDaily()).isEqualTo(3);
		// a label added again starts from the defaults, which do not reach the held
		// backups
		assertThat(this.retention.preview(tenant, "PURPLE").keep()).hasSize(10)
			.allSatisfy((e) -> assertThat(e.reasonText()).contains("held: kept after the database was removed on "));
		assertThat(this.retention.prune(tenant, "PURPLE", store).outcomes()).isEmpty();
		assertThat(store.objects).hasSize(10);
	}

	@Test
	void aDowngradeClampsThePolicyAndHoldsWhatItWouldRemove() {
		TenantId tenant = tenant("pro");
		this.policies.update(tenant, "DATABASE", RetentionPolicy.empty().withKeepMonthly(12), ZoneId.of("UTC"));
		InMemoryRetentionStore store = tenBackupsAMonthApart();
		assertThat(this.retention.preview(tenant, "DATABASE").remove()).isEmpty();

		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(new TenantPlanChanged(tenant, "pro", "basic", Instant.parse("2026-11-01T00:00:00Z"))));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.policies.settingsFor(tenant, "DATABASE").policy().keepMonthly())
				.isEqualTo(3));
		RetentionPlan plan = this.retention.preview(tenant, "DATABASE");
		assertThat(plan.remove()).isEmpty();
		assertThat(plan.keep()).filteredOn((e) -> e.reasonText().startsWith("held:"))
			.hasSize(7)
			.allSatisfy((e) -> assertThat(e.reasonText())
				.isEqualTo("held: kept through the change to the basic plan on 2026-11-01"));
		assertThat(this.retention.prune(tenant, "DATABASE", store).outcomes()).isEmpty();
		assertThat(store.objects).hasSize(10);

		// a person deletes a held backup: it goes, in the same order, and the hold with
		// it
		RetentionPlan.Entry held = plan.keep().get(plan.keep().size() - 1);
		PruneReport.Outcome deleted = this.retention.delete(tenant, "DATABASE", held.backup().id(), store);
		assertThat(deleted.status()).isEqualTo(Status.DELETED);
		assertThat(store.objects).hasSize(9);
		assertThat(this.retention.preview(tenant, "DATABASE").keep())
			.filteredOn((e) -> e.reasonText().startsWith("held:"))
			.hasSize(6);
	}

	@Test
	void aDowngradeHoldsWhatTheShorterBoundWouldRemoveUnderAPolicyThatFits() {
		TenantId tenant = tenant("pro");
		RetentionPolicy daily60 = RetentionPolicy.empty().withKeepDaily(60);
		this.policies.update(tenant, "DATABASE", daily60, ZoneId.of("UTC"));
		InMemoryRetentionStore store = tenBackupsAMonthApart();

		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(new TenantPlanChanged(tenant, "pro", "basic", Instant.parse("2026-11-01T00:00:00Z"))));

		// "daily 60" fits basic; the monthly backups older than 92 days are held
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.retention.preview(tenant, "DATABASE").keep())
				.filteredOn((e) -> e.reasonText().startsWith("held:"))
				.hasSize(6));
		assertThat(this.policies.settingsFor(tenant, "DATABASE").policy()).isEqualTo(daily60);
		assertThat(this.retention.prune(tenant, "DATABASE", store).outcomes()).isEmpty();
		assertThat(store.objects).hasSize(10);
	}

	/** Ten scheduled backups 30 days apart from 2026-01-15, recorded and stored. */
	InMemoryRetentionStore tenBackupsAMonthApart() {
		InMemoryRetentionStore store = new InMemoryRetentionStore();
		Instant first = Instant.parse("2026-01-15T03:00:00Z");
		for (int month = 0; month < 10; month++) {
			UUID id = UUID.randomUUID();
			Instant at = first.plus(Duration.ofDays(30L * month));
			BackupRecord backup = BackupRecord.scheduled(id, at, Histories.key(at, id));
			this.records.add(backup);
			store.put(backup.objectKey(), Map.of("strongroom-run", id.toString()));
		}
		return store;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Records {

		// the run module's records are in the context too; these records win here
		@Bean
		@Primary
		RecordingRetentionRecords recordingRetentionRecords() {
			return new RecordingRetentionRecords();
		}

	}

}
