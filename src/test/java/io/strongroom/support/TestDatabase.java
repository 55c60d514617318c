package io.strongroom.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real databases for tests, chosen in this one place: Testcontainers where Docker runs,
 * the machine's local PostgreSQL and MariaDB otherwise
 * ({@code TEST_DB_MODE=docker|local|auto}). Every call to {@link #create} makes a fresh,
 * uniquely named database that is dropped when the JVM exits, so test JVMs and parallel
 * work trees never share state.
 * <p>
 * An unreachable service aborts the test on a laptop, but fails it where
 * {@code TEST_REQUIRE} names the service or {@code CI} is set (restic's
 * {@code RESTIC_TEST_DISALLOW_SKIP}).
 */
public final class TestDatabase {

	public enum Engine {

		POSTGRES, MARIADB

	}

	/** Coordinates of one fresh database; {@link #url()} is the engine's own URL form. */
	public record Coordinates(Engine engine, String host, int port, String user, String password, String name) {

		public String jdbcUrl() {
			return switch (this.engine) {
				case POSTGRES -> "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
				case MARIADB -> "jdbc:mariadb://" + this.host + ":" + this.port + "/" + this.name;
			};
		}

		/**
		 * The URL a customer would give Strongroom: {@code postgres://...} or
		 * {@code mysql://...}.
		 */
		public String url() {
			String credentials = this.password.isEmpty() ? this.user : this.user + ":" + this.password;
			String scheme = (this.engine == Engine.POSTGRES) ? "postgres" : "mysql";
			return scheme + "://" + credentials + "@" + this.host + ":" + this.port + "/" + this.name;
		}

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(jdbcUrl(), this.user, this.password);
		}

	}

	static final boolean DOCKER = switch (System.getenv().getOrDefault("TEST_DB_MODE", "auto")) {
		case "docker" -> true;
		case "local" -> false;
		default -> dockerAvailable();
	};

	private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

	private static volatile Server postgres;

	private static volatile Server mariadb;

	private TestDatabase() {
	}

	/** A fresh PostgreSQL database, dropped when the JVM exits. */
	public static Coordinates postgres() {
		return create(Engine.POSTGRES);
	}

	/** A fresh MariaDB database, dropped when the JVM exits. */
	public static Coordinates mariadb() {
		return create(Engine.MARIADB);
	}

	public static synchronized Coordinates create(Engine engine) {
		Server server = server(engine);
		String name = "strongroom_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(server, engine, "CREATE DATABASE " + name);
		CREATED.add(engine + ":" + name);
		Coordinates db = new Coordinates(engine, server.host(), server.port(), server.user(), server.password(), name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, db)));
		return db;
	}

	/**
	 * Drops a database made by {@link #create}; the shutdown hook does it if a test
	 * doesn't.
	 */
	public static void drop(Coordinates db) {
		drop(server(db.engine()), db);
	}

	private static void drop(Server server, Coordinates db) {
		if (!CREATED.remove(db.engine() + ":" + db.name())) {
			return;
		}
		// At JVM exit a Spring context may still be closing its pool: wait for it rather
		// than
		// pulling connections from under it, and force only as a last resort.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			try {
				execute(server, db.engine(), "DROP DATABASE IF EXISTS " + db.name());
				return;
			}
			catch (RuntimeException ex) {
				sleep(200);
			}
		}
		try {
			execute(server, db.engine(),
					(db.engine() == Engine.POSTGRES) ? "DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)"
							: "DROP DATABASE IF EXISTS " + db.name());
		}
		catch (RuntimeException ex) {
			System.err.println("Could not drop test database " + db.name() + ": " + ex.getMessage());
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Server server(Engine engine) {
		return switch (engine) {
			case POSTGRES -> {
				if (postgres == null) {
					postgres = DOCKER ? Server.postgresContainer() : Server.local(engine);
				}
				yield postgres;
			}
			case MARIADB -> {
				if (mariadb == null) {
					mariadb = DOCKER ? Server.mariadbContainer() : Server.local(engine);
				}
				yield mariadb;
			}
		};
	}

	private static void execute(Server server, Engine engine, String sql) {
		try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(engine), server.user(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database statement failed (" + sql + "): " + ex.getMessage(), ex);
		}
	}

	/** Fails instead of skipping where the service is required (CI, or TEST_REQUIRE). */
	static RuntimeException unavailable(String service, String detail) {
		Set<String> required = Arrays.stream(System.getenv().getOrDefault("TEST_REQUIRE", "").split(","))
			.map(String::trim)
			.map((s) -> s.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		String message = service + " is not reachable for tests (" + detail
				+ "). Start it (see README, 'Running the tests') or run with Docker.";
		if (required.contains(service) || System.getenv("CI") != null) {
			return new IllegalStateException(message);
		}
		return new TestAbortedException(message);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	record Server(String host, int port, String user, String password) {

		String adminJdbcUrl(Engine engine) {
			return switch (engine) {
				case POSTGRES -> "jdbc:postgresql://" + this.host + ":" + this.port + "/postgres";
				case MARIADB -> "jdbc:mariadb://" + this.host + ":" + this.port + "/";
			};
		}

		static Server local(Engine engine) {
			String url = switch (engine) {
				case POSTGRES -> System.getenv().getOrDefault("TEST_PG_URL", "postgres://postgres@127.0.0.1:5432");
				case MARIADB -> System.getenv().getOrDefault("TEST_MARIADB_URL", "mysql://root@127.0.0.1:3306");
			};
			java.net.URI uri = java.net.URI.create(url);
			String userInfo = (uri.getUserInfo() != null) ? uri.getUserInfo() : "";
			String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
			String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
			Server server = new Server(uri.getHost(), uri.getPort(), user, password);
			try (Connection ignored = DriverManager.getConnection(server.adminJdbcUrl(engine), user, password)) {
				return server;
			}
			catch (SQLException ex) {
				throw unavailable((engine == Engine.POSTGRES) ? "postgres" : "mariadb", ex.getMessage());
			}
		}

		@SuppressWarnings("resource")
		static Server postgresContainer() {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + LocalTools.pgDumpMajor());
			container.start();
			return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
					container.getPassword());
		}

		@SuppressWarnings("resource")
		static Server mariadbContainer() {
			MariaDBContainer container = new MariaDBContainer("mariadb:10.11").withUsername("root");
			container.start();
			return new Server(container.getHost(), container.getFirstMappedPort(), "root", container.getPassword());
		}

	}

}
