package io.strongroom.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.strongroom.schedule.ScheduleTestConfiguration.Received;
import io.strongroom.schedule.ScheduleTestConfiguration.ReceivedSlots;
import io.strongroom.support.TestDatabase;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two web processes (two application contexts) on one PostgreSQL database, sharing
 * Quartz's clustered store: every slot is published exactly once (in a
 * {@link BackupSlotsDue} batch), also when a process dies in the middle of a slot and
 * another one is started.
 */
class ScheduleClusterIntegrationTests {

	static final MutableClock clock = ScheduleTestConfiguration.CLOCK;

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoProcessesPublishEverySlotExactlyOnceOverManySlots() {
		Map<String, Object> properties = properties(TestDatabase.postgres());
		Instant start = Instant.parse("2026-03-28T20:00:30Z"); // across Berlin's spring
																// change
		clock.set(start);
		ConfigurableApplicationContext a = start("node-a", properties);
		ConfigurableApplicationContext b = start("node-b", properties);
		Map<UUID, ScheduleSpec> specs = new LinkedHashMap<>();
		Map<UUID, TenantId> owners = new HashMap<>();
		TenantId tenant = Nodes.tenant(a, "pro");
		for (int i = 0; i < 240; i++) {
			ScheduleSpec spec = switch (i % 4) {
				case 0, 1 -> ScheduleSpec.hourly(i % 60, ZoneId.of("UTC"));
				case 2 -> ScheduleSpec.hourly(i % 60, ZoneId.of("Europe/Berlin"));
				default -> ScheduleSpec.daily(LocalTime.of(i % 24, i % 60), ZoneId.of("America/New_York"));
			};
			UUID target = UUID.randomUUID();
			// Half the schedules are written through each process.
			((i % 2 == 0) ? a : b).getBean(Schedules.class).put(tenant, target, spec);
			specs.put(target, spec);
			owners.put(target, tenant);
		}
		Instant end = start.plus(Duration.ofHours(10));
		Map<UUID, List<Instant>> expected = new HashMap<>();
		Map<UUID, Instant> due = new HashMap<>();
		specs.forEach((target, spec) -> due.put(target, spec.nextSlotAfter(start).orElseThrow()));
		while (clock.instant().isBefore(end)) {
			clock.advance(Duration.ofMinutes(10));
			expectDue(specs, due, expected, clock.instant());
			int total = expected.values().stream().mapToInt(List::size).sum();
			await().atMost(Duration.ofSeconds(30)).until(() -> received(specs.keySet()).size() >= total);
		}
		// Let any straggler (a duplicate would be one) arrive before counting.
		sleep(Duration.ofSeconds(2));
		List<Received> received = received(specs.keySet());
		Map<UUID, List<Instant>> actual = received.stream()
			.collect(Collectors.groupingBy((r) -> r.event().targetId(),
					Collectors.mapping((r) -> r.event().slot(), Collectors.toList())));
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		for (UUID target : expected.keySet()) {
			assertThat(actual.get(target)).as("slots of %s (%s)", target, specs.get(target).describe())
				.containsExactlyElementsOf(expected.get(target));
		}
		int total = expected.values().stream().mapToInt(List::size).sum();
		assertThat(received).hasSize(total);
		assertThat(total).isGreaterThan(1000);
		// Both processes did part of the work.
		Map<String, Long> perNode = received.stream()
			.collect(Collectors.groupingBy(Received::node, Collectors.counting()));
		assertThat(perNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(publications(a)).isEqualTo(total);
	}

	@Test
	void aProcessDyingInTheMiddleOfASlotLeavesEverySlotPublishedOnceAndOneRunPerDatabase() {
		TestDatabase.Coordinates db = TestDatabase.postgres();
		Map<String, Object> properties = properties(db);
		properties.put("strongroom.schedule.batch-size", "10");
		// The run module's real listener makes the runs; none is launched.
		properties.put("strongroom.run.local.max-concurrent", "0");
		clock.set(Instant.parse("2026-06-01T09:58:00Z"));
		ConfigurableApplicationContext a = start("node-a", properties);
		ConfigurableApplicationContext b = start("node-b", properties);
		TenantId tenant = Nodes.tenant(a, "pro");
		List<UUID> targets = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			UUID target = UUID.randomUUID();
			a.getBean(Schedules.class).put(tenant, target, ScheduleSpec.hourly(0, ZoneId.of("UTC")));
			a.getBean(JdbcTemplate.class)
				.update("INSERT INTO target_database (id, tenant_id, label, engine, url_masked, exclude_tables, "
						+ "dump_options, created_at, updated_at) VALUES (?, ?, ?, 'POSTGRES', 'postgres://u:****@h/d', "
						+ "'[]', '{}', now(), now())", target, tenant.value(), "DB" + i);
			targets.add(target);
		}
		Set<UUID> ours = Set.copyOf(targets);
		Instant slot = Instant.parse("2026-06-01T10:00:00Z");
		clock.set(slot.plusSeconds(1));
		// Kill node-a as soon as the slot is being published: its pool goes away under
		// its
		// transactions (as when the process dies), then the process stops.
		await().atMost(Duration.ofSeconds(20)).until(() -> !received(ours).isEmpty());
		a.getBean(HikariDataSource.class).close();
		a.close();
		this.nodes.remove(a);
		int beforeRestart = received(ours).size();
		ConfigurableApplicationContext restarted = start("node-a-restarted", properties);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(received(ours).stream().map((r) -> r.event().targetId()).distinct())
				.hasSize(targets.size()));
		sleep(Duration.ofSeconds(2));
		// The scheduler published each slot once: one publication per (target, slot).
		assertThat(publications(restarted)).isEqualTo(targets.size());
		List<Received> received = received(ours);
		assertThat(received).extracting(Received::event)
			.allSatisfy((event) -> assertThat(event.slot()).isEqualTo(slot))
			.extracting(BackupSlotDue::targetId)
			.containsAll(targets);
		// A delivery can repeat, but only once, by the restarted process: it
		// republishes every publication it finds incomplete at start, those the dead
		// process never finished and those node-b had not finished yet
		// (docs/schedules.md, "Known limits"). The run module makes one run of both,
		// as runs are unique per (target, slot).
		Map<UUID, List<String>> deliveries = received.stream()
			.collect(Collectors.groupingBy((r) -> r.event().targetId(),
					Collectors.mapping(Received::node, Collectors.toList())));
		deliveries.values()
			.stream()
			.filter((nodes) -> nodes.size() > 1)
			.forEach((nodes) -> assertThat(nodes).hasSize(2)
				.containsOnlyOnce("node-a-restarted")
				.containsAnyOf("node-a", "node-b"));
		// Exactly one run per database for the slot, made by the run module's real
		// listener, whichever process delivered it, and however often.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(restarted.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM run_backup WHERE tenant_id = ? AND slot = ?", Long.class,
						tenant.value(), ScheduleRepository.timestamp(slot)))
				.isEqualTo(targets.size()));
		assertThat(restarted.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(DISTINCT target_id) FROM run_backup WHERE tenant_id = ?", Long.class,
					tenant.value()))
			.isEqualTo(targets.size());
		assertThat(beforeRestart).isLessThan(targets.size());
		assertThat(b.getBean(Schedules.class).nextSlot(targets.get(0))).contains(slot.plus(Duration.ofHours(1)));
	}

	private ConfigurableApplicationContext start(String name, Map<String, Object> properties) {
		ConfigurableApplicationContext context = Nodes.start(name, properties);
		this.nodes.add(context);
		return context;
	}

	private static Map<String, Object> properties(TestDatabase.Coordinates db) {
		Map<String, Object> properties = Nodes.postgres(db);
		properties.put("strongroom.schedule.dispatch-interval", "200ms");
		properties.put("strongroom.schedule.batch-size", "25");
		properties.put("strongroom.schedule.shards", "4");
		return properties;
	}

	/**
	 * What each schedule should publish when the clock has moved to {@code now}: its most
	 * recent slot, if one passed since the last step (two slots in one step run once, as
	 * after downtime; Berlin's spring change puts slots minutes apart).
	 */
	private static void expectDue(Map<UUID, ScheduleSpec> specs, Map<UUID, Instant> due,
			Map<UUID, List<Instant>> expected, Instant now) {
		specs.forEach((target, spec) -> {
			Instant slot = due.get(target);
			if (slot.isAfter(now)) {
				return;
			}
			Instant next = spec.nextSlotAfter(slot).orElseThrow();
			while (!next.isAfter(now)) {
				slot = next;
				next = spec.nextSlotAfter(slot).orElseThrow();
			}
			expected.computeIfAbsent(target, (t) -> new ArrayList<>()).add(slot);
			due.put(target, next);
		});
	}

	private static List<Received> received(Set<UUID> targets) {
		return ReceivedSlots.ALL.stream().filter((r) -> targets.contains(r.event().targetId())).toList();
	}

	/**
	 * Slots published for the test's own listener (one publication per listener and
	 * batch), each checked to be in one publication only.
	 */
	private static long publications(ConfigurableApplicationContext context) {
		JsonMapper json = context.getBean(JsonMapper.class);
		List<BackupSlotDue> slots = context.getBean(JdbcTemplate.class)
			.queryForList("SELECT serialized_event FROM event_publication WHERE event_type = ? AND listener_id LIKE ?",
					String.class, BackupSlotsDue.class.getName(), "%ReceivedSlots%")
			.stream()
			.flatMap((event) -> json.readValue(event, BackupSlotsDue.class).slots().stream())
			.toList();
		assertThat(slots).doesNotHaveDuplicates();
		return slots.size();
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
