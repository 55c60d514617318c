package io.strongroom.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run is doing and how far it got: the stage and byte counts that progress lines
 * and heartbeats report. Counters are updated by the pipeline's threads and read by the
 * reporters.
 */
final class Progress {

	private final AtomicLong bytesIn = new AtomicLong();

	private final AtomicLong bytesOut = new AtomicLong();

	private final long startNanos = System.nanoTime();

	private volatile String stage;

	Progress() {
		this("connect");
	}

	Progress(String stage) {
		this.stage = stage;
	}

	String stage() {
		return this.stage;
	}

	void stage(String stage) {
		this.stage = stage;
	}

	void addIn(long bytes) {
		this.bytesIn.addAndGet(bytes);
	}

	void addOut(long bytes) {
		this.bytesOut.addAndGet(bytes);
	}

	long bytesIn() {
		return this.bytesIn.get();
	}

	long bytesOut() {
		return this.bytesOut.get();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * Prints a progress line every {@code interval} until {@link Reporter#close()}, and a
	 * last one then.
	 */
	Reporter report(PrintStream err, Duration interval) {
		return new Reporter(err, interval);
	}

	String line() {
		double seconds = Math.max(0.001, elapsed().toNanos() / 1e9);
		return String.format(Locale.ROOT, "strongroom: [%s] %s read, %s written, %s/s, %.0f s", this.stage,
				bytes(bytesIn()), bytes(bytesOut()), bytes((long) (bytesIn() / seconds)), seconds);
	}

	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	final class Reporter implements AutoCloseable {

		private final PrintStream err;

		private final Thread thread;

		private volatile boolean stopped;

		Reporter(PrintStream err, Duration interval) {
			this.err = err;
			this.thread = new Thread(() -> {
				while (!this.stopped) {
					try {
						Thread.sleep(interval.toMillis());
					}
					catch (InterruptedException ex) {
						return;
					}
					if (!this.stopped) {
						err.println(line());
					}
				}
			}, "strongroom-progress");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		/**
		 * Stops the periodic lines and prints the last one: how far the run got, also
		 * when it failed or was shorter than the interval. Only the first call prints.
		 */
		@Override
		public void close() {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			this.thread.interrupt();
			try {
				// a periodic line being printed right now comes before the last one
				this.thread.join(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.err.println(line());
		}

	}

}
