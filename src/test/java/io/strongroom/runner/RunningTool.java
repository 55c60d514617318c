package io.strongroom.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * What a dump tool's process runs, read from {@code /proc}. The tools start under
 * {@code stdbuf} ({@link LargeWrites}), which execs them: until it has, the process shows
 * stdbuf's own command line, so this waits for the tool's.
 */
final class RunningTool {

	private RunningTool() {
	}

	/**
	 * The tool's arguments (without the program), once the process runs one of
	 * {@code tools}.
	 */
	static List<String> arguments(ProcessHandle process, String... tools) {
		Path cmdline = Path.of("/proc/" + process.pid() + "/cmdline");
		List<String> command = await().atMost(Duration.ofSeconds(10))
			.until(() -> read(cmdline), (parts) -> !parts.isEmpty() && Stream.of(tools)
				.anyMatch((tool) -> Path.of(parts.get(0)).getFileName().toString().equals(tool)));
		return command.subList(1, command.size());
	}

	private static List<String> read(Path cmdline) {
		try {
			String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
			return text.isEmpty() ? List.of() : List.of(text.split("\0"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
