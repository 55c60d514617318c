package io.strongroom.runner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the {@code pg_dump}/{@code pg_restore} to run. pg_dump refuses servers of a
 * newer major version, and an archive made by a newer pg_dump can only be read by a
 * pg_restore at least as new. So the rule is: the <em>lowest</em> major version that is
 * at least the server's (the newest minor release of it), which keeps the archive
 * readable by the oldest pg_restore that can restore it into that server. Ties go to the
 * first folder in the list.
 */
final class PgClients {

	/** Debian's wrapper script picks a version itself; real binaries are preferred. */
	private static final String DEBIAN_WRAPPER = "pg_wrapper";

	private PgClients() {
	}

	/**
	 * {@code /usr/lib/postgresql/<version>/bin}, newest first, then the folders on
	 * {@code PATH}.
	 */
	static List<Path> defaultDirectories() {
		List<Path> directories = new ArrayList<>();
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			List<Path> versions = new ArrayList<>();
			try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
				for (Path child : children) {
					if (Files.isDirectory(child.resolve("bin"))) {
						versions.add(child.resolve("bin"));
					}
				}
			}
			catch (IOException ex) {
				// an unreadable folder only removes candidates; PATH still counts
				versions.clear();
			}
			versions.sort(Comparator.comparing((Path bin) -> versionNumber(bin.getParent().getFileName().toString()))
				.reversed());
			directories.addAll(versions);
		}
		directories.addAll(ClientBinary.pathDirectories());
		return directories;
	}

	static List<Path> directoriesOrDefault(List<Path> configured) {
		return configured.isEmpty() ? defaultDirectories() : configured;
	}

	/**
	 * The tools named {@code tool} in the folders, Debian's wrapper only as a fallback
	 * (and then not even asked for its version, which costs a Perl start).
	 */
	static List<ClientBinary> discover(List<Path> directories, String tool) {
		List<Path> all = ClientBinary.find(directories, List.of(tool));
		List<Path> real = all.stream()
			.filter((path) -> !ClientBinary.realPath(path).getFileName().toString().equals(DEBIAN_WRAPPER))
			.toList();
		return ClientBinary.withVersions(real.isEmpty() ? all : real);
	}

	/**
	 * Picks the client for a server (a pure function, see the class comment).
	 * @param tool {@code pg_dump} or {@code pg_restore}, for the message
	 * @param serverVersionNumber the server's {@code server_version_num}, e.g. 150020
	 * @param serverVersion the server's version for messages, e.g. {@code 15.20}
	 * @param candidates the clients found
	 * @param searched the folders searched, for the message
	 * @return the client to run
	 * @throws RunnerFailure {@link FailureKind#CLIENT_TOO_OLD} naming the server's
	 * version and the newest client's
	 */
	static ClientBinary pick(String tool, int serverVersionNumber, String serverVersion, List<ClientBinary> candidates,
			List<Path> searched) throws RunnerFailure {
		int serverMajor = major(serverVersionNumber);
		Optional<ClientBinary> best = candidates.stream()
			.filter((candidate) -> major(versionNumberOf(candidate)) >= serverMajor)
			.min(Comparator.comparingInt((ClientBinary candidate) -> major(versionNumberOf(candidate)))
				.thenComparing(Comparator.comparingInt(PgClients::versionNumberOf).reversed()));
		if (best.isPresent()) {
			return best.get();
		}
		String wanted = majorText(serverVersionNumber);
		String install = " Install " + tool + " " + wanted + " or newer (Debian/Ubuntu: postgresql-client-" + wanted
				+ ") and add its folder to clientDirectories.";
		Optional<ClientBinary> newest = candidates.stream().max(Comparator.comparingInt(PgClients::versionNumberOf));
		if (newest.isEmpty()) {
			throw new RunnerFailure(FailureKind.CLIENT_TOO_OLD, "The server runs PostgreSQL " + serverVersion
					+ ", and no " + tool + " was found (searched: " + describe(searched) + ")." + install);
		}
		throw new RunnerFailure(FailureKind.CLIENT_TOO_OLD,
				"The server runs PostgreSQL " + serverVersion + ", but the newest " + tool + " found is "
						+ newest.get().versionText() + " (" + newest.get().path() + "), and " + tool
						+ " cannot work with a server of a newer major version." + install);
	}

	/**
	 * {@code server_version_num}-style number of a client: 15.20 is 150020, 9.6.24 is
	 * 90624.
	 */
	static int versionNumberOf(ClientBinary binary) {
		return versionNumber(binary.version());
	}

	static int versionNumber(String text) {
		return versionNumber(ClientBinary.parseVersion(text));
	}

	static int versionNumber(List<Integer> parts) {
		if (parts.isEmpty()) {
			return 0;
		}
		int first = parts.get(0);
		int second = (parts.size() > 1) ? parts.get(1) : 0;
		if (first >= 10) {
			return first * 10000 + second;
		}
		int third = (parts.size() > 2) ? parts.get(2) : 0;
		return first * 10000 + second * 100 + third;
	}

	/**
	 * The major version as a number that orders across the 10.0 change: 1500 for 150020,
	 * 906 for 90624.
	 */
	static int major(int versionNumber) {
		return (versionNumber >= 100000) ? versionNumber / 10000 * 100 : versionNumber / 100;
	}

	/** The major version as people write it: {@code 15}, {@code 9.6}. */
	static String majorText(int versionNumber) {
		return (versionNumber >= 100000) ? Integer.toString(versionNumber / 10000)
				: (versionNumber / 10000) + "." + (versionNumber / 100 % 100);
	}

	private static String describe(List<Path> directories) {
		return String.join(", ", directories.stream().map(Path::toString).toList());
	}

}
