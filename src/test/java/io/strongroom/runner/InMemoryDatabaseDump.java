package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory twin of {@link DatabaseDump} (STYLE.md C8) for pipeline tests that need
 * no database: it streams fixed bytes, and can fail to start, fail midway, or be killed.
 * It passes {@link DatabaseDumpContractTests} like the real dumps.
 */
final class InMemoryDatabaseDump implements DatabaseDump {

	private final byte[] content;

	private final DatabaseStatistics statistics;

	private final RunnerFailure startFailure;

	private final RunnerFailure streamFailure;

	private final long failAfterBytes;

	/** How many dumps are started and not yet closed: a test can check nothing leaks. */
	final AtomicInteger open = new AtomicInteger();

	private InMemoryDatabaseDump(byte[] content, DatabaseStatistics statistics, RunnerFailure startFailure,
			RunnerFailure streamFailure, long failAfterBytes) {
		this.content = content;
		this.statistics = statistics;
		this.startFailure = startFailure;
		this.streamFailure = streamFailure;
		this.failAfterBytes = failAfterBytes;
	}

	/** Streams {@code content}, then succeeds. */
	static InMemoryDatabaseDump of(byte[] content) {
		return new InMemoryDatabaseDump(content, new DatabaseStatistics(content.length,
				List.of(new TableStatistics("public", "items", 1, content.length, 0))), null, null, -1);
	}

	/** Fails in {@link #start} as a real dump fails on a refused connection, say. */
	static InMemoryDatabaseDump failingToStart(FailureKind kind, String message) {
		return new InMemoryDatabaseDump(new byte[0], new DatabaseStatistics(0, List.of()),
				new RunnerFailure(kind, message), null, -1);
	}

	/**
	 * Streams the first {@code afterBytes} of {@code content}, ends, and fails in
	 * awaitSuccess.
	 */
	static InMemoryDatabaseDump failingMidway(byte[] content, long afterBytes, FailureKind kind, String message) {
		return new InMemoryDatabaseDump(content, of(content).statistics, null, new RunnerFailure(kind, message),
				afterBytes);
	}

	@Override
	public StartedDump start(DumpRequest request) throws RunnerFailure {
		if (this.startFailure != null) {
			throw this.startFailure;
		}
		// like a server that cannot tell its size
		request.beforeTool().check(-1);
		this.open.incrementAndGet();
		return new Started(request.url().engine());
	}

	private final class Started implements StartedDump {

		private final Engine engine;

		private final AtomicBoolean killed = new AtomicBoolean();

		private final AtomicBoolean closed = new AtomicBoolean();

		private final InputStream stdout;

		Started(Engine engine) {
			this.engine = engine;
			int length = (InMemoryDatabaseDump.this.failAfterBytes >= 0)
					? (int) Math.min(InMemoryDatabaseDump.this.failAfterBytes, InMemoryDatabaseDump.this.content.length)
					: InMemoryDatabaseDump.this.content.length;
			ByteArrayInputStream bytes = new ByteArrayInputStream(InMemoryDatabaseDump.this.content, 0, length);
			this.stdout = new InputStream() {
				@Override
				public int read() throws IOException {
					return Started.this.killed.get() ? -1 : bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return Started.this.killed.get() ? -1 : bytes.read(buffer, offset, length);
				}
			};
		}

		@Override
		public InputStream stdout() {
			return this.stdout;
		}

		@Override
		public String serverVersion() {
			return (this.engine == Engine.POSTGRES) ? "15.20" : "10.11.19-MariaDB";
		}

		@Override
		public String clientVersion() {
			return (this.engine == Engine.POSTGRES) ? "pg_dump (PostgreSQL) 15.20"
					: "mariadb-dump  Ver 10.19 Distrib 10.11.19-MariaDB";
		}

		@Override
		public Engine engine() {
			return (this.engine == Engine.MYSQL) ? Engine.MARIADB : this.engine;
		}

		@Override
		public DatabaseStatistics statistics() {
			return InMemoryDatabaseDump.this.statistics;
		}

		@Override
		public void awaitSuccess() throws RunnerFailure {
			if (this.killed.get()) {
				throw new RunnerFailure(FailureKind.DUMP_FAILED, "in-memory dump was stopped before it finished");
			}
			if (InMemoryDatabaseDump.this.streamFailure != null) {
				throw InMemoryDatabaseDump.this.streamFailure;
			}
		}

		@Override
		public void kill() {
			this.killed.set(true);
		}

		@Override
		public void close() {
			if (this.closed.compareAndSet(false, true)) {
				InMemoryDatabaseDump.this.open.decrementAndGet();
			}
		}

	}

}
