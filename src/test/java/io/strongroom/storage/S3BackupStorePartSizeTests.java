package io.strongroom.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3BackupStorePartSizeTests {

	static final long MIB = 1024L * 1024;

	static final long TB = 1_000_000_000_000L;

	@Test
	void smallObjectsUseTheMinimumPartSize() {
		assertThat(S3BackupStore.partSize(0)).isEqualTo(8 * MIB);
		assertThat(S3BackupStore.partSize(1_500_000_000L)).isEqualTo(8 * MIB);
	}

	@Test
	void fiveTerabytesStayUnderTenThousandParts() {
		long part = S3BackupStore.partSize(5 * TB);
		assertThat(part % MIB).isZero();
		assertThat(ceilDiv(5 * TB, part)).isLessThanOrEqualTo(9_000);
		// an estimate 10% short still fits
		assertThat(ceilDiv(5 * TB * 11 / 10, part)).isLessThan(10_000);
		assertThat(part).isLessThanOrEqualTo(5L * 1024 * MIB);
	}

	@Test
	void partsGrowWithTheExpectedSize() {
		assertThat(S3BackupStore.partSize(200_000_000_000L)).isGreaterThan(8 * MIB);
		assertThat(ceilDiv(200_000_000_000L, S3BackupStore.partSize(200_000_000_000L))).isLessThanOrEqualTo(9_000);
	}

	@Test
	void unknownSizePlansForOneHundredAndTwentyEightGibibytes() {
		assertThat(S3BackupStore.partSize(-1)).isEqualTo(15 * MIB);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
