package io.strongroom.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Collects a dump's statistics on the runner's own connection while the dump tool runs.
 * <p>
 * Counting rows reads every table once; run before the dump it would add that time to
 * every backup. On PostgreSQL the counts run in the exported snapshot the dump uses, so
 * they still describe exactly the dumped data; on MySQL/MariaDB the snapshot is opened
 * just before the tool starts, which keeps the window between the two snapshots as short
 * as a process start. The dump's {@link StartedDump#awaitSuccess()} waits for it.
 */
final class StatisticsTask {

	/** The counting work; runs on its own thread. */
	@FunctionalInterface
	interface Collector {

		DatabaseStatistics collect() throws SQLException, RunnerFailure, InterruptedException;

	}

	private final CompletableFuture<DatabaseStatistics> result = new CompletableFuture<>();

	private final Connection connection;

	private final DatabaseUrl url;

	private final Thread thread;

	private final Runnable onAbort;

	private StatisticsTask(Connection connection, DatabaseUrl url, Collector collector, Runnable onAbort) {
		this.connection = connection;
		this.url = url;
		this.onAbort = onAbort;
		this.thread = new Thread(() -> {
			try {
				this.result.complete(collector.collect());
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}, "strongroom-statistics");
		this.thread.setDaemon(true);
	}

	static StatisticsTask start(Connection connection, DatabaseUrl url, Collector collector) {
		return start(connection, url, collector, () -> {
		});
	}

	/**
	 * @param onAbort releases what the collector waits for besides the connection (the
	 * dump's stream)
	 */
	static StatisticsTask start(Connection connection, DatabaseUrl url, Collector collector, Runnable onAbort) {
		StatisticsTask task = new StatisticsTask(connection, url, collector, onAbort);
		task.thread.start();
		return task;
	}

	/** Statistics that are already known (nothing runs). */
	static StatisticsTask completed(DatabaseStatistics statistics, DatabaseUrl url) {
		StatisticsTask task = new StatisticsTask(null, url, () -> statistics, () -> {
		});
		task.result.complete(statistics);
		return task;
	}

	/**
	 * Waits for the statistics.
	 * @throws RunnerFailure classified like any other failure of the runner's connection
	 */
	DatabaseStatistics await() throws RunnerFailure {
		try {
			return this.result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RunnerFailure(FailureKind.CANCELLED, "Counting rows was interrupted.");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RunnerFailure failure) {
				throw failure;
			}
			if (cause instanceof SQLException sql) {
				throw DumpFailures.fromSql(sql, this.url, "counting rows");
			}
			throw new RunnerFailure(FailureKind.INTERNAL,
					"Counting rows failed: " + this.url.mask(String.valueOf(cause)), cause);
		}
	}

	/**
	 * The counting's failure, if it fails within the given time: when the dump tool
	 * failed too, this is usually the cause (a failed count ends the snapshot pg_dump
	 * imports).
	 */
	java.util.Optional<RunnerFailure> failure(long waitMillis) {
		try {
			this.result.get(waitMillis, TimeUnit.MILLISECONDS);
			return java.util.Optional.empty();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return java.util.Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return java.util.Optional.empty();
		}
		catch (ExecutionException ex) {
			try {
				await();
				return java.util.Optional.empty();
			}
			catch (RunnerFailure failure) {
				return java.util.Optional.of(failure);
			}
		}
	}

	/**
	 * Stops counting that is still running by aborting the connection under it (the dump
	 * failed or was killed); waits until the thread has ended.
	 */
	void abort() {
		this.onAbort.run();
		if (!this.result.isDone() && this.connection != null) {
			try {
				this.connection.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				this.result.completeExceptionally(ex);
			}
		}
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
