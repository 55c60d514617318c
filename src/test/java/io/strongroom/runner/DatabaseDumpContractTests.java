package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link DatabaseDump} guarantees to the pipeline (STYLE.md C8): run against
 * the real PostgreSQL and MariaDB dumps and the in-memory twin.
 */
abstract class DatabaseDumpContractTests {

	abstract DatabaseDump dump();

	/** A request whose dump is larger than a pipe buffer, so it can be killed midway. */
	abstract DumpRequest request() throws Exception;

	/** Whether the dump's database can tell its size (a real server can). */
	boolean knowsItsSize() {
		return true;
	}

	@Test
	void streamsToTheEndAndSucceeds() throws Exception {
		try (StartedDump dump = dump().start(request())) {
			long bytes;
			try (InputStream in = dump.stdout()) {
				bytes = in.transferTo(OutputStream.nullOutputStream());
			}
			dump.awaitSuccess();
			assertThat(bytes).isGreaterThan(64 * 1024);
			assertThat(dump.serverVersion()).isNotBlank();
			assertThat(dump.clientVersion()).isNotBlank();
			assertThat(dump.engine()).isNotNull();
			assertThat(dump.statistics().tables()).isNotEmpty();
			assertThat(dump.statistics().totalRows()).isPositive();
		}
	}

	@Test
	void aKilledDumpEndsItsStreamAndFailsAwaitSuccess() throws Exception {
		StartedDump dump = dump().start(request());
		try (InputStream in = dump.stdout()) {
			assertThat(in.readNBytes(1024)).hasSize(1024);
			dump.kill();
			dump.kill();
			drain(in);
		}
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(dump::awaitSuccess)
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.DUMP_FAILED));
		dump.close();
		dump.close();
		dump.kill();
	}

	@Test
	void closingWithoutReadingReleasesTheDump() throws Exception {
		StartedDump dump = dump().start(request());
		dump.close();
		dump.close();
	}

	@Test
	void runsItsPreconditionOnceBeforeTheToolStarts() throws Exception {
		List<Boolean> toolRunningAtCheck = new ArrayList<>();
		List<Long> estimates = new ArrayList<>();
		DumpRequest request = request().withBeforeTool((estimatedBytes) -> {
			toolRunningAtCheck.add(dumpToolRunning());
			estimates.add(estimatedBytes);
		});
		try (StartedDump dump = dump().start(request)) {
			assertThat(toolRunningAtCheck).containsExactly(false);
			if (knowsItsSize()) {
				// the dump's own connection asked; its data and indexes take some pages
				assertThat(estimates).singleElement().satisfies((bytes) -> assertThat(bytes).isPositive());
			}
			else {
				assertThat(estimates).containsExactly(-1L);
			}
			try (InputStream in = dump.stdout()) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			dump.awaitSuccess();
		}
		assertThat(toolRunningAtCheck).containsExactly(false);
	}

	@Test
	void aFailedPreconditionEndsTheStartWithItsFailure() throws Exception {
		RunnerFailure refused = new RunnerFailure(FailureKind.RUNNER_MEMORY, "the heap is too small");
		DumpRequest request = request().withBeforeTool((estimatedBytes) -> {
			throw refused;
		});
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> dump().start(request)).isSameAs(refused);
		assertThat(dumpToolRunning()).isFalse();
	}

	private static boolean dumpToolRunning() {
		return ProcessHandle.current()
			.descendants()
			.anyMatch((process) -> process.info()
				.command()
				.map((command) -> command.endsWith("/pg_dump") || command.endsWith("/mariadb-dump")
						|| command.endsWith("/mysqldump"))
				.orElse(false));
	}

	/** A killed process's pipe may end with an error instead of EOF: both are fine. */
	private static void drain(InputStream in) {
		try {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			assertThat(ex).isNotNull();
		}
	}

}
