package io.strongroom.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTests {

	@Test
	void everyKindHasAnExitCodeOfItsOwn() {
		assertThat(Arrays.stream(FailureKind.values()).map(FailureKind::exitCode)).doesNotHaveDuplicates();
	}

	@Test
	void exitCodesLeaveSuccessAndTheShellsOwnCodesAlone() {
		// 0 is success; 126 and up are the shell's (not executable, not found, 128 +
		// signal)
		assertThat(FailureKind.values()).allSatisfy((kind) -> assertThat(kind.exitCode()).isBetween(1, 125));
	}

	@Test
	void theRunnerSpecsTableListsEveryKindWithItsCode() throws IOException {
		// launchers and scripts read the codes from there
		String spec = Files.readString(Path.of("docs/runner-spec.md"), StandardCharsets.UTF_8);
		assertThat(FailureKind.values())
			.allSatisfy((kind) -> assertThat(spec).contains("| " + kind.exitCode() + " | `" + kind.name() + "` |"));
	}

}
