package io.strongroom.runner;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started dump tool with the resources that must outlive it: the snapshot connection
 * (PostgreSQL) and the private folder with the credential file. Shared by both engines.
 */
final class ToolDump implements StartedDump {

	private final String tool;

	private final ToolProcess process;

	private final InputStream stdout;

	private final DatabaseUrl url;

	private final Engine engine;

	private final String serverVersion;

	private final String clientVersion;

	private final StatisticsTask statistics;

	private final List<AutoCloseable> resources;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * @param stdout the tool's output, as the dump's reader reads it
	 */
	ToolDump(String tool, ToolProcess process, InputStream stdout, DatabaseUrl url, Engine engine, String serverVersion,
			String clientVersion, StatisticsTask statistics, List<AutoCloseable> resources) {
		this.tool = tool;
		this.process = process;
		this.stdout = stdout;
		this.url = url;
		this.engine = engine;
		this.serverVersion = serverVersion;
		this.clientVersion = clientVersion;
		this.statistics = statistics;
		this.resources = new ArrayList<>(resources);
	}

	@Override
	public InputStream stdout() {
		return this.stdout;
	}

	@Override
	public String serverVersion() {
		return this.serverVersion;
	}

	@Override
	public String clientVersion() {
		return this.clientVersion;
	}

	@Override
	public Engine engine() {
		return this.engine;
	}

	/**
	 * Waits for the counts if they are still running.
	 * @throws IllegalStateException when counting failed; {@link #awaitSuccess()} reports
	 * that failure with its kind
	 */
	@Override
	public DatabaseStatistics statistics() {
		try {
			return this.statistics.await();
		}
		catch (RunnerFailure ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** The tool's process, for tests that check it is gone. */
	ProcessHandle processHandle() {
		return this.process.handle();
	}

	@Override
	public void awaitSuccess() throws RunnerFailure {
		int exit;
		try {
			exit = this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
			throw new RunnerFailure(FailureKind.CANCELLED,
					this.tool + " was stopped because the runner was interrupted.");
		}
		if (this.process.wasKilled()) {
			throw new RunnerFailure(FailureKind.DUMP_FAILED,
					this.tool + " was stopped before it finished (exit code " + exit + ").");
		}
		if (exit != 0) {
			RunnerFailure failure = DumpFailures.fromTool(this.tool, exit, this.process.stderr(), this.url,
					FailureKind.DUMP_FAILED);
			if (failure.kind() == FailureKind.DUMP_FAILED) {
				// an unexplained tool failure may follow from a failed count (for example
				// a
				// row-level security policy): that failure says more
				RunnerFailure counting = this.statistics.failure(5000).orElse(null);
				if (counting != null && counting.kind() != FailureKind.INTERNAL) {
					throw counting;
				}
			}
			throw failure;
		}
		this.statistics.await();
	}

	@Override
	public void kill() {
		this.process.kill();
		this.statistics.abort();
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.process.destroy();
		this.statistics.abort();
		RuntimeException failure = null;
		// in reverse order of acquisition: the snapshot ends before its folder goes
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = new IllegalStateException(
							"Could not release a dump resource: " + this.url.mask(String.valueOf(ex.getMessage())));
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
