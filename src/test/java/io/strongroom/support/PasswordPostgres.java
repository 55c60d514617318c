package io.strongroom.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster that checks passwords (SCRAM), for the tests that need a
 * wrong password to be refused: the machine's own server trusts 127.0.0.1. Started once
 * per JVM with the machine's {@code initdb} and {@code pg_ctl} on a free port, stopped
 * and deleted when the JVM exits. Missing binaries abort the test, or fail it where
 * {@code TEST_REQUIRE} names postgres (see {@link TestDatabase}).
 */
public final class PasswordPostgres {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static volatile Cluster cluster;

	private PasswordPostgres() {
	}

	/** A fresh database owned by a fresh login role with a random password. */
	public static TestDatabase.Coordinates create() {
		Cluster server = cluster();
		String name = "pw_" + HexFormat.of().formatHex(randomBytes(6));
		String password = HexFormat.of().formatHex(randomBytes(16));
		server.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
		server.execute("CREATE DATABASE " + name + " OWNER " + name);
		return new TestDatabase.Coordinates(TestDatabase.Engine.POSTGRES, "127.0.0.1", server.port, name, password,
				name);
	}

	/** Changes the role's password under whoever uses the old one. */
	public static TestDatabase.Coordinates changePassword(TestDatabase.Coordinates db, String newPassword) {
		cluster().execute("ALTER ROLE " + db.user() + " PASSWORD '" + newPassword.replace("'", "''") + "'");
		return new TestDatabase.Coordinates(db.engine(), db.host(), db.port(), db.user(), newPassword, db.name());
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static Cluster cluster() {
		Cluster current = cluster;
		if (current == null) {
			synchronized (PasswordPostgres.class) {
				current = cluster;
				if (current == null) {
					current = Cluster.start();
					cluster = current;
				}
			}
		}
		return current;
	}

	private record Cluster(Path directory, Path bin, int port, String superPassword) {

		static Cluster start() {
			Path bin = binDirectory();
			try {
				Path directory = Files.createTempDirectory("strongroom-pwpg-",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				String superPassword = HexFormat.of().formatHex(randomBytes(16));
				Path passwordFile = directory.resolve("pwfile");
				Files.writeString(passwordFile, superPassword + "\n", StandardCharsets.UTF_8);
				if (isRoot()) {
					// initdb refuses to run as root; the cluster belongs to the postgres
					// user.
					run(List.of("chown", "-R", "postgres", directory.toString()));
				}
				Path data = directory.resolve("data");
				run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
						"--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync", "-E", "UTF8")));
				int port = freePort();
				run(asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
						directory.resolve("log").toString(), "-o",
						"-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start")));
				Cluster started = new Cluster(directory, bin, port, superPassword);
				Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "password-postgres-stop"));
				return started;
			}
			catch (IOException ex) {
				throw TestDatabase.unavailable("postgres", "a private PostgreSQL cluster: " + ex.getMessage());
			}
		}

		void execute(String sql) {
			try (Connection connection = DriverManager.getConnection(
					"jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", this.superPassword);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Private PostgreSQL refused: " + ex.getMessage(), ex);
			}
		}

		void stop() {
			try {
				run(asOwner(List.of(this.bin.resolve("pg_ctl").toString(), "-D",
						this.directory.resolve("data").toString(), "-m", "immediate", "stop")));
			}
			catch (IOException ex) {
				System.err.println("Could not stop the private PostgreSQL: " + ex.getMessage());
			}
			try (Stream<Path> paths = Files.walk(this.directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				System.err.println("Could not delete " + this.directory + ": " + ex.getMessage());
			}
		}

		private static Path binDirectory() {
			try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
				return versions.map((version) -> version.resolve("bin"))
					.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
					.max(Comparator.comparingInt(Cluster::major))
					.orElseThrow(() -> TestDatabase.unavailable("postgres", "no initdb under /usr/lib/postgresql"));
			}
			catch (IOException ex) {
				throw TestDatabase.unavailable("postgres", "no /usr/lib/postgresql: " + ex.getMessage());
			}
		}

		private static int major(Path bin) {
			String version = bin.getParent().getFileName().toString();
			return version.chars().allMatch(Character::isDigit) ? Integer.parseInt(version) : 0;
		}

		private static boolean isRoot() {
			return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
		}

		private static List<String> asOwner(List<String> command) {
			if (!isRoot()) {
				return command;
			}
			List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
			wrapped.addAll(command);
			return wrapped;
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

		private static void run(List<String> command) throws IOException {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IOException("'" + String.join(" ", command) + "' failed: " + output.strip());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted", ex);
			}
		}

	}

}
