package io.strongroom.notify;

import java.util.Arrays;
import java.util.List;

import io.strongroom.runner.FailureKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureAdviceTests {

	@Test
	void everyKindARunnerReportsHasItsOwnCauseAndSteps() {
		String unknownCause = FailureAdvice.cause("NO_SUCH_KIND");
		List<String> unknownSteps = FailureAdvice.steps("NO_SUCH_KIND");
		// a cancelled run is logged, never mailed (NoticeDecision)
		assertThat(Arrays.stream(FailureKind.values()).filter((kind) -> kind != FailureKind.CANCELLED))
			.allSatisfy((kind) -> {
				assertThat(FailureAdvice.cause(kind.name())).as(kind.name()).isNotEqualTo(unknownCause);
				assertThat(FailureAdvice.steps(kind.name())).as(kind.name()).isNotEqualTo(unknownSteps);
			});
	}

	@Test
	void aRunnerWithoutTheMemoryForTheUploadIsToldOfTheDynoSizeNotTheConnectionString() {
		String steps = String.join(" ", FailureAdvice.steps("RUNNER_MEMORY", "STRONGROOM_DATABASE_URL"));
		assertThat(steps).contains("larger dyno size")
			.contains("STRONGROOM_RUN_HEROKU_DYNOSIZE")
			.contains("-Xmx")
			.doesNotContain("check the connection string")
			.doesNotContain("STRONGROOM_DATABASE_URL");
		assertThat(FailureAdvice.cause("RUNNER_MEMORY")).contains("memory").isNotEqualTo(FailureAdvice.cause("USAGE"));
	}

}
