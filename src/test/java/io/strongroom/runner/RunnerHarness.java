package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Runs the runner's command line in this JVM, with an environment of the test's own. */
final class RunnerHarness {

	private RunnerHarness() {
	}

	record Run(int exit, byte[] stdoutBytes, String stderr) {

		String stdout() {
			return new String(this.stdoutBytes, StandardCharsets.UTF_8);
		}

		/** The last line of standard output, which the runner promises is JSON. */
		JsonNode result() {
			List<String> lines = stdout().lines().filter((line) -> !line.isBlank()).toList();
			if (lines.isEmpty()) {
				throw new AssertionError("No result on stdout; stderr:\n" + this.stderr);
			}
			return Json.COMPACT.readTree(lines.get(lines.size() - 1));
		}

		@Override
		public String toString() {
			return "exit " + this.exit + "\nstdout: " + ((this.stdoutBytes.length < 4096) ? stdout() : "(binary)")
					+ "\nstderr:\n" + this.stderr;
		}

	}

	static Run run(Map<String, String> env, String... args) {
		return run(env, new byte[0], args);
	}

	static Run run(Map<String, String> env, byte[] stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Map<String, String> environment = new HashMap<>(env);
		environment.putIfAbsent("PATH", System.getenv("PATH"));
		environment.putIfAbsent("STRONGROOM_CLEANUP_SECONDS", "30");
		Console console = new Console(environment, new ByteArrayInputStream(stdin),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Clock.systemUTC());
		int exit = new RunnerCli(console).execute(args);
		return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
	}

}
