package io.strongroom.runner;

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

}
