package io.strongroom.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final PrintStream err = new PrintStream(this.out, true, StandardCharsets.UTF_8);

	List<String> lines() {
		return this.out.toString(StandardCharsets.UTF_8).lines().toList();
	}

	@Test
	void closingPrintsTheLastLineOnceEvenBeforeTheFirstInterval() {
		Progress progress = new Progress("dump");
		Progress.Reporter reporter = progress.report(this.err, Duration.ofHours(1));
		progress.addIn(3 * 1024 * 1024);
		progress.addOut(1024 * 1024);
		progress.stage("upload");
		reporter.close();
		reporter.close();
		assertThat(lines()).singleElement()
			.asString()
			.startsWith("strongroom: [upload] 3.0 MiB read, 1.0 MiB written, ");
	}

	@Test
	void printsEveryIntervalAndTheLastLineAfterTheRest() throws InterruptedException {
		Progress progress = new Progress("dump");
		Progress.Reporter reporter = progress.report(this.err, Duration.ofMillis(20));
		Thread.sleep(200);
		progress.addIn(2048);
		reporter.close();
		List<String> lines = lines();
		assertThat(lines).hasSizeGreaterThan(2)
			.allSatisfy((line) -> assertThat(line).startsWith("strongroom: [dump] "));
		assertThat(lines.get(lines.size() - 1)).contains(" 2.0 KiB read");
		Thread.sleep(100);
		assertThat(lines()).hasSameSizeAs(lines);
	}

}
