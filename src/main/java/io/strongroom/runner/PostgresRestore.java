package io.strongroom.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code pg_restore --no-owner --no-acl --exit-on-error} reading the custom-format
 * archive from stdin. The pg_restore is the lowest major version that can read the
 * archive (at least the major version of the pg_dump that wrote it), or the newest one
 * found when the header does not say.
 */
final class PostgresRestore implements DatabaseRestore {

	private final List<Path> clientDirectories;

	PostgresRestore() {
		this(List.of());
	}

	PostgresRestore(List<Path> clientDirectories) {
		this.clientDirectories = List.copyOf(clientDirectories);
	}

	@Override
	public void restore(InputStream plainDump, DatabaseUrl target) throws RunnerFailure {
		BufferedInputStream in = new BufferedInputStream(plainDump, PgArchiveHeader.PEEK * 8);
		Optional<PgArchiveHeader> header;
		try {
			header = PgArchiveHeader.peek(in);
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.RESTORE_FAILED, "Could not read the dump: " + ex.getMessage(), ex);
		}
		if (header.isEmpty()) {
			throw new RunnerFailure(FailureKind.RESTORE_FAILED,
					"The input is not a pg_dump custom-format archive (it does not start with PGDMP). "
							+ "Decrypt and decompress the backup before restoring it.");
		}
		List<Path> directories = PgClients.directoriesOrDefault(this.clientDirectories);
		List<ClientBinary> candidates = PgClients.discover(directories, "pg_restore");
		ClientBinary pgRestore = pick(header.get(), candidates, directories);
		try (PrivateFiles files = PrivateFiles.create()) {
			Path passfile = files.write("pgpass", PgDumpCommand.passfile(target));
			ProcessBuilder builder = ToolProcess.builder(PgDumpCommand.restore(pgRestore.path(), target),
					PgDumpCommand.environment(target, passfile, files.directory()));
			ToolProcess process = ToolProcess.start(builder, "pg_restore");
			ToolRestores.run("pg_restore", process, in, target);
		}
		catch (IOException ex) {
			throw new RunnerFailure(FailureKind.RESTORE_FAILED, "Could not start pg_restore: " + ex.getMessage(), ex);
		}
	}

	static ClientBinary pick(PgArchiveHeader header, List<ClientBinary> candidates, List<Path> directories)
			throws RunnerFailure {
		if (header.dumpVersion().isPresent()) {
			String dumpVersion = header.dumpVersion().get().split(" ")[0];
			try {
				return PgClients.pick("pg_restore", PgClients.versionNumber(dumpVersion), dumpVersion, candidates,
						directories);
			}
			catch (RunnerFailure ex) {
				throw new RunnerFailure(FailureKind.CLIENT_TOO_OLD, "The archive was written by pg_dump " + dumpVersion
						+ ", which needs a pg_restore of the same " + "major version or newer. " + ex.getMessage());
			}
		}
		return candidates.stream()
			.max(Comparator.comparingInt(PgClients::versionNumberOf))
			.orElseThrow(() -> new RunnerFailure(FailureKind.CLIENT_TOO_OLD,
					"No pg_restore was found (searched: " + directories + "). Install the PostgreSQL client tools."));
	}

}
