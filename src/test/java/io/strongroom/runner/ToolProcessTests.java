package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolProcessTests {

	@Test
	void stderrKeepsItsHeadAndTailWithinTheLimit() {
		ToolProcess.BoundedText text = new ToolProcess.BoundedText(20);
		text.readAll(new ByteArrayInputStream("0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8)));
		assertThat(text.text()).isEqualTo("0123456789\n[… 16 bytes …]\nqrstuvwxyz");
		ToolProcess.BoundedText small = new ToolProcess.BoundedText(20);
		small.readAll(new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8)));
		assertThat(small.text()).isEqualTo("short");
	}

	@Test
	void toolsGetACleanEnvironmentWithoutTheRunnersSecrets() {
		ProcessBuilder builder = ToolProcess.builder(List.of("pg_dump", "--version"), Map.of("PGPASSFILE", "/x"));
		assertThat(builder.environment()).containsOnlyKeys("PATH", "LC_ALL", "LANG", "PGPASSFILE")
			.containsEntry("LC_ALL", "C");
	}

	@Test
	void theSandboxLineIsSkippedAndAnythingElseKept() throws IOException {
		BufferedInputStream withLine = new BufferedInputStream(new ByteArrayInputStream(
				(MysqlDumpCommand.SANDBOX_LINE + " \n-- MariaDB dump\n").getBytes(StandardCharsets.UTF_8)));
		assertThat(MysqlRestore.skipSandboxLine(withLine)).isTrue();
		assertThat(new String(withLine.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("-- MariaDB dump\n");

		BufferedInputStream without = new BufferedInputStream(
				new ByteArrayInputStream("-- MySQL dump\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(MysqlRestore.skipSandboxLine(without)).isFalse();
		assertThat(new String(without.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("-- MySQL dump\n");
	}

}
