package io.strongroom.runner;

import java.util.Locale;

import io.strongroom.storage.S3BackupStore;

/**
 * Whether an S3 upload's parts fit in the runner's heap, decided before the dump starts.
 * S3 allows 10,000 parts, so above ~75 GB the parts grow past 8 MiB (583 MiB at 5 TiB)
 * and the upload buffers three of them; a heap without room for them fails the backup
 * before a byte is dumped or uploaded, naming the heap it needs, rather than run out of
 * memory hours in. (Two parts in flight would halve the need, but the SDK's upload of
 * unknown length stalls with them: {@link S3BackupStore#PARTS_IN_FLIGHT}.)
 */
final class UploadMemory {

	private static final long MIB = 1024L * 1024;

	/**
	 * Heap a backup needs besides its upload's parts: the pipeline's chunks, the S3
	 * client's, JDBC's and the JVM's own objects. Measured at 22–24 MiB with the parts'
	 * buffer full (docs/benchmarks.md, "Heap for large databases"), plus a third for the
	 * collector's room. The 16 MiB that wait for the destination are handed to the upload
	 * as its buffer fills, so they count as parts.
	 */
	static final long RESERVED_BYTES = 32 * MIB;

	private UploadMemory() {
	}

	/** The heap a backup of about {@code expectedBytes} ({@code -1}: unknown) needs. */
	static long heapNeeded(long expectedBytes) {
		return RESERVED_BYTES + S3BackupStore.uploadBufferBytes(expectedBytes);
	}

	/**
	 * Checks an object of about {@code expectedBytes} against a heap of
	 * {@code maxHeapBytes} ({@link Runtime#maxMemory()}).
	 * @throws RunnerFailure {@link FailureKind#RUNNER_MEMORY} when its parts do not fit
	 */
	static void check(long expectedBytes, long maxHeapBytes) throws RunnerFailure {
		long needed = heapNeeded(expectedBytes);
		if (needed <= maxHeapBytes) {
			return;
		}
		String size = (expectedBytes >= 0) ? "a database of " + Progress.bytes(expectedBytes)
				: "a database whose size the server did not tell";
		throw new RunnerFailure(FailureKind.RUNNER_MEMORY, String.format(Locale.ROOT,
				"The runner's heap is too small to upload %s: S3 allows 10,000 parts, so its parts are %s and"
						+ " the upload holds %d of them; with the rest of the backup that needs a heap of %s, and"
						+ " this runner has %s. Nothing was dumped or uploaded. On Heroku, a larger"
						+ " dyno size gives a larger heap: Strongroom's operator sets it (STRONGROOM_RUN_HEROKU_DYNOSIZE;"
						+ " docs/runner-spec.md lists each size's heap); started by hand, give java -Xmx%dm or more.",
				size, Progress.bytes(S3BackupStore.partSize(expectedBytes)), S3BackupStore.PARTS_IN_FLIGHT,
				Progress.bytes(needed), Progress.bytes(maxHeapBytes), suggestedMaxHeapMegabytes(needed)));
	}

	/**
	 * An {@code -Xmx} whose usable heap holds {@code needed}: the JVM reports a little
	 * less than {@code -Xmx} (the serial collector keeps one survivor space aside, 1/30
	 * of the heap), rounded up to 16 MiB.
	 */
	static long suggestedMaxHeapMegabytes(long needed) {
		long withSurvivor = needed + needed / 16;
		return ((withSurvivor + 16 * MIB - 1) / (16 * MIB)) * 16;
	}

}
