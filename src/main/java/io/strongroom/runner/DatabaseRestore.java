package io.strongroom.runner;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a plain (decrypted, decompressed) dump into a database with the engine's stock
 * client: {@code pg_restore} for PostgreSQL's custom format,
 * {@code mariadb}/{@code mysql} for SQL dumps.
 * <p>
 * Implementations pass the password through a 0600 file, never the argument list, stop at
 * the first error, and report it as {@link FailureKind#RESTORE_FAILED} (or the
 * connection/authentication kinds) with the client's stderr masked.
 */
public interface DatabaseRestore {

	/**
	 * Streams the dump into the target database, which must exist.
	 * @param plainDump the dump; read to the end, not closed
	 * @param target the database to restore into
	 * @throws RunnerFailure when the client fails
	 */
	void restore(InputStream plainDump, DatabaseUrl target) throws RunnerFailure;

	/**
	 * The restore for an engine, with clients from the default folders; MySQL and MariaDB
	 * share one.
	 */
	static DatabaseRestore forEngine(Engine engine) {
		return forEngine(engine, List.of());
	}

	/**
	 * The restore for an engine, with clients from these folders (empty: the defaults, as
	 * for {@link DumpRequest#clientDirectories()}).
	 */
	static DatabaseRestore forEngine(Engine engine, List<Path> clientDirectories) {
		return switch (engine) {
			case POSTGRES -> new PostgresRestore(clientDirectories);
			case MYSQL, MARIADB -> new MysqlRestore(clientDirectories);
		};
	}

}
