package io.strongroom.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dump or restore tool started from an argument list (never a shell), with its stderr
 * drained on a thread into a bounded buffer so the tool never blocks on a full stderr
 * pipe and memory stays flat however much it writes.
 */
final class ToolProcess {

	/** stderr kept for messages: the first and the last bytes matter most. */
	static final int STDERR_LIMIT = 16 * 1024;

	private final Process process;

	private final Thread stderrReader;

	private final BoundedText stderr = new BoundedText(STDERR_LIMIT);

	private final AtomicBoolean killed = new AtomicBoolean();

	private ToolProcess(Process process, String name) {
		this.process = process;
		this.stderrReader = new Thread(() -> this.stderr.readAll(process.getErrorStream()), name + "-stderr");
		this.stderrReader.setDaemon(true);
		this.stderrReader.start();
	}

	/**
	 * A process builder with a clean environment: only {@code PATH}, a private
	 * {@code HOME}, the C locale (so messages are English and can be classified) and the
	 * given variables. Nothing of the runner's own environment (the database URL, the
	 * encryption key, S3 credentials) reaches the tool.
	 */
	static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.clear();
		env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
		env.put("LC_ALL", "C");
		env.put("LANG", "C");
		env.putAll(environment);
		return builder;
	}

	static ToolProcess start(ProcessBuilder builder, String name) throws IOException {
		builder.redirectInput(ProcessBuilder.Redirect.PIPE);
		return new ToolProcess(builder.start(), name);
	}

	InputStream stdout() {
		return this.process.getInputStream();
	}

	OutputStream stdin() {
		return this.process.getOutputStream();
	}

	long pid() {
		return this.process.pid();
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	boolean wasKilled() {
		return this.killed.get();
	}

	/** Waits for the exit and for the whole stderr. */
	int waitFor() throws InterruptedException {
		int exit = this.process.waitFor();
		this.stderrReader.join(TimeUnit.SECONDS.toMillis(10));
		return exit;
	}

	/** The collected stderr (head and tail when it was longer than the limit). */
	String stderr() {
		return this.stderr.text();
	}

	/** Kills the tool and every process it started. Idempotent. */
	void kill() {
		this.killed.set(true);
		ProcessHandle handle = this.process.toHandle();
		// children first, so none is re-parented to init and keeps running
		handle.descendants().forEach(ProcessHandle::destroyForcibly);
		handle.destroyForcibly();
	}

	/** Kills if still running and waits until the process is gone. */
	void destroy() {
		if (this.process.isAlive()) {
			kill();
		}
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
			this.stderrReader.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Keeps the first and the last {@code limit / 2} bytes of a stream. */
	static final class BoundedText {

		private final int half;

		private final ByteArrayOutputStream head = new ByteArrayOutputStream();

		private final byte[] tail;

		private long tailCount;

		BoundedText(int limit) {
			this.half = limit / 2;
			this.tail = new byte[this.half];
		}

		void readAll(InputStream in) {
			byte[] buffer = new byte[8192];
			try (in) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					append(buffer, n);
				}
			}
			catch (IOException ex) {
				// the stream closes when the process is killed; what was read is kept
				append(("[stderr closed: " + ex.getMessage() + "]").getBytes(StandardCharsets.UTF_8), -1);
			}
		}

		synchronized void append(byte[] bytes, int length) {
			int n = (length < 0) ? bytes.length : length;
			for (int i = 0; i < n; i++) {
				if (this.head.size() < this.half) {
					this.head.write(bytes[i]);
				}
				else {
					this.tail[(int) (this.tailCount % this.half)] = bytes[i];
					this.tailCount++;
				}
			}
		}

		synchronized String text() {
			String first = this.head.toString(StandardCharsets.UTF_8);
			if (this.tailCount == 0) {
				return first;
			}
			int kept = (int) Math.min(this.tailCount, this.half);
			byte[] last = new byte[kept];
			for (int i = 0; i < kept; i++) {
				last[i] = this.tail[(int) ((this.tailCount - kept + i) % this.half)];
			}
			String skipped = (this.tailCount > this.half) ? "\n[… " + (this.tailCount - this.half) + " bytes …]\n" : "";
			return first + skipped + new String(last, StandardCharsets.UTF_8);
		}

	}

}
