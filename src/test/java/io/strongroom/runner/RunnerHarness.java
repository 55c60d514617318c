package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.strongroom.StrongroomApplication;
import tools.jackson.databind.JsonNode;

/**
 * Runs the runner's command line in this JVM, with an environment of the test's own, or
 * in a JVM of its own where the test needs the real process (signals, heap limits).
 */
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

	/**
	 * The runner in its own JVM from this class path (as the local launcher starts it in
	 * an IDE or a test), with its output collected to the end.
	 */
	record Forked(Process process, CompletableFuture<byte[]> stdout, CompletableFuture<String> stderr) {

		Run await() throws Exception {
			if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("The runner did not end within 120 s; stderr:\n" + this.stderr.getNow(""));
			}
			return new Run(this.process.exitValue(), this.stdout.get(), this.stderr.get());
		}

	}

	static Forked fork(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StrongroomApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(env);
		Process process = builder.start();
		return new Forked(process, readAll(process.getInputStream()),
				readAll(process.getErrorStream()).thenApply((bytes) -> new String(bytes, StandardCharsets.UTF_8)));
	}

	private static CompletableFuture<byte[]> readAll(InputStream in) {
		return CompletableFuture.supplyAsync(() -> {
			try (in) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
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
