package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a decrypted, decompressed dump through to its end, the way the engine's restore
 * client would, without a database: PostgreSQL's custom format with
 * {@code pg_restore --list} and a full {@code pg_restore -f /dev/null}
 * ({@link PostgresArchiveCheck}); SQL dumps up to mariadb-dump's/mysqldump's completion
 * marker ({@link SqlArchiveCheck}).
 */
interface ArchiveCheck {

	/**
	 * @param plainDump the dump, read to its end
	 * @return how many entries the archive holds (PostgreSQL: the entries
	 * {@code pg_restore --list} prints; SQL: the tables and views whose structure it
	 * holds)
	 * @throws Damaged when the dump is not whole or not readable
	 * @throws IOException when reading {@code plainDump} fails
	 * @throws RunnerFailure when the check itself cannot run (no {@code pg_restore})
	 */
	long readThrough(InputStream plainDump) throws Damaged, IOException, RunnerFailure;

	static ArchiveCheck forEngine(Engine engine, List<Path> clientDirectories) {
		return switch (engine) {
			case POSTGRES -> new PostgresArchiveCheck(clientDirectories);
			case MYSQL, MARIADB -> new SqlArchiveCheck();
		};
	}

	/** The dump cannot be read through: what is wrong, for a person. */
	final class Damaged extends Exception {

		Damaged(String message) {
			super(message);
		}

	}

}
