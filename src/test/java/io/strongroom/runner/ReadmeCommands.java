package io.strongroom.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of README.md's restore section, found by their first line, run with
 * bash exactly as a customer would paste them.
 */
final class ReadmeCommands {

	private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

	private ReadmeCommands() {
	}

	static String block(String firstLine) throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		int start = readme.indexOf("<!-- restore:begin -->");
		int end = readme.indexOf("<!-- restore:end -->");
		if (start < 0 || end < start) {
			throw new AssertionError("README.md has no restore section");
		}
		Matcher matcher = BLOCK.matcher(readme.substring(start, end));
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			String block = matcher.group(1);
			found.add(block.lines().findFirst().orElse(""));
			if (block.startsWith(firstLine + "\n")) {
				return block;
			}
		}
		throw new AssertionError("README.md has no block starting '" + firstLine + "'; blocks: " + found);
	}

	record Result(int exit, String output) {
	}

	/** Runs a block with {@code bash -euo pipefail} in {@code folder}. */
	static Result run(String block, Path folder, Map<String, String> env) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).directory(folder.toFile())
			.redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv("PATH"));
		builder.environment().put("HOME", folder.toString());
		builder.environment().putAll(env);
		Process process = builder.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("README block did not finish: " + block);
		}
		return new Result(process.exitValue(), output);
	}

}
