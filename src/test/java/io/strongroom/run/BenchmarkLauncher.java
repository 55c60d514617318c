package io.strongroom.run;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For the schedule benchmark only: a launcher that launches nothing and has no room, so
 * the runs the real {@link BackupSlotListener} creates stay QUEUED and the benchmark
 * measures run creation, not runners.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchmarkLauncher {

	@Bean
	@Primary
	RunLauncher noOpRunLauncher() {
		return new RunLauncher() {

			@Override
			public String name() {
				return "benchmark";
			}

			@Override
			public int capacity() {
				return 0;
			}

			@Override
			public LaunchHandle launch(LaunchRequest request) throws LaunchException {
				throw new LaunchException("The benchmark launches no runner");
			}

			@Override
			public RunnerStatus status(LaunchHandle handle) {
				return RunnerStatus.unknown();
			}

			@Override
			public void stop(LaunchHandle handle) {
			}

		};
	}

}
