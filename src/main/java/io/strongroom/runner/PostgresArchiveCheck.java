package io.strongroom.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One pass over a custom-format archive feeds two {@code pg_restore}s: {@code --list}
 * (reads the table of contents, then exits) and {@code --file=/dev/null} (reads every
 * entry and every data block, as a restore would, and writes the script nowhere). The
 * pg_restore is chosen like {@link PostgresRestore}'s, from the archive's header. Neither
 * connects to a database; both run with a private {@code HOME} and nothing of the
 * runner's environment.
 */
final class PostgresArchiveCheck implements ArchiveCheck {

	private final List<Path> clientDirectories;

	PostgresArchiveCheck(List<Path> clientDirectories) {
		this.clientDirectories = List.copyOf(clientDirectories);
	}

	@Override
	public Session start(byte[] head) throws Damaged, IOException, RunnerFailure {
		Optional<PgArchiveHeader> header = PgArchiveHeader.parse(head);
		if (header.isEmpty()) {
			throw new Damaged(
					"The decrypted backup is not a pg_dump custom-format archive (it does not start " + "with PGDMP).");
		}
		List<Path> directories = PgClients.directoriesOrDefault(this.clientDirectories);
		ClientBinary pgRestore = PostgresRestore.pick(header.get(), PgClients.discover(directories, "pg_restore"),
				directories);
		PrivateFiles home = PrivateFiles.create();
		Map<String, String> environment = Map.of("HOME", home.directory().toString());
		ToolProcess list = null;
		try {
			list = ToolProcess.start(ToolProcess.builder(List.of(pgRestore.path().toString(), "--list"), environment),
					"pg_restore-list");
			ToolProcess full = ToolProcess.start(
					ToolProcess.builder(List.of(pgRestore.path().toString(), "--file=/dev/null"), environment),
					"pg_restore-read");
			return new Tools(home, list, full);
		}
		catch (IOException | RuntimeException ex) {
			if (list != null) {
				list.destroy();
			}
			home.close();
			throw ex;
		}
	}

	/** The two pg_restores of one check. */
	private static final class Tools implements Session {

		private final PrivateFiles home;

		private final ToolProcess list;

		private final ToolProcess full;

		private final CompletableFuture<Long> entries;

		private boolean listOpen = true;

		private boolean fullOpen = true;

		Tools(PrivateFiles home, ToolProcess list, ToolProcess full) {
			this.home = home;
			this.list = list;
			this.full = full;
			this.entries = countEntries(list);
		}

		/**
		 * {@code --list} exits after the table of contents, which closes its input: from
		 * then on only the full read gets the bytes.
		 */
		@Override
		public void write(byte[] bytes, int offset, int length) {
			if (this.listOpen) {
				this.listOpen = write(this.list.stdin(), bytes, offset, length);
			}
			if (this.fullOpen) {
				this.fullOpen = write(this.full.stdin(), bytes, offset, length);
			}
		}

		@Override
		public long finish() throws Damaged, IOException, RunnerFailure {
			boolean readToEnd = this.fullOpen;
			close(this.list.stdin());
			close(this.full.stdin());
			try {
				int fullExit = this.full.waitFor();
				int listExit = this.list.waitFor();
				if (fullExit != 0) {
					throw new Damaged("pg_restore could not read the archive through (exit " + fullExit + "): "
							+ firstLines(this.full.stderr()));
				}
				if (!readToEnd) {
					throw new Damaged("pg_restore stopped reading before the end of the archive: "
							+ firstLines(this.full.stderr()));
				}
				if (listExit != 0) {
					throw new Damaged("pg_restore --list could not read the archive's table of contents (exit "
							+ listExit + "): " + firstLines(this.list.stderr()));
				}
				return this.entries.get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RunnerFailure(FailureKind.CANCELLED,
						"pg_restore was stopped because the runner was interrupted.");
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IOException("Could not read pg_restore --list's output: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			this.list.destroy();
			this.full.destroy();
			this.home.close();
		}

		/** Writes to a tool's stdin; false when the tool no longer reads. */
		private static boolean write(OutputStream stdin, byte[] buffer, int offset, int length) {
			try {
				stdin.write(buffer, offset, length);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		private static void close(OutputStream stdin) {
			try {
				stdin.close();
			}
			catch (IOException ex) {
				// the tool exited first (--list always does): its exit code tells the
				// rest
				return;
			}
		}

		/**
		 * Counts the entries {@code --list} prints (lines that are not {@code ;}
		 * comments).
		 */
		private static CompletableFuture<Long> countEntries(ToolProcess list) {
			CompletableFuture<Long> count = new CompletableFuture<>();
			Thread reader = new Thread(() -> {
				long entries = 0;
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(list.stdout(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (!line.isBlank() && !line.startsWith(";")) {
							entries++;
						}
					}
					count.complete(entries);
				}
				catch (IOException ex) {
					count.completeExceptionally(ex);
				}
			}, "pg_restore-list-stdout");
			reader.setDaemon(true);
			reader.start();
			return count;
		}

		private static String firstLines(String stderr) {
			List<String> lines = stderr.strip().lines().limit(5).toList();
			return lines.isEmpty() ? "(no message)" : String.join(" ", lines);
		}

	}

}
