package io.strongroom.runner;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The runner's outside world: environment, standard streams, clock. Commands take it
 * instead of reaching for {@code System}, so tests run them in-process with their own
 * environment.
 */
record Console(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Clock clock) {

	static Console system() {
		// System.out flushes every write: too slow for a decrypted dump on standard
		// output
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
				false);
		return new Console(System.getenv(), System.in, out, System.err, Clock.systemUTC());
	}

	@Nullable String env(String name) {
		String value = this.env.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** An environment variable that must be set, or a usage failure saying so. */
	String requireEnv(String name, String what) throws RunnerFailure {
		String value = env(name);
		if (value == null) {
			throw new RunnerFailure(FailureKind.USAGE,
					"The environment variable " + name + " (" + what + ") is not set. Set it and run again.");
		}
		return value;
	}

	/** How often progress lines are printed ({@code STRONGROOM_PROGRESS_SECONDS}, 5). */
	Duration progressInterval() {
		return seconds("STRONGROOM_PROGRESS_SECONDS", 5);
	}

	/** How often heartbeats are sent ({@code STRONGROOM_HEARTBEAT_SECONDS}, 10). */
	Duration heartbeatInterval() {
		return seconds("STRONGROOM_HEARTBEAT_SECONDS", 10);
	}

	/**
	 * How long a failed run keeps trying to remove what it wrote when the destination is
	 * unreachable ({@code STRONGROOM_CLEANUP_SECONDS}, 60).
	 */
	Duration cleanupTimeout() {
		return seconds("STRONGROOM_CLEANUP_SECONDS", 60);
	}

	private Duration seconds(String name, int fallback) {
		String value = env(name);
		try {
			double seconds = (value != null) ? Double.parseDouble(value) : fallback;
			return Duration.ofMillis(Math.max(100, (long) (seconds * 1000)));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(fallback);
		}
	}

	/** When this runner started, for the time stamps of its lines. */
	private static final long START = System.nanoTime();

	void info(String message) {
		this.err.println(String.format(java.util.Locale.ROOT, "strongroom: %6.1f s  %s",
				(System.nanoTime() - START) / 1e9, message));
	}

	void warn(String message) {
		this.err.println("strongroom: WARNING: " + message);
	}

}
