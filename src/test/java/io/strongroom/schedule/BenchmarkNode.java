package io.strongroom.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.strongroom.run.BenchmarkLauncher;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Import;

/**
 * One web process of the schedule benchmark ({@link ScheduleBenchmark} starts it as its
 * own JVM): the whole application, including the run module's real
 * {@code BackupSlotListener} that creates the {@code run_backup} rows of each batch of
 * slots, with the {@link SteppingClock} (started when the harness writes
 * {@code bench.start-file}) and a launcher that launches nothing
 * ({@link io.strongroom.run.BenchmarkLauncher}). Arguments: {@code --key=value} Spring
 * properties, including {@code bench.*}.
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
	@Import(BenchmarkLauncher.class)
	static class Configuration {

		@Bean
		@Primary
		Clock benchmarkClock(Environment environment) {
			return SteppingClock.startingFrom(Path.of(environment.getRequiredProperty("bench.start-file")),
					Instant.parse(environment.getRequiredProperty("bench.first-slot")),
					Duration.parse(environment.getRequiredProperty("bench.lead")),
					Duration.parse(environment.getRequiredProperty("bench.phase")));
		}

	}

}
