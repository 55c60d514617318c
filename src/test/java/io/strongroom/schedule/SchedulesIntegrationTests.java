package io.strongroom.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.strongroom.schedule.ScheduleTestConfiguration.ReceivedSlots;
import io.strongroom.support.TestDatabases;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantPlanChanged;
import io.strongroom.tenant.TenantRepository;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Schedules on PostgreSQL with Quartz running, driven by a test clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "strongroom.schedule.dispatch-interval=300ms", "strongroom.schedule.retry-failed-every=1s",
				"strongroom.schedule.shards=2", "strongroom.schedule.batch-size=7" })
@Import({ TestDatabases.class, ScheduleTestConfiguration.class })
class SchedulesIntegrationTests {

	static final MutableClock clock = ScheduleTestConfiguration.CLOCK;

	@Autowired
	Schedules schedules;

	@Autowired
	SlotDispatcher dispatcher;

	@Autowired
	TenantRepository tenants;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Scheduler scheduler;

	@Test
	void hourlyScheduleFiresAtItsMinuteInTheCustomersZone() {
		clock.set(Instant.parse("2026-06-01T10:00:00Z"));
		TenantId tenant = tenant("pro");
		UUID target = UUID.randomUUID();
		// Kolkata is UTC+05:30: minute 17 of its clock is minute 47 of UTC's.
		assertThat(this.schedules.put(tenant, target, ScheduleSpec.hourly(17, ZoneId.of("Asia/Kolkata"))))
			.contains(Instant.parse("2026-06-01T10:47:00Z"));
		clock.set(Instant.parse("2026-06-01T10:46:59Z"));
		sleep(Duration.ofMillis(1200)); // several dispatcher rounds: nothing is due yet
		assertThat(ReceivedSlots.of(target)).isEmpty();

		clock.set(Instant.parse("2026-06-01T10:47:00Z"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ReceivedSlots.of(target))
				.containsExactly(new BackupSlotDue(tenant, target, Instant.parse("2026-06-01T10:47:00Z"))));
		assertThat(this.schedules.nextSlot(target)).contains(Instant.parse("2026-06-01T11:47:00Z"));

		clock.set(Instant.parse("2026-06-01T11:47:30Z"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ReceivedSlots.of(target)).hasSize(2));
		sleep(Duration.ofMillis(1000));
		assertThat(ReceivedSlots.of(target)).extracting(BackupSlotDue::slot)
			.containsExactly(Instant.parse("2026-06-01T10:47:00Z"), Instant.parse("2026-06-01T11:47:00Z"));
	}

	@Test
	void dailyScheduleAcrossBothDaylightSavingChangesFiresOncePerDay() {
		TenantId tenant = tenant("basic");
		UUID spring = UUID.randomUUID();
		UUID fall = UUID.randomUUID();
		clock.set(Instant.parse("2026-03-27T12:00:00Z"));
		this.schedules.put(tenant, spring, ScheduleSpec.daily(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin")));
		stepClockAndDispatch(Instant.parse("2026-03-31T12:00:00Z"), Duration.ofMinutes(30));
		this.schedules.remove(spring);
		clock.set(Instant.parse("2026-10-23T12:00:00Z"));
		this.schedules.put(tenant, fall, ScheduleSpec.daily(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin")));
		stepClockAndDispatch(Instant.parse("2026-10-27T12:00:00Z"), Duration.ofMinutes(30));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(ReceivedSlots.of(spring)).extracting(BackupSlotDue::slot)
				.containsExactly(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
						Instant.parse("2026-03-30T00:30:00Z"), Instant.parse("2026-03-31T00:30:00Z"));
			assertThat(ReceivedSlots.of(fall)).extracting(BackupSlotDue::slot)
				.containsExactly(Instant.parse("2026-10-24T00:30:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
						Instant.parse("2026-10-26T01:30:00Z"), Instant.parse("2026-10-27T01:30:00Z"));
		});
	}

	@Test
	void afterDowntimeAMissedScheduleRunsOnceForItsMostRecentSlot() {
		clock.set(Instant.parse("2026-07-01T00:00:00Z"));
		TenantId tenant = tenant("pro");
		UUID target = UUID.randomUUID();
		this.schedules.put(tenant, target, ScheduleSpec.hourly(0, ZoneId.of("UTC")));
		// Nothing dispatched for five hours (all processes down), then one round.
		clock.set(Instant.parse("2026-07-01T05:20:00Z"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ReceivedSlots.of(target))
				.containsExactly(new BackupSlotDue(tenant, target, Instant.parse("2026-07-01T05:00:00Z"))));
		sleep(Duration.ofMillis(1000));
		assertThat(ReceivedSlots.of(target)).hasSize(1);
		assertThat(this.schedules.nextSlot(target)).contains(Instant.parse("2026-07-01T06:00:00Z"));
	}

	@Test
	void manyDueSchedulesArePublishedOnceEachAcrossBatchesAndShards() {
		clock.set(Instant.parse("2026-07-31T23:59:00Z"));
		TenantId tenant = tenant("pro");
		List<UUID> targets = java.util.stream.IntStream.range(0, 50).mapToObj((i) -> UUID.randomUUID()).toList();
		for (int i = 0; i < targets.size(); i++) {
			this.schedules.put(tenant, targets.get(i), ScheduleSpec.hourly(i % 3, ZoneId.of("UTC")));
		}
		clock.set(Instant.parse("2026-08-01T00:10:00Z"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ReceivedSlots.matching((e) -> targets.contains(e.targetId())))
				.hasSize(targets.size()));
		// Run the dispatcher by hand as well, racing Quartz: still one each.
		this.dispatcher.dispatchDue(0, 2);
		this.dispatcher.dispatchDue(1, 2);
		sleep(Duration.ofMillis(1000));
		assertThat(ReceivedSlots.matching((e) -> targets.contains(e.targetId()))).extracting(BackupSlotDue::targetId)
			.containsExactlyInAnyOrderElementsOf(targets);
	}

	@Test
	void aFailedDeliveryIsDeliveredAgain() {
		clock.set(Instant.parse("2026-09-01T00:00:00Z"));
		TenantId tenant = tenant("pro");
		UUID target = UUID.randomUUID();
		ReceivedSlots.FAIL_ONCE.add(target);
		this.schedules.put(tenant, target, ScheduleSpec.hourly(5, ZoneId.of("UTC")));
		clock.set(Instant.parse("2026-09-01T00:05:00Z"));
		await().atMost(Duration.ofSeconds(60)).until(() -> ReceivedSlots.of(target).size() == 1);
		// The retry job resubmits failures at least retry-failed-every old, by this
		// clock.
		clock.set(Instant.parse("2026-09-01T00:06:00Z"));
		await().atMost(Duration.ofSeconds(60)).until(() -> ReceivedSlots.of(target).size() == 2);
		assertThat(ReceivedSlots.of(target))
			.containsOnly(new BackupSlotDue(tenant, target, Instant.parse("2026-09-01T00:05:00Z")));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL",
					Long.class, "%" + target + "%"))
				.isZero());
	}

	@Test
	void puttingTheSameScheduleAgainKeepsADueSlot() {
		clock.set(Instant.parse("2026-10-01T09:00:00Z"));
		TenantId tenant = tenant("pro");
		UUID target = UUID.randomUUID();
		ScheduleSpec spec = ScheduleSpec.hourly(30, ZoneId.of("UTC"));
		this.transactions.executeWithoutResult((s) -> {
			this.schedules.put(tenant, target, spec);
			clock.set(Instant.parse("2026-10-01T09:30:01Z"));
			assertThat(this.schedules.put(tenant, target, spec)).contains(Instant.parse("2026-10-01T09:30:00Z"));
		});
		assertThat(this.schedules.put(tenant, target, ScheduleSpec.hourly(45, ZoneId.of("UTC"))))
			.contains(Instant.parse("2026-10-01T09:45:00Z"));
		assertThat(this.schedules.find(target)).contains(ScheduleSpec.hourly(45, ZoneId.of("UTC")));
	}

	@Test
	void manualSchedulesAreStoredButNeverDue() {
		TenantId tenant = tenant("test");
		UUID target = UUID.randomUUID();
		assertThat(this.schedules.put(tenant, target, ScheduleSpec.manual())).isEmpty();
		assertThat(this.schedules.find(target)).contains(ScheduleSpec.manual());
		assertThat(this.schedules.nextSlot(target)).isEmpty();
		this.schedules.remove(target);
		assertThat(this.schedules.find(target)).isEmpty();
		this.schedules.remove(target);
	}

	@Test
	void aFrequencyThePlanDoesNotAllowIsRefusedWithWhatItAllows() {
		TenantId tenant = tenant("basic");
		assertThatExceptionOfType(ScheduleNotAllowedException.class)
			.isThrownBy(() -> this.schedules.put(tenant, UUID.randomUUID(), ScheduleSpec.hourly(0, ZoneId.of("UTC"))))
			.withMessage("The basic plan allows daily, weekly or monthly backups, not hourly. Choose one of those, "
					+ "or upgrade the add-on's plan (heroku addons:upgrade).")
			.satisfies((ex) -> assertThat(ex.plan()).isEqualTo("basic"));
		TenantId test = tenant("test");
		assertThatExceptionOfType(ScheduleNotAllowedException.class)
			.isThrownBy(() -> this.schedules.put(test, UUID.randomUUID(),
					ScheduleSpec.weekly(java.time.DayOfWeek.MONDAY, LocalTime.NOON, ZoneId.of("UTC"))))
			.withMessageStartingWith("The test plan allows daily backups, not weekly.");
	}

	@Test
	void deprovisioningRemovesEveryScheduleOfTheTenantOnly() {
		TenantId gone = tenant("pro");
		TenantId stays = tenant("pro");
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		this.schedules.put(gone, first, ScheduleSpec.hourly(1, ZoneId.of("UTC")));
		this.schedules.put(gone, second, ScheduleSpec.daily(LocalTime.NOON, ZoneId.of("UTC")));
		this.schedules.put(stays, other, ScheduleSpec.daily(LocalTime.NOON, ZoneId.of("UTC")));
		this.transactions.executeWithoutResult(
				(s) -> this.events.publishEvent(new TenantDeprovisioned(gone, Instant.parse("2026-06-01T00:00:00Z"))));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.schedules.find(first)).isEmpty();
			assertThat(this.schedules.find(second)).isEmpty();
		});
		assertThat(this.schedules.find(other)).isPresent();
	}

	@Test
	void aDowngradeClampsSchedulesTheNewPlanDoesNotAllow() {
		clock.set(Instant.parse("2026-06-01T10:00:00Z"));
		TenantId tenant = tenant("pro");
		UUID hourly = UUID.randomUUID();
		UUID weekly = UUID.randomUUID();
		this.schedules.put(tenant, hourly, ScheduleSpec.hourly(17, ZoneId.of("Europe/Berlin")));
		this.schedules.put(tenant, weekly,
				ScheduleSpec.weekly(java.time.DayOfWeek.FRIDAY, LocalTime.of(4, 0), ZoneId.of("Europe/Berlin")));
		this.transactions.executeWithoutResult((s) -> {
			Tenant row = this.tenants.findById(tenant.value()).orElseThrow();
			row.changePlan("basic");
			this.events.publishEvent(new TenantPlanChanged(tenant, "pro", "basic", clock.instant()));
		});
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.schedules.find(hourly))
				.contains(ScheduleSpec.daily(LocalTime.of(0, 17), ZoneId.of("Europe/Berlin"))));
		// 00:17 Berlin (CEST) on 2 June is 22:17 UTC on 1 June.
		assertThat(this.schedules.nextSlot(hourly)).contains(Instant.parse("2026-06-01T22:17:00Z"));
		assertThat(this.schedules.find(weekly))
			.contains(ScheduleSpec.weekly(java.time.DayOfWeek.FRIDAY, LocalTime.of(4, 0), ZoneId.of("Europe/Berlin")));
	}

	@Test
	void theHourlyPurgeDeletesOnlyPublicationsCompletedLongerAgoThanTheSetting() throws Exception {
		Instant now = Instant.parse("2026-12-01T00:00:00Z");
		clock.set(now);
		String listener = "purge-test-" + UUID.randomUUID();
		UUID oldCompleted = publication(listener, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		UUID recentCompleted = publication(listener, now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(6)));
		UUID oldFailed = publication(listener, now.minus(Duration.ofDays(30)), null);
		Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey(ScheduleJobs.PURGE.getName(), "schedule"));
		assertThat(((SimpleTrigger) trigger).getRepeatInterval()).as("hourly, on the clustered store")
			.isEqualTo(Duration.ofHours(1).toMillis());

		this.scheduler.triggerJob(ScheduleJobs.PURGE);
		await().atMost(Duration.ofSeconds(60)).until(() -> !publications(listener).contains(oldCompleted));
		assertThat(publications(listener)).as("kept: completed 6 days ago (7d setting), and one never completed")
			.containsExactlyInAnyOrder(recentCompleted, oldFailed);
	}

	private UUID publication(String listener, Instant published, @Nullable Instant completed) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
				+ " publication_date, completion_date, status, completion_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
				id, listener, BackupSlotsDue.class.getName(), "{}", Timestamp.from(published),
				(completed != null) ? Timestamp.from(completed) : null, (completed != null) ? "COMPLETED" : "FAILED");
		return id;
	}

	private List<UUID> publications(String listener) {
		return this.jdbc.queryForList("SELECT id FROM event_publication WHERE listener_id = ?", UUID.class, listener);
	}

	private void stepClockAndDispatch(Instant until, Duration step) {
		while (clock.instant().isBefore(until)) {
			clock.advance(step);
			this.dispatcher.dispatchDue(0, 2);
			this.dispatcher.dispatchDue(1, 2);
		}
	}

	private TenantId tenant(String plan) {
		TenantId id = new TenantId(UUID.randomUUID());
		Tenant tenant = Tenant.provisioning(id, "acme-" + id.value().toString().substring(0, 8), plan, "us", null, null,
				null, Instant.parse("2026-01-01T00:00:00Z"));
		tenant.provisioned();
		this.tenants.save(tenant);
		return id;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
