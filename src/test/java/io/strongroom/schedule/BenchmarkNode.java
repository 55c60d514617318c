package io.strongroom.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * One web process of the schedule benchmark ({@link ScheduleBenchmark} starts it as its
 * own JVM): the whole application with the {@link SteppingClock} and a consumer of
 * {@link BackupSlotDue} that does nothing but note when it got each slot (standing in for
 * the run module creating a run). Arguments: {@code --key=value} Spring properties,
 * including {@code bench.*}.
 */
public final class BenchmarkNode {

	private BenchmarkNode() {
	}

	public static void main(String[] args) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			properties.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String name = (String) properties.get("bench.node");
		ConfigurableApplicationContext context = Nodes.start(name, properties, Configuration.class);
		Runtime.getRuntime().addShutdownHook(new Thread(context::close));
		System.out.println("READY " + name);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		Clock benchmarkClock(Environment environment) {
			return new SteppingClock(Instant.parse(environment.getRequiredProperty("bench.start")),
					Instant.parse(environment.getRequiredProperty("bench.first-slot")),
					Duration.parse(environment.getRequiredProperty("bench.lead")),
					Duration.parse(environment.getRequiredProperty("bench.phase")));
		}

		@Bean
		NoOpRunCreator noOpRunCreator(JdbcTemplate jdbc, Clock clock, Environment environment) {
			return new NoOpRunCreator(jdbc, clock, environment.getRequiredProperty("bench.node"));
		}

	}

	/** Notes each delivery (no uniqueness: a duplicate would show as a second row). */
	static class NoOpRunCreator {

		private final JdbcTemplate jdbc;

		private final Clock clock;

		private final String node;

		NoOpRunCreator(JdbcTemplate jdbc, Clock clock, String node) {
			this.jdbc = jdbc;
			this.clock = clock;
			this.node = node;
		}

		@ApplicationModuleListener
		void on(BackupSlotDue event) {
			this.jdbc.update("INSERT INTO bench_received (target_id, slot, node, received_at) VALUES (?, ?, ?, ?)",
					event.targetId(), ScheduleRepository.timestamp(event.slot()), this.node,
					ScheduleRepository.timestamp(this.clock.instant()));
		}

	}

}
