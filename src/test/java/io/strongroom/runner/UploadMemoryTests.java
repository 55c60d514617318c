package io.strongroom.runner;

import io.strongroom.storage.S3BackupStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UploadMemoryTests {

	static final long MIB = 1024L * 1024;

	static final long GB = 1_000_000_000L;

	/** What {@link Runtime#maxMemory()} reports under {@code -Xmx<n>m} (serial GC). */
	static long heapOf(long xmxMegabytes) {
		long xmx = xmxMegabytes * MIB;
		return xmx - xmx / 30;
	}

	@Test
	void databasesUpToSeventyFiveGigabytesNeedOnlyTheStartingHeap() {
		assertThat(UploadMemory.heapNeeded(1_500_000_000L)).isEqualTo(56 * MIB);
		assertThat(UploadMemory.heapNeeded(75 * GB)).isEqualTo(56 * MIB);
		assertThatNoException().isThrownBy(() -> UploadMemory.check(75 * GB, heapOf(80)));
	}

	@Test
	void theHeapNeededGrowsWithThePartsAboveThat() {
		assertThat(UploadMemory.heapNeeded(180 * GB)).isEqualTo(32 * MIB + 3 * 20 * MIB);
		long fiveTebibytes = 5 * 1024 * 1024 * MIB;
		assertThat(S3BackupStore.partSize(fiveTebibytes)).isEqualTo(583 * MIB);
		assertThat(UploadMemory.heapNeeded(fiveTebibytes)).isEqualTo(32 * MIB + 3 * 583 * MIB);
	}

	@Test
	void aHeapThatHoldsTheStartsPartsPasses() {
		assertThatNoException().isThrownBy(() -> UploadMemory.check(180 * GB, UploadMemory.heapNeeded(180 * GB)));
		// a standard-1X dyno's heap holds the parts of an 860 GB database
		assertThatNoException().isThrownBy(() -> UploadMemory.check(860 * GB, heapOf(320)));
		// and performance-M's those of 5 TiB
		assertThatNoException().isThrownBy(() -> UploadMemory.check(5 * 1024 * 1024 * MIB, heapOf(2368)));
	}

	@Test
	void aHeapWithoutRoomForThePartsFailsNamingTheFix() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> UploadMemory.check(180 * GB, UploadMemory.heapNeeded(180 * GB) - 1))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.RUNNER_MEMORY);
				assertThat(failure.getMessage()).contains("a database of 167.6 GiB")
					.contains("parts are 20.0 MiB")
					.contains("holds 3 of them")
					.contains("needs a heap of 92.0 MiB")
					.contains("Nothing was dumped or uploaded")
					.contains("STRONGROOM_RUN_HEROKU_DYNOSIZE")
					.contains("-Xmx112m");
			});
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> UploadMemory.check(180 * GB, heapOf(80)));
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> UploadMemory.check(900 * GB, heapOf(320)));
	}

	@Test
	void anUnknownSizePlansForOneHundredAndTwentyEightGibibytes() {
		assertThat(UploadMemory.heapNeeded(-1)).isEqualTo(32 * MIB + 3 * 15 * MIB);
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> UploadMemory.check(-1, heapOf(64)))
			.withMessageContaining("a database whose size the server did not tell");
	}

	@Test
	void theSuggestedHeapHoldsWhatIsNeededOnceTheSurvivorSpaceIsAside() {
		for (long needed : new long[] { 56 * MIB, 92 * MIB, 1_781 * MIB, 3_000 * MIB }) {
			long suggested = UploadMemory.suggestedMaxHeapMegabytes(needed);
			assertThat(suggested % 16).isZero();
			assertThat(heapOf(suggested)).isGreaterThanOrEqualTo(needed);
		}
	}

}
