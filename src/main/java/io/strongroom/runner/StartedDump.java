package io.strongroom.runner;

import java.io.InputStream;

/**
 * A running dump tool and the resources that keep its snapshot alive.
 * <p>
 * Use: read {@link #stdout()} to EOF, call {@link #awaitSuccess()}, then
 * {@link #close()}. On any failure elsewhere in the pipeline call {@link #kill()}
 * (idempotent, safe from another thread) and then {@link #close()}.
 */
public interface StartedDump extends AutoCloseable {

	/**
	 * The dump stream: pg_dump's custom format (uncompressed) for PostgreSQL, SQL text
	 * for MySQL/MariaDB. Read it to the end; it is not buffered beyond a pipe.
	 */
	InputStream stdout();

	/** The server's version, e.g. {@code 15.19} or {@code 10.11.19-MariaDB}. */
	String serverVersion();

	/** The first line of the dump tool's {@code --version}. */
	String clientVersion();

	/**
	 * The engine as detected from the server ({@link Engine#MYSQL} vs
	 * {@link Engine#MARIADB}).
	 */
	Engine engine();

	/**
	 * Statistics of the dumped data, collected in the dump's snapshot while the tool runs
	 * (PostgreSQL: rows counted in {@link #stdout()}); waits for them, so read the stream
	 * to its end first.
	 */
	DatabaseStatistics statistics();

	/**
	 * Waits for the tool to exit, after {@link #stdout()} reached EOF.
	 * @throws RunnerFailure when it exited non-zero or was killed: the kind comes from
	 * its stderr, and the message holds that stderr with secrets masked
	 */
	void awaitSuccess() throws RunnerFailure;

	/** Kills the tool and its children now. Idempotent. */
	void kill();

	/**
	 * Kills the tool if it still runs, ends the snapshot transaction and deletes the
	 * temporary credential files. Idempotent.
	 */
	@Override
	void close();

}
