package io.strongroom.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalRunnerCommandTests {

	@TempDir
	Path dir;

	@Test
	void startsAConfiguredJarWithTheRunnersJvmOptions() throws Exception {
		Path jar = Files.writeString(this.dir.resolve("strongroom.jar"), "jar");
		List<String> command = LocalRunnerCommand.resolve(Path.of("/opt/java/bin/java"), jar);
		assertThat(command).containsExactly("/opt/java/bin/java", "-Xms80m", "-XX:MaxRAMPercentage=25",
				"-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=10", "-jar", jar.toString());
	}

	@Test
	void withoutAJarUsesThisProcesssClassPathWithTheSameOptions() {
		List<String> command = LocalRunnerCommand.resolve(Path.of("java"), null);
		assertThat(command.subList(0, 6)).containsExactly("java", "-Xms80m", "-XX:MaxRAMPercentage=25",
				"-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=10");
		assertThat(command.get(command.size() - 1)).isEqualTo(LocalRunnerCommand.MAIN_CLASS);
	}

	@Test
	void refusesAMissingJar() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LocalRunnerCommand.resolve(null, this.dir.resolve("missing.jar")))
			.withMessageContaining("does not exist");
	}

}
