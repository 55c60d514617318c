package io.strongroom.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerHeapTests {

	@Test
	void aDynosHeapIsItsMemoryLessWhatLivesOutsideTheHeap() {
		assertThat(RunnerHeap.forDyno("standard-1X")).isEqualTo("-Xmx320m");
		assertThat(RunnerHeap.forDyno("standard-2X")).isEqualTo("-Xmx832m");
		assertThat(RunnerHeap.forDyno("performance-M")).isEqualTo("-Xmx2368m");
		assertThat(RunnerHeap.forDyno("private-l")).isEqualTo("-Xmx14144m");
	}

	@Test
	void theHeapStaysWhereTheJvmKeepsCompressedPointers() {
		assertThat(RunnerHeap.forDyno("performance-2XL")).isEqualTo("-Xmx30720m");
		assertThat(RunnerHeap.forDyno("shield-xl")).isEqualTo("-Xmx30720m");
	}

	@Test
	void anUnknownSizeGetsTheSmallestDynosHeap() {
		assertThat(RunnerHeap.dynoMemoryMib("hobby-9000")).isEmpty();
		assertThat(RunnerHeap.forDyno("hobby-9000")).isEqualTo("-Xmx320m");
	}

	@Test
	void everyHeapStartsAt80MibAndIsTouchedAtStart() {
		assertThat(LocalRunnerCommand.jvmOptions(RunnerHeap.forDyno("performance-l"))).startsWith("-Xms80m",
				"-Xmx14144m", "-XX:+AlwaysPreTouch");
		assertThat(LocalRunnerCommand.JVM_OPTIONS).startsWith("-Xms80m", RunnerHeap.LOCAL, "-XX:+AlwaysPreTouch");
	}

}
