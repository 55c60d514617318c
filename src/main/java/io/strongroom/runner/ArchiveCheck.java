package io.strongroom.runner;

import java.io.BufferedInputStream;
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
 * <p>
 * A check is pushed the bytes ({@link Session#write}), so that it can run alongside a
 * restore that pulls the same stream ({@link #tee}).
 */
interface ArchiveCheck {

	/** Bytes of the dump's start a check looks at before it starts. */
	int HEAD = PgArchiveHeader.PEEK;

	/**
	 * Starts checking a dump.
	 * @param head the dump's first bytes (up to {@link #HEAD}; all of it if shorter)
	 * @throws Damaged when the start already shows the dump is not what it should be
	 * @throws RunnerFailure when the check cannot run (no {@code pg_restore})
	 */
	Session start(byte[] head) throws Damaged, IOException, RunnerFailure;

	/**
	 * One check under way: every byte of the dump, from the first, goes to
	 * {@link #write}.
	 */
	interface Session extends AutoCloseable {

		/** Takes the next bytes; never fails because the check has seen enough. */
		void write(byte[] bytes, int offset, int length);

		/**
		 * After the last byte.
		 * @return how many entries the archive holds (PostgreSQL: the entries
		 * {@code pg_restore --list} prints; SQL: the tables and views whose structure it
		 * holds)
		 * @throws Damaged when the dump is not whole or not readable
		 */
		long finish() throws Damaged, IOException, RunnerFailure;

		/** Stops the check (its tools) if it did not finish. */
		@Override
		void close();

	}

	/**
	 * The dump as a stream that writes every byte read from it into a session too: a
	 * restore reads it, the check sees the same bytes.
	 */
	static InputStream tee(InputStream plainDump, Session session) {
		return new java.io.FilterInputStream(plainDump) {

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				if (n > 0) {
					session.write(bytes, offset, n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				return super.skip(0);
			}

			@Override
			public boolean markSupported() {
				return false;
			}

		};
	}

	/** The first {@link #HEAD} bytes, left unread in the stream. */
	static byte[] head(BufferedInputStream in) throws IOException {
		in.mark(HEAD);
		byte[] head = in.readNBytes(HEAD);
		in.reset();
		return head;
	}

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
