package io.strongroom.runner;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelfTestCommandTests {

	@Test
	void passesOnAWorkingMachineWithoutDatabaseOrNetwork() {
		RunnerHarness.Run run = RunnerHarness.run(Map.of(), "self-test");
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.result().get("status").asText()).isEqualTo("OK");
		assertThat(run.result().get("zstd").asText()).contains(" -> ");
		assertThat(run.result().get("gzip").asText()).contains(" -> ");
		assertThat(run.stderr()).contains("self-test passed");
	}

	@Test
	void takesNoOptions() {
		RunnerHarness.Run run = RunnerHarness.run(Map.of(), "self-test", "--fast", "yes");
		assertThat(run.exit()).isEqualTo(FailureKind.USAGE.exitCode());
		assertThat(run.stderr()).contains("unknown option --fast");
	}

}
