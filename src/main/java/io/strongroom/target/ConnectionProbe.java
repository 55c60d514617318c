package io.strongroom.target;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.strongroom.runner.DatabaseUrl;
import io.strongroom.runner.DumpClients;
import io.strongroom.runner.Engine;
import io.strongroom.runner.FailureKind;

/**
 * "Test connection": connects the way the runner will (credentials as driver properties,
 * never in a URL string), reads the server version, checks that every table the dump will
 * read is readable, warns when the user may write, and names the dump tool a runner will
 * run for this server (local launcher: the binary and its version, picked by the runner's
 * own rules; on a dyno only the version needed). Never runs a dump. Messages are passed
 * through {@link DatabaseUrl#mask} before they leave.
 */
final class ConnectionProbe {

	private static final int TIMEOUT_SECONDS = 10;

	/**
	 * Tables read by one MySQL statement: 10,000 tables take 100 round trips, and a
	 * statement stays far below the server's packet limit.
	 */
	private static final int READ_CHECK_BATCH = 100;

	private ConnectionProbe() {
	}

	/**
	 * Where runners look for dump tools: on this machine (local launcher) in
	 * {@code directories} (empty: the runner's default), or on a one-off dyno, whose
	 * tools cannot be seen from here.
	 */
	record Clients(boolean onThisMachine, List<Path> directories) {

	}

	static ConnectionReport probe(DatabaseUrl url, Clients clients, DumpScope scope) {
		String engine = url.engine().name().toLowerCase(Locale.ROOT);
		try (Connection connection = connect(url)) {
			return (url.engine() == Engine.POSTGRES) ? postgres(connection, engine, clients, scope)
					: mysql(connection, url, engine, clients, scope);
		}
		catch (SQLException ex) {
			FailureKind kind = classify(ex);
			return new ConnectionReport(false, engine, null, null, null, null, 0, List.of(), List.of(), List.of(),
					false, List.of(), kind.name(), url.mask(describe(kind, ex)));
		}
	}

	private static ConnectionReport postgres(Connection connection, String engine, Clients clients, DumpScope scope)
			throws SQLException {
		String version;
		int versionNumber;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select current_setting('server_version'), current_setting('server_version_num')::int")) {
			rs.next();
			version = rs.getString(1);
			versionNumber = rs.getInt(2);
		}
		int tables = 0;
		List<String> unreadableTables = new ArrayList<>();
		List<String> unreadableSequences = new ArrayList<>();
		Set<String> schemasWithoutUsage = new TreeSet<>();
		boolean canWrite = false;
		// pg_dump locks and reads every table, and reads every sequence, it dumps: each
		// needs SELECT and USAGE on its schema. An identity sequence goes with its table.
		// A materialized view needs no SELECT: pg_dump writes its definition and a
		// REFRESH, never its rows.
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select n.nspname, c.relname, c.relkind = 'S', has_schema_privilege(n.oid, 'USAGE'),
				       case when c.relkind = 'S' then has_sequence_privilege(c.oid, 'SELECT')
				            when c.relkind = 'm' then true
				            else has_table_privilege(c.oid, 'SELECT') end,
				       c.relkind <> 'S' and has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE'),
				       tn.nspname, t.relname
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				left join pg_depend d on c.relkind = 'S' and d.classid = 'pg_class'::regclass and d.objid = c.oid
				  and d.refclassid = 'pg_class'::regclass and d.deptype = 'i'
				left join pg_class t on t.oid = d.refobjid
				left join pg_namespace tn on tn.oid = t.relnamespace
				where c.relkind in ('r', 'p', 'm', 'S')
				  and n.nspname not in ('pg_catalog', 'information_schema')
				  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
				order by 1, 2""")) {
			while (rs.next()) {
				String schema = rs.getString(1);
				String name = rs.getString(2);
				boolean sequence = rs.getBoolean(3);
				// the user may change data in tables the backup leaves out too
				canWrite |= rs.getBoolean(6);
				String identityOf = rs.getString(8);
				if (!scope.dumps(schema, name) || (identityOf != null && !scope.dumps(rs.getString(7), identityOf))) {
					continue;
				}
				tables += sequence ? 0 : 1;
				if (!rs.getBoolean(4)) {
					schemasWithoutUsage.add(schema);
				}
				if (!rs.getBoolean(5)) {
					(sequence ? unreadableSequences : unreadableTables).add(schema + "." + name);
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
			canWrite |= rs.next() && rs.getBoolean(1);
		}
		List<String> warnings = new ArrayList<>();
		if (canWrite) {
			warnings.add("This user may change data. A read-only user is safer for backups:"
					+ " GRANT pg_read_all_data TO a new role, and use that role's URL.");
		}
		String needed = "pg_dump " + (versionNumber / 10000) + " or newer (pg_dump refuses servers newer than itself)";
		DumpClients.Choice choice = clients.onThisMachine()
				? DumpClients.forPostgres(versionNumber, version.split(" ")[0], clients.directories()) : null;
		return report(engine, version, needed, choice, tables,
				new MissingGrants(unreadableTables, unreadableSequences, List.copyOf(schemasWithoutUsage)), canWrite,
				warnings);
	}

	private static ConnectionReport mysql(Connection connection, DatabaseUrl url, String engine, Clients clients,
			DumpScope scope) throws SQLException {
		String version;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version()")) {
			rs.next();
			version = rs.getString(1);
		}
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'"
						+ " order by table_name")) {
			statement.setString(1, url.database());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (!scope.excludesTable(url.database(), rs.getString(1))) {
						names.add(rs.getString(1));
					}
				}
			}
		}
		List<String> unreadable = new ArrayList<>();
		for (int from = 0; from < names.size(); from += READ_CHECK_BATCH) {
			findUnreadable(connection, url.database(),
					names.subList(from, Math.min(names.size(), from + READ_CHECK_BATCH)), unreadable);
		}
		List<String> grants = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show grants")) {
			while (rs.next()) {
				grants.add(rs.getString(1));
			}
		}
		boolean canWrite = MysqlGrants.allowWriting(grants, url.database());
		List<String> warnings = new ArrayList<>();
		if (canWrite) {
			warnings.add("This user may change data. A read-only user is safer for backups: GRANT SELECT, SHOW VIEW,"
					+ " TRIGGER, EVENT, LOCK TABLES ON the database to a new user, and use that user's URL.");
		}
		boolean mariadb = version.toLowerCase(Locale.ROOT).contains("mariadb");
		String needed = mariadb ? "mariadb-dump (MariaDB " + version.replaceAll("-.*", "") + " or newer)"
				: "mysqldump (MySQL " + version.replaceAll("-.*", "") + " or newer)";
		DumpClients.Choice choice = clients.onThisMachine() ? DumpClients.forMysql(version, clients.directories())
				: null;
		return report(mariadb ? "mariadb" : engine, version, needed, choice, names.size(),
				new MissingGrants(unreadable, List.of(), List.of()), canWrite, warnings);
	}

	/**
	 * Adds the tables of {@code names} the user may not read to {@code unreadable}: one
	 * statement reads them all (nothing, {@code where false}), and only a batch that is
	 * refused is split in halves, so a few unreadable tables among thousands cost a few
	 * dozen round trips, not thousands.
	 */
	private static void findUnreadable(Connection connection, String database, List<String> names,
			List<String> unreadable) throws SQLException {
		if (readable(connection, database, names)) {
			return;
		}
		if (names.size() == 1) {
			unreadable.add(database + "." + names.get(0));
			return;
		}
		int half = names.size() / 2;
		findUnreadable(connection, database, names.subList(0, half), unreadable);
		findUnreadable(connection, database, names.subList(half, names.size()), unreadable);
	}

	private static boolean readable(Connection connection, String database, List<String> names) throws SQLException {
		String sql = names.stream()
			.map((name) -> "select 1 from " + quote(database) + "." + quote(name) + " where false")
			.collect(Collectors.joining(" union all "));
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(sql).close();
			return true;
		}
		catch (SQLException ex) {
			if (ex instanceof SQLNonTransientConnectionException || String.valueOf(ex.getSQLState()).startsWith("08")) {
				// the connection is gone: that says nothing about the tables
				throw ex;
			}
			return false;
		}
	}

	private static ConnectionReport report(String engine, String version, String needed,
			DumpClients.@Nullable Choice choice, int tables, MissingGrants missing, boolean canWrite,
			List<String> warnings) {
		String client = needed;
		String path = null;
		String clientVersion = null;
		if (choice == null) {
			client = needed + ", on your app's one-off dyno (its tools cannot be seen from here)";
		}
		else if (choice.path() != null) {
			path = choice.path().toString();
			clientVersion = choice.version();
			client = path + " (" + clientVersion + ")";
		}
		if (!missing.none()) {
			return new ConnectionReport(false, engine, version, client, path, clientVersion, tables, missing.tables(),
					missing.sequences(), missing.schemas(), canWrite, List.copyOf(warnings),
					FailureKind.PERMISSION_DENIED.name(), missing.message());
		}
		if (choice != null && choice.path() == null) {
			// No tool here can dump this server: the backup would fail the same way.
			return new ConnectionReport(false, engine, version, needed, null, null, tables, List.of(), List.of(),
					List.of(), canWrite, List.copyOf(warnings), FailureKind.CLIENT_TOO_OLD.name(), choice.problem());
		}
		return new ConnectionReport(true, engine, version, client, path, clientVersion, tables, List.of(), List.of(),
				List.of(), canWrite, List.copyOf(warnings), null, null);
	}

	/**
	 * What the user lacks for objects the backup reads ({@code schema.name}; schemas by
	 * name). Any of them makes the dump fail.
	 */
	record MissingGrants(List<String> tables, List<String> sequences, List<String> schemas) {

		MissingGrants {
			tables = List.copyOf(tables);
			sequences = List.copyOf(sequences);
			schemas = List.copyOf(schemas);
		}

		boolean none() {
			return this.tables.isEmpty() && this.sequences.isEmpty() && this.schemas.isEmpty();
		}

		String message() {
			List<String> lacks = new ArrayList<>();
			if (!this.tables.isEmpty()) {
				lacks.add("SELECT on " + this.tables.size() + " table(s)");
			}
			if (!this.sequences.isEmpty()) {
				lacks.add("SELECT on " + this.sequences.size() + " sequence(s)");
			}
			if (!this.schemas.isEmpty()) {
				lacks.add("USAGE on schema(s) " + String.join(", ", this.schemas));
			}
			String advice = this.schemas.isEmpty() && this.sequences.isEmpty()
					? "Grant SELECT on them, or exclude them" + " (excludeTables)."
					: "Grant what is missing (GRANT pg_read_all_data covers it), or leave those objects out:"
							+ " excludeTables for tables and sequences, the excludeSchemas option for schemas.";
			return "The user lacks " + String.join(", ", lacks) + "; the backup would fail. " + advice;
		}

	}

	private static Connection connect(DatabaseUrl url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", url.user());
		properties.setProperty("password", url.password().value());
		if (url.engine() == Engine.POSTGRES) {
			properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
			properties.setProperty("socketTimeout", "60");
			properties.setProperty("ApplicationName", "strongroom-test");
			for (String name : new String[] { "sslmode", "sslrootcert" }) {
				String value = url.parameters().get(name);
				if (value != null) {
					properties.setProperty(name, value);
				}
			}
			return new org.postgresql.Driver().connect(
					"jdbc:postgresql://" + host(url) + ":" + url.port() + "/"
							+ java.net.URLEncoder.encode(url.database(), java.nio.charset.StandardCharsets.UTF_8),
					properties);
		}
		properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS * 1000));
		properties.setProperty("socketTimeout", "60000");
		return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://" + host(url) + ":" + url.port() + "/",
				properties);
	}

	private static String host(DatabaseUrl url) {
		return url.host().contains(":") ? "[" + url.host() + "]" : url.host();
	}

	private static String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	static FailureKind classify(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		int code = ex.getErrorCode();
		if (state.startsWith("28") || code == 1045) {
			return FailureKind.AUTHENTICATION_FAILED;
		}
		if (state.startsWith("08") || code == 2002 || code == 2003 || code == 2005) {
			return FailureKind.CONNECTION_REFUSED;
		}
		if ("3D000".equals(state) || code == 1049 || code == 1044 || "42000".equals(state) || "42501".equals(state)) {
			return FailureKind.PERMISSION_DENIED;
		}
		return FailureKind.DUMP_FAILED;
	}

	private static String describe(FailureKind kind, SQLException ex) {
		String what = switch (kind) {
			case AUTHENTICATION_FAILED -> "The database refused the user name or password.";
			case CONNECTION_REFUSED -> "The database server cannot be reached: check the host and port, and that it"
					+ " accepts connections from here.";
			case PERMISSION_DENIED -> "The user may not use this database.";
			default -> "Connecting failed.";
		};
		String detail = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		return what + " (" + detail + ")";
	}

}
