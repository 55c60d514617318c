package io.strongroom.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.strongroom.run.SlotRunPlan.AlreadyMade;
import io.strongroom.run.SlotRunPlan.Create;
import io.strongroom.run.SlotRunPlan.Decision;
import io.strongroom.run.SlotRunPlan.Joins;
import io.strongroom.schedule.BackupSlotDue;
import io.strongroom.schedule.BackupSlotsDue;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of due schedule slots becomes runs in one transaction (the run module's side of
 * {@link BackupSlotsDue}), on PostgreSQL. Nothing is launched: the runs stay QUEUED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "strongroom.run.local.max-concurrent=0", "strongroom.verify.automatic=false" })
@Import(TestDatabases.class)
@ExtendWith(OutputCaptureExtension.class)
class ScheduledRunsIntegrationTests {

	static final Instant SLOT = Instant.parse("2026-11-24T10:00:00Z");

	@Autowired
	ScheduledRuns scheduled;

	@Autowired
	TenantRepository tenants;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	TenantId tenant;

	@BeforeEach
	void addOn() {
		this.tenant = TestTenants.create(this.tenants, "pro").id();
	}

	@Test
	void aBatchQueuesOneRunPerDatabaseAndIgnoresARemovedOne(CapturedOutput output) {
		UUID first = database(this.tenant, "DATABASE");
		UUID second = database(this.tenant, "PURPLE");
		UUID removed = UUID.randomUUID();
		// A database of another add-on, named in a slot of this one: not this add-on's.
		UUID foreign = database(TestTenants.create(this.tenants, "pro").id(), "DATABASE");

		List<Decision> decisions = this.scheduled.slotsDue(slots(SLOT, first, removed, second, foreign));

		assertThat(decisions).extracting((decision) -> decision.getClass().getSimpleName())
			.containsExactly("Create", "Removed", "Create", "Removed");
		assertThat(runs(first)).singleElement()
			.satisfies((run) -> assertThat(run).containsEntry("state", "QUEUED")
				.containsEntry("origin", "SCHEDULE")
				.containsEntry("database_label", "DATABASE")
				.containsEntry("active_target_id", first)
				.containsEntry("tenant_id", this.tenant.value()));
		assertThat(runs(second)).singleElement()
			.satisfies((run) -> assertThat(run).containsEntry("database_label", "PURPLE"));
		assertThat(runs(removed)).isEmpty();
		assertThat(runs(foreign)).isEmpty();
		assertThat(output).contains("Slot " + SLOT + " of removed database " + removed + " ignored")
			.contains("Slot " + SLOT + " of removed database " + foreign + " ignored");
	}

	@Test
	void aSlotWhileADatabasesRunIsActiveJoinsThatRun(CapturedOutput output) {
		UUID busy = database(this.tenant, "DATABASE");
		UUID idle = database(this.tenant, "PURPLE");
		this.scheduled.slotsDue(slots(SLOT, busy));
		UUID active = (UUID) runs(busy).get(0).get("id");

		Instant next = SLOT.plus(Duration.ofHours(1));
		List<Decision> decisions = this.scheduled.slotsDue(slots(next, busy, idle));

		assertThat(decisions.get(0)).isEqualTo(new Joins(slots(next, busy).get(0), active, RunState.QUEUED));
		assertThat(decisions.get(1)).isInstanceOf(Create.class);
		assertThat(runs(busy)).extracting((run) -> run.get("id")).containsExactly(active);
		assertThat(runs(idle)).hasSize(1);
		assertThat(output)
			.contains("Slot " + next + " of " + busy + " joins run " + active + ", which is still QUEUED");
	}

	@Test
	void theSameBatchAgainMakesNothingNew() {
		List<UUID> databases = List.of(database(this.tenant, "DATABASE"), database(this.tenant, "PURPLE"));
		List<BackupSlotDue> batch = slots(SLOT, databases.toArray(UUID[]::new));
		this.scheduled.slotsDue(batch);
		List<Object> made = databases.stream().map((target) -> runs(target).get(0).get("id")).toList();

		List<Decision> again = this.scheduled.slotsDue(batch);

		assertThat(again).allSatisfy((decision) -> assertThat(decision).isInstanceOf(AlreadyMade.class));
		assertThat(databases.stream().flatMap((target) -> runs(target).stream()).map((run) -> run.get("id")))
			.containsExactlyElementsOf(made);
	}

	@Test
	void twoDeliveriesOfTheSameBatchAtOnceMakeEachRunOnceAndNeitherFails() throws Exception {
		List<UUID> databases = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			databases.add(database(this.tenant, "DB" + i));
		}
		List<BackupSlotDue> batch = slots(SLOT, databases.toArray(UUID[]::new));
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		CountDownLatch firstInserted = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// The first delivery inserts and holds its transaction open; the second one
			// reads before that commits, so it inserts the same rows and must wait on
			// the unique constraints, then skip them.
			Future<List<Decision>> first = pool.submit(() -> transactions.execute((status) -> {
				List<Decision> decisions = this.scheduled.slotsDue(batch);
				firstInserted.countDown();
				awaitLatch(commitFirst);
				return decisions;
			}));
			awaitLatch(firstInserted);
			Future<List<Decision>> second = pool.submit(() -> this.scheduled.slotsDue(batch));
			await().atMost(Duration.ofSeconds(30)).until(this::aTransactionWaitsForALock);
			commitFirst.countDown();

			assertThat(first.get(30, TimeUnit.SECONDS)).allSatisfy((d) -> assertThat(d).isInstanceOf(Create.class));
			assertThat(second.get(30, TimeUnit.SECONDS)).as("the second delivery raced the first")
				.allSatisfy((d) -> assertThat(d).isInstanceOf(Create.class));
		}
		finally {
			commitFirst.countDown();
			pool.shutdownNow();
		}
		for (UUID target : databases) {
			assertThat(runs(target)).as("runs of %s", target).hasSize(1);
		}
	}

	@Test
	void theListenerTakesBatchesAndSingleSlotsPublishedBeforeBatches() {
		UUID batched = database(this.tenant, "DATABASE");
		UUID single = database(this.tenant, "PURPLE");
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new BackupSlotsDue(slots(SLOT, batched)));
			this.events.publishEvent(slots(SLOT, single).get(0));
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(runs(batched)).hasSize(1);
			assertThat(runs(single)).hasSize(1);
		});
	}

	private List<BackupSlotDue> slots(Instant slot, UUID... targets) {
		List<BackupSlotDue> slots = new ArrayList<>();
		for (UUID target : targets) {
			slots.add(new BackupSlotDue(this.tenant, target, slot));
		}
		return slots;
	}

	private UUID database(TenantId owner, String label) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("INSERT INTO target_database (id, tenant_id, label, engine, url_masked, exclude_tables, "
				+ "dump_options, created_at, updated_at) VALUES (?, ?, ?, 'POSTGRES', 'postgres://u:****@h/d', "
				+ "'[]', '{}', now(), now())", id, owner.value(), label);
		return id;
	}

	private List<Map<String, Object>> runs(UUID target) {
		return this.jdbc.queryForList("SELECT * FROM run_backup WHERE target_id = ? ORDER BY created_at", target);
	}

	private boolean aTransactionWaitsForALock() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
				+ "AND datname = current_database()", Long.class) > 0;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Timed out waiting for the other delivery");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
