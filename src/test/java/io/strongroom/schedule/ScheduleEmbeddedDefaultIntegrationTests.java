package io.strongroom.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.strongroom.schedule.ScheduleTestConfiguration.ReceivedSlots;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default: H2 in PostgreSQL mode, a file database as
 * {@code ./mvnw spring-boot:run} uses. Flyway creates Quartz's tables, the same delegate
 * reads and writes them, and a restart keeps the jobs (nothing drops the tables).
 */
class ScheduleEmbeddedDefaultIntegrationTests {

	@TempDir
	Path data;

	@Test
	void schedulesFireAndSurviveARestartOnTheEmbeddedH2Database() {
		Map<String, Object> h2 = Map.of("spring.datasource.url",
				"jdbc:h2:file:" + this.data.resolve("strongroom")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE",
				"strongroom.schedule.dispatch-interval", "300ms");
		MutableClock clock = ScheduleTestConfiguration.CLOCK;
		clock.set(Instant.parse("2026-06-01T10:00:00Z"));
		UUID target = UUID.randomUUID();
		TenantId tenant;
		List<Map<String, Object>> triggersBefore;
		try (ConfigurableApplicationContext first = Nodes.start("h2-first", h2)) {
			tenant = Nodes.tenant(first, "pro");
			first.getBean(Schedules.class).put(tenant, target, ScheduleSpec.hourly(5, ZoneId.of("Europe/Berlin")));
			clock.set(Instant.parse("2026-06-01T10:05:00Z"));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(ReceivedSlots.of(target))
					.containsExactly(new BackupSlotDue(tenant, target, Instant.parse("2026-06-01T10:05:00Z"))));
			triggersBefore = triggers(first);
			assertThat(triggersBefore).extracting((row) -> row.get("trigger_name"))
				.containsExactlyInAnyOrder("dispatch-slots-0", "dispatch-slots-1", "dispatch-slots-2",
						"dispatch-slots-3", "retry-failed-slots", "purge-completed-events");
		}
		clock.set(Instant.parse("2026-06-01T11:05:00Z"));
		try (ConfigurableApplicationContext second = Nodes.start("h2-second", h2)) {
			assertThat(second.getBean(Schedules.class).find(target))
				.contains(ScheduleSpec.hourly(5, ZoneId.of("Europe/Berlin")));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(ReceivedSlots.of(target)).extracting(BackupSlotDue::slot)
					.containsExactly(Instant.parse("2026-06-01T10:05:00Z"), Instant.parse("2026-06-01T11:05:00Z")));
			// The same job rows, started when the first process registered them.
			assertThat(triggers(second)).extracting((row) -> row.get("start_time"))
				.containsExactlyInAnyOrderElementsOf(
						triggersBefore.stream().map((row) -> row.get("start_time")).toList());
		}
	}

	private static List<Map<String, Object>> triggers(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT trigger_name, start_time FROM qrtz_triggers WHERE trigger_group = 'schedule'");
	}

}
