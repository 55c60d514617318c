package io.strongroom.runner;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The database a restore test restores into, and the clean-up afterwards
 * ({@code VERIFY-CONTRACT.md}):
 * <ul>
 * <li>{@code existing}: the customer's verification database. It must hold no user tables
 * (nor schemas other than {@code public}, nor large objects: the restore would collide
 * with them), otherwise the restore test is skipped. What was there before is recorded,
 * and the clean-up drops exactly what the restore added.</li>
 * <li>{@code create}: a database {@code strongroom_verify_<UTC time>_<random>} created on
 * the URL's server through its maintenance database, dropped afterwards. A runner killed
 * before its clean-up leaves its database behind; the next {@code create} drops those
 * older than {@link #LEFTOVER_AGE} (no restore test runs that long) that nobody is
 * connected to.</li>
 * </ul>
 */
abstract class VerificationDatabase {

	/** The database cannot take a restore test: why, for a person. */
	static final class Unusable extends Exception {

		Unusable(String message) {
			super(message);
		}

	}

	static final String CREATED_PREFIX = "strongroom_verify_";

	/** When a created database is certainly left over from a killed runner. */
	static final Duration LEFTOVER_AGE = Duration.ofDays(2);

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Pattern CREATED_NAME = Pattern
		.compile(Pattern.quote(CREATED_PREFIX) + "(\\d{8}t\\d{6})_[0-9a-f]{8}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseUrl url;

	VerificationDatabase(DatabaseUrl url) {
		this.url = url;
	}

	/** Where to restore. */
	final DatabaseUrl url() {
		return this.url;
	}

	/** For messages: which database, without the password. */
	abstract String describe();

	/**
	 * Removes what the restore added (or the created database).
	 * @return what could not be removed, for the result's detail; empty when all is gone
	 */
	abstract List<String> cleanUp() throws RunnerFailure;

	/**
	 * Prepares the database for a restore test.
	 * @param mode existing or create
	 * @param url the verification database (existing) or the server's maintenance
	 * database (create)
	 * @throws Unusable when an existing database is not empty
	 * @throws RunnerFailure when the server cannot be reached or refuses
	 */
	static VerificationDatabase prepare(VerifySpec.Mode mode, DatabaseUrl url, Console console)
			throws Unusable, RunnerFailure {
		boolean postgres = url.engine() == Engine.POSTGRES;
		if (mode == VerifySpec.Mode.CREATE) {
			Instant now = Instant.now();
			String name = CREATED_PREFIX + CREATED_AT.format(now) + "_" + HexFormat.of().formatHex(randomBytes(4));
			DatabaseUrl created = new DatabaseUrl(url.engine(), url.host(), url.port(), url.user(), url.password(),
					name, url.parameters());
			try (Connection connection = Jdbc.connect(url); Statement statement = connection.createStatement()) {
				dropLeftovers(connection, postgres, now, console);
				statement.execute(postgres ? "CREATE DATABASE " + Jdbc.quotePostgres(name) + " TEMPLATE template0"
						: "CREATE DATABASE " + Jdbc.quoteMysql(name));
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, url, "creating the database " + name);
			}
			return new Created(url, created);
		}
		return postgres ? PostgresExisting.prepare(url) : MysqlExisting.prepare(url);
	}

	/**
	 * Drops the databases killed runners left behind. Never fails the restore test: a
	 * database that cannot be dropped now is tried again by the next one.
	 */
	private static void dropLeftovers(Connection connection, boolean postgres, Instant now, Console console) {
		List<String> dropped = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			List<String> names = new ArrayList<>();
			// only databases nobody is connected to: a restore test still running is left
			// alone
			try (ResultSet rs = statement.executeQuery(postgres
					? "SELECT datname FROM pg_database d WHERE datname LIKE 'strongroom\\_verify\\_%' AND NOT EXISTS "
							+ "(SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)"
					: "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE "
							+ "'strongroom\\_verify\\_%' AND schema_name NOT IN (SELECT db FROM information_schema.processlist "
							+ "WHERE db IS NOT NULL)")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			for (String name : names) {
				Instant created = createdAt(name);
				if (created != null && created.isBefore(now.minus(LEFTOVER_AGE))) {
					statement.execute(
							"DROP DATABASE IF EXISTS " + (postgres ? Jdbc.quotePostgres(name) : Jdbc.quoteMysql(name)));
					dropped.add(name);
				}
			}
		}
		catch (SQLException ex) {
			console.warn("could not drop the scratch databases earlier restore tests left behind (" + ex.getMessage()
					+ "); the next restore test tries again");
		}
		if (!dropped.isEmpty()) {
			console.info("dropped " + dropped.size() + " scratch database(s) left behind by restore tests that were "
					+ "killed: " + String.join(", ", dropped));
		}
	}

	/** When a database this class named was created, or null for another name. */
	static @Nullable Instant createdAt(String name) {
		Matcher matcher = CREATED_NAME.matcher(name);
		if (!matcher.matches()) {
			return null;
		}
		try {
			return Instant.from(CREATED_AT.parse(matcher.group(1)));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static String unusable(List<String> found) {
		int shown = Math.min(5, found.size());
		return "the verification database is not empty: it holds " + String.join(", ", found.subList(0, shown))
				+ ((found.size() > shown) ? " and " + (found.size() - shown) + " more" : "")
				+ ". Restore tests need an empty database; empty it or choose another one.";
	}

	/** A database this runner created, dropped afterwards with every connection to it. */
	static final class Created extends VerificationDatabase {

		private final DatabaseUrl maintenance;

		Created(DatabaseUrl maintenance, DatabaseUrl created) {
			super(created);
			this.maintenance = maintenance;
		}

		@Override
		String describe() {
			return "a new database " + url().database() + " on " + url().host() + ":" + url().port();
		}

		@Override
		List<String> cleanUp() throws RunnerFailure {
			String name = url().database();
			try (Connection connection = Jdbc.connect(this.maintenance);
					Statement statement = connection.createStatement()) {
				if (url().engine() == Engine.POSTGRES) {
					if (connection.getMetaData().getDatabaseMajorVersion() >= 13) {
						statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quotePostgres(name) + " WITH (FORCE)");
					}
					else {
						statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
								+ name + "'");
						statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quotePostgres(name));
					}
				}
				else {
					statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quoteMysql(name));
				}
				return List.of();
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, this.maintenance, "dropping the database " + name);
			}
		}

	}

	/**
	 * The customer's PostgreSQL verification database. Afterwards the schemas, extensions
	 * and publications the restore created are dropped (schemas with CASCADE), then the
	 * objects it added to {@code public} and the large objects.
	 */
	static final class PostgresExisting extends VerificationDatabase {

		private static final String SYSTEM = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'";

		private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s "
				+ "AND d.classid = '%s'::regclass AND d.deptype = 'e')";

		/**
		 * Objects in public: relations, routines, standalone types, as droppable names.
		 */
		private static final String PUBLIC_OBJECTS = """
				SELECT 'r:' || c.relkind::text || ':' || c.oid::regclass::text FROM pg_class c
				  JOIN pg_namespace n ON n.oid = c.relnamespace
				  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND %s
				UNION ALL
				SELECT 'f:' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				  WHERE n.nspname = 'public' AND %s
				UNION ALL
				SELECT 't:' || t.typtype::text || ':' || t.oid::regtype::text FROM pg_type t
				  JOIN pg_namespace n ON n.oid = t.typnamespace
				  WHERE n.nspname = 'public' AND t.typtype IN ('c', 'd', 'e', 'r', 'm') AND %s
				    AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
				""".formatted(NOT_EXTENSION_MEMBER.formatted("c.oid", "pg_class"),
				NOT_EXTENSION_MEMBER.formatted("p.oid", "pg_proc"), NOT_EXTENSION_MEMBER.formatted("t.oid", "pg_type"));

		private final Snapshot before;

		private PostgresExisting(DatabaseUrl url, Snapshot before) {
			super(url);
			this.before = before;
		}

		static VerificationDatabase prepare(DatabaseUrl url) throws Unusable, RunnerFailure {
			try (Connection connection = Jdbc.connect(url); Statement statement = connection.createStatement()) {
				// regclass and regprocedure print schema-qualified, quoted names then
				statement.execute("SET search_path TO pg_catalog");
				List<String> found = new ArrayList<>(strings(statement, "SELECT c.oid::regclass::text FROM pg_class c "
						+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
						+ "AND " + SYSTEM + " AND " + NOT_EXTENSION_MEMBER.formatted("c.oid", "pg_class")
						+ " ORDER BY 1"));
				for (String schema : strings(statement,
						"SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM + " AND n.nspname <> 'public' AND "
								+ NOT_EXTENSION_MEMBER.formatted("n.oid", "pg_namespace") + " ORDER BY 1")) {
					found.add("the schema " + schema);
				}
				long largeObjects = Long
					.parseLong(strings(statement, "SELECT count(*) FROM pg_largeobject_metadata").get(0));
				if (largeObjects > 0) {
					found.add(largeObjects + " large objects");
				}
				if (!found.isEmpty()) {
					throw new Unusable(unusable(found));
				}
				return new PostgresExisting(url, Snapshot.of(statement));
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, url, "checking the verification database");
			}
		}

		@Override
		String describe() {
			return "the verification database " + url();
		}

		@Override
		List<String> cleanUp() throws RunnerFailure {
			try (Connection connection = Jdbc.connect(url()); Statement statement = connection.createStatement()) {
				statement.execute("SET search_path TO pg_catalog");
				Snapshot after = Snapshot.of(statement);
				for (String schema : after.added(this.before.schemas(), after.schemas())) {
					statement.execute("DROP SCHEMA IF EXISTS " + Jdbc.quotePostgres(schema) + " CASCADE");
				}
				for (String publication : after.added(this.before.publications(), after.publications())) {
					statement.execute("DROP PUBLICATION IF EXISTS " + Jdbc.quotePostgres(publication));
				}
				for (String extension : after.added(this.before.extensions(), after.extensions())) {
					statement.execute("DROP EXTENSION IF EXISTS " + Jdbc.quotePostgres(extension) + " CASCADE");
				}
				// what is left in public after the cascades, views before the tables
				// under them
				Snapshot remaining = Snapshot.of(statement);
				List<String> added = new ArrayList<>(
						remaining.added(this.before.publicObjects(), remaining.publicObjects()));
				added.sort((a, b) -> Integer.compare(dropOrder(a), dropOrder(b)));
				for (String object : added) {
					statement.execute(drop(object));
				}
				statement.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
				Snapshot last = Snapshot.of(statement);
				List<String> left = new ArrayList<>();
				left.addAll(last.added(this.before.schemas(), last.schemas()));
				left.addAll(last.added(this.before.publicObjects(), last.publicObjects())
					.stream()
					.map((object) -> object.substring(object.lastIndexOf(':') + 1))
					.toList());
				return left;
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, url(), "removing the restored objects");
			}
		}

		private static int dropOrder(String object) {
			return switch (object.substring(0, Math.min(4, object.length()))) {
				case "r:v:", "r:m:" -> 0;
				case "r:r:", "r:p:", "r:f:" -> 1;
				case "r:S:" -> 2;
				default -> object.startsWith("f:") ? 3 : 4;
			};
		}

		/** The statement dropping one object of {@link #PUBLIC_OBJECTS}. */
		static String drop(String object) {
			String[] parts = object.split(":", 3);
			if (parts[0].equals("f")) {
				return "DROP ROUTINE IF EXISTS " + object.substring(2) + " CASCADE";
			}
			String kind = switch (parts[0] + parts[1]) {
				case "rv" -> "VIEW";
				case "rm" -> "MATERIALIZED VIEW";
				case "rf" -> "FOREIGN TABLE";
				case "rS" -> "SEQUENCE";
				case "td" -> "DOMAIN";
				case "tc", "te", "tr", "tm" -> "TYPE";
				default -> "TABLE";
			};
			return "DROP " + kind + " IF EXISTS " + parts[2] + " CASCADE";
		}

		/** The objects of a database that a restore may add. */
		record Snapshot(Set<String> schemas, Set<String> extensions, Set<String> publications,
				Set<String> publicObjects) {

			static Snapshot of(Statement statement) throws SQLException {
				return new Snapshot(
						new LinkedHashSet<>(strings(statement,
								"SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM + " AND n.nspname <> 'public'")),
						new LinkedHashSet<>(strings(statement, "SELECT extname FROM pg_extension")),
						new LinkedHashSet<>(strings(statement, "SELECT pubname FROM pg_publication")),
						new LinkedHashSet<>(strings(statement, PUBLIC_OBJECTS)));
			}

			List<String> added(Set<String> before, Set<String> now) {
				return now.stream().filter((item) -> !before.contains(item)).toList();
			}

		}

	}

	/**
	 * The customer's MySQL/MariaDB verification database. Afterwards the tables, views,
	 * sequences, routines and events the restore added are dropped.
	 */
	static final class MysqlExisting extends VerificationDatabase {

		private final Set<String> before;

		private MysqlExisting(DatabaseUrl url, Set<String> before) {
			super(url);
			this.before = before;
		}

		static VerificationDatabase prepare(DatabaseUrl url) throws Unusable, RunnerFailure {
			try (Connection connection = Jdbc.connect(url); Statement statement = connection.createStatement()) {
				MysqlDump.requireDatabase(connection, url);
				Set<String> objects = objects(statement, url.database());
				List<String> tables = objects.stream()
					.filter((object) -> object.startsWith("TABLE:"))
					.map((object) -> url.database() + "." + object.substring(object.lastIndexOf(':') + 1))
					.toList();
				if (!tables.isEmpty()) {
					throw new Unusable(unusable(tables));
				}
				return new MysqlExisting(url, objects);
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, url, "checking the verification database");
			}
		}

		@Override
		String describe() {
			return "the verification database " + url();
		}

		@Override
		List<String> cleanUp() throws RunnerFailure {
			String database = url().database();
			try (Connection connection = Jdbc.connect(url()); Statement statement = connection.createStatement()) {
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
				List<String> added = new ArrayList<>(objects(statement, database));
				added.removeAll(this.before);
				// views first: they may name the tables
				added.sort((a, b) -> Boolean.compare(!a.startsWith("TABLE:VIEW:"), !b.startsWith("TABLE:VIEW:")));
				for (String object : added) {
					String[] parts = object.split(":", 3);
					String kind = switch (parts[0] + ":" + parts[1]) {
						case "TABLE:VIEW" -> "VIEW";
						case "TABLE:SEQUENCE" -> "SEQUENCE";
						case "ROUTINE:PROCEDURE" -> "PROCEDURE";
						case "ROUTINE:FUNCTION" -> "FUNCTION";
						case "EVENT:EVENT" -> "EVENT";
						default -> "TABLE";
					};
					statement.execute("DROP " + kind + " IF EXISTS " + Jdbc.quoteMysql(database) + "."
							+ Jdbc.quoteMysql(parts[2]));
				}
				List<String> left = new ArrayList<>(objects(statement, database));
				left.removeAll(this.before);
				return left.stream().map((object) -> object.substring(object.lastIndexOf(':') + 1)).toList();
			}
			catch (SQLException ex) {
				throw DumpFailures.fromSql(ex, url(), "removing the restored objects");
			}
		}

		/**
		 * {@code TABLE:<type>:<name>}, {@code ROUTINE:<type>:<name>},
		 * {@code EVENT:EVENT:<name>}.
		 */
		private static Set<String> objects(Statement statement, String database) throws SQLException {
			String schema = "'" + database.replace("\\", "\\\\").replace("'", "''") + "'";
			Set<String> objects = new LinkedHashSet<>();
			objects.addAll(strings(statement, "SELECT CONCAT('TABLE:', CASE TABLE_TYPE WHEN 'VIEW' THEN 'VIEW' "
					+ "WHEN 'SEQUENCE' THEN 'SEQUENCE' ELSE 'BASE' END, ':', TABLE_NAME) FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = " + schema));
			objects.addAll(strings(statement, "SELECT CONCAT('ROUTINE:', ROUTINE_TYPE, ':', ROUTINE_NAME) "
					+ "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = " + schema));
			objects
				.addAll(strings(statement, "SELECT CONCAT('EVENT:EVENT:', EVENT_NAME) FROM information_schema.EVENTS "
						+ "WHERE EVENT_SCHEMA = " + schema));
			return objects;
		}

	}

	static List<String> strings(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
