package io.strongroom.runner;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the MySQL-family client to run. A MariaDB server gets the newest MariaDB tool
 * ({@code mariadb-dump}, or {@code mysqldump} when that is MariaDB's), else the newest
 * MySQL one. A MySQL server gets the newest MySQL {@code mysqldump} at least as new as
 * the server (major.minor), else the newest MariaDB tool (which dumps MySQL servers,
 * without MySQL-only features such as GTID handling), else a clear error.
 */
final class MysqlClients {

	static final List<String> DUMP_TOOLS = List.of("mariadb-dump", "mysqldump");

	static final List<String> CLIENTS = List.of("mariadb", "mysql");

	private MysqlClients() {
	}

	static List<Path> directoriesOrDefault(List<Path> configured) {
		return configured.isEmpty() ? ClientBinary.pathDirectories() : configured;
	}

	static boolean isMariaDb(ClientBinary binary) {
		return binary.versionLine().contains("MariaDB");
	}

	static boolean isMariaDbServer(String serverVersion) {
		return serverVersion.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
	}

	/**
	 * Picks the tool for a server (a pure function, see the class comment).
	 * @param tool what is looked for, for the message ({@code mariadb-dump/mysqldump})
	 * @param serverVersion {@code SELECT VERSION()}, e.g.
	 * {@code 10.11.19-MariaDB-0+deb12u1} or {@code 8.0.36}
	 * @param candidates the tools found
	 * @param searched the folders searched, for the message
	 * @throws RunnerFailure {@link FailureKind#CLIENT_TOO_OLD} naming both versions
	 */
	static ClientBinary pick(String tool, String serverVersion, List<ClientBinary> candidates, List<Path> searched)
			throws RunnerFailure {
		Comparator<ClientBinary> byVersion = Comparator.comparing(ClientBinary::version, MysqlClients::compare);
		Optional<ClientBinary> newestMariaDb = candidates.stream().filter(MysqlClients::isMariaDb).max(byVersion);
		Optional<ClientBinary> newestMysql = candidates.stream()
			.filter((candidate) -> !isMariaDb(candidate))
			.max(byVersion);
		if (isMariaDbServer(serverVersion)) {
			return newestMariaDb.or(() -> newestMysql)
				.orElseThrow(() -> missing(tool, "MariaDB " + serverVersion, searched));
		}
		List<Integer> server = ClientBinary.parseVersion(serverVersion);
		List<Integer> serverMinor = server.subList(0, Math.min(2, server.size()));
		Optional<ClientBinary> mysql = newestMysql
			.filter((candidate) -> compare(candidate.version(), serverMinor) >= 0);
		if (mysql.isPresent()) {
			return mysql.get();
		}
		if (newestMariaDb.isPresent()) {
			return newestMariaDb.get();
		}
		if (newestMysql.isPresent()) {
			throw new RunnerFailure(FailureKind.CLIENT_TOO_OLD,
					"The server runs MySQL " + serverVersion + ", but the newest mysqldump found is "
							+ newestMysql.get().versionText() + " (" + newestMysql.get().path()
							+ "). Install mysqldump "
							+ String.join(".", serverMinor.stream().map(String::valueOf).toList())
							+ " or newer (or mariadb-dump) and add its folder to clientDirectories.");
		}
		throw missing(tool, "MySQL " + serverVersion, searched);
	}

	private static RunnerFailure missing(String tool, String server, List<Path> searched) {
		return new RunnerFailure(FailureKind.CLIENT_TOO_OLD,
				"The server runs " + server + ", and no " + tool + " was found (searched: "
						+ String.join(", ", searched.stream().map(Path::toString).toList())
						+ "). Install the MariaDB or MySQL client tools and add their folder to clientDirectories.");
	}

	/** Compares version numbers part by part; a missing part counts as 0. */
	static int compare(List<Integer> left, List<Integer> right) {
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			int l = (i < left.size()) ? left.get(i) : 0;
			int r = (i < right.size()) ? right.get(i) : 0;
			if (l != r) {
				return Integer.compare(l, r);
			}
		}
		return 0;
	}

}
