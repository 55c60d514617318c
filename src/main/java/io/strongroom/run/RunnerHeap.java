package io.strongroom.run;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How large a runner's heap may grow, by where it runs. Every runner starts with the same
 * 80 MiB heap, touched at start ({@link LocalRunnerCommand#jvmOptions}), which is all a
 * database up to ~75 GB needs; above that S3's 10,000-part limit makes the upload's parts
 * grow (583 MiB at 5 TiB), and the heap grows with them up to this bound. The runner
 * checks its parts against the bound before it dumps anything, and fails naming the dyno
 * size or {@code -Xmx} it needs.
 */
final class RunnerHeap {

	/**
	 * A local runner may take up to a quarter of the machine's memory (or its
	 * container's): the JVM's own default, stated so it does not depend on one, and room
	 * for the web process and a second runner.
	 */
	static final String LOCAL = "-XX:MaxRAMPercentage=25";

	/**
	 * What a runner needs besides its heap (metaspace, code, threads, zstd's and netty's
	 * native buffers: ~100 MB measured, docs/benchmarks.md), with margin.
	 */
	static final long NON_HEAP_MIB = 192;

	/**
	 * At most 30 GiB: the JVM keeps compressed pointers, so the bundle's class-data
	 * archive (written with them) stays usable. No backup needs more.
	 */
	static final long MAX_HEAP_MIB = 30 * 1024;

	/**
	 * Memory per dyno size, from Heroku's Dev Center ("Dyno Memory Behavior"); a dyno
	 * above it swaps (R14) and is restarted at its limit (R15).
	 */
	static final Map<String, Long> DYNO_MEMORY_MIB = Map.ofEntries(Map.entry("eco", 512L), Map.entry("basic", 512L),
			Map.entry("standard-1x", 512L), Map.entry("standard-2x", 1024L), Map.entry("performance-m", 2560L),
			Map.entry("performance-l", 14336L), Map.entry("performance-l-ram", 30720L),
			Map.entry("performance-xl", 63488L), Map.entry("performance-2xl", 129024L), Map.entry("private-s", 1024L),
			Map.entry("private-m", 2560L), Map.entry("private-l", 14336L), Map.entry("private-l-ram", 30720L),
			Map.entry("private-xl", 63488L), Map.entry("private-2xl", 129024L), Map.entry("shield-s", 1024L),
			Map.entry("shield-m", 2560L), Map.entry("shield-l", 14336L), Map.entry("shield-l-ram", 30720L),
			Map.entry("shield-xl", 63488L), Map.entry("shield-2xl", 129024L));

	/** The smallest dyno's memory, assumed for a size this list does not know. */
	static final long SMALLEST_DYNO_MIB = 512;

	private RunnerHeap() {
	}

	/** The memory of a dyno size Heroku documents (any case), if this list has it. */
	static Optional<Long> dynoMemoryMib(String dynoSize) {
		return Optional.ofNullable(DYNO_MEMORY_MIB.get(dynoSize.toLowerCase(Locale.ROOT)));
	}

	/**
	 * The heap bound for a one-off dyno: its memory less what lives outside the heap. The
	 * JVM cannot be trusted to see a dyno's memory (Heroku's own Java support sets
	 * {@code -Xmx} by dyno size too), so it is given.
	 */
	static String forDyno(String dynoSize) {
		long memory = dynoMemoryMib(dynoSize).orElse(SMALLEST_DYNO_MIB);
		return "-Xmx" + Math.min(MAX_HEAP_MIB, memory - NON_HEAP_MIB) + "m";
	}

}
