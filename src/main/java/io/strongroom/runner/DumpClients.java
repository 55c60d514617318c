package io.strongroom.runner;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The dump tool a runner on this machine would run for a server, picked by the runner's
 * own rules ({@code PgClients}, {@code MysqlClients}), for "test connection" to report
 * before any backup runs.
 */
public final class DumpClients {

	/**
	 * What was picked: the binary and the first line of its {@code --version}, or why no
	 * binary found here can dump the server ({@code problem}, which names what to
	 * install).
	 */
	public record Choice(@Nullable Path path, @Nullable String version, @Nullable String problem) {

	}

	private DumpClients() {
	}

	/**
	 * The {@code pg_dump} for a PostgreSQL server.
	 * @param serverVersionNumber {@code server_version_num}, e.g. 150020
	 * @param serverVersion {@code server_version}, e.g. {@code 15.20}
	 * @param clientDirectories the runner's folders; empty for its default
	 */
	public static Choice forPostgres(int serverVersionNumber, String serverVersion, List<Path> clientDirectories) {
		List<Path> directories = PgClients.directoriesOrDefault(clientDirectories);
		try {
			return chosen(PgClients.pick("pg_dump", serverVersionNumber, serverVersion,
					PgClients.discover(directories, "pg_dump"), directories));
		}
		catch (RunnerFailure ex) {
			return new Choice(null, null, ex.getMessage());
		}
	}

	/**
	 * The {@code mariadb-dump} or {@code mysqldump} for a MySQL or MariaDB server.
	 * @param serverVersion {@code SELECT VERSION()}
	 * @param clientDirectories the runner's folders; empty for its default
	 */
	public static Choice forMysql(String serverVersion, List<Path> clientDirectories) {
		List<Path> directories = MysqlClients.directoriesOrDefault(clientDirectories);
		try {
			return chosen(MysqlClients.pick("mariadb-dump or mysqldump", serverVersion,
					ClientBinary.discover(directories, MysqlClients.DUMP_TOOLS), directories));
		}
		catch (RunnerFailure ex) {
			return new Choice(null, null, ex.getMessage());
		}
	}

	private static Choice chosen(ClientBinary binary) {
		return new Choice(binary.path(), binary.versionLine(), null);
	}

}
