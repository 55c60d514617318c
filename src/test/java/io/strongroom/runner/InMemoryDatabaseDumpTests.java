package io.strongroom.runner;

import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryDatabaseDumpTests extends DatabaseDumpContractTests {

	static final byte[] CONTENT = new byte[256 * 1024];

	static {
		Arrays.fill(CONTENT, (byte) 'x');
	}

	private final InMemoryDatabaseDump dump = InMemoryDatabaseDump.of(CONTENT);

	@Override
	DatabaseDump dump() {
		return this.dump;
	}

	@Override
	boolean knowsItsSize() {
		return false;
	}

	@Override
	DumpRequest request() throws RunnerFailure {
		return DumpRequest.of(DatabaseUrl.parse("postgres://u:p@h/db"));
	}

	@Test
	void canFailToStartAndMidway() throws Exception {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(
					() -> InMemoryDatabaseDump.failingToStart(FailureKind.AUTHENTICATION_FAILED, "no").start(request()))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION_FAILED));
		InMemoryDatabaseDump failing = InMemoryDatabaseDump.failingMidway(CONTENT, 1000, FailureKind.DUMP_FAILED,
				"disk full");
		try (StartedDump started = failing.start(request()); InputStream in = started.stdout()) {
			assertThat(in.readAllBytes()).hasSize(1000);
			assertThatExceptionOfType(RunnerFailure.class).isThrownBy(started::awaitSuccess).withMessage("disk full");
		}
		assertThat(failing.open).hasValue(0);
	}

}
