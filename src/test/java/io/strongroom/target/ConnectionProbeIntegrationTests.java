package io.strongroom.target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.strongroom.runner.DatabaseUrl;
import io.strongroom.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Test connection" against real servers: it names the dump tool the runner would run for
 * the server (the same binary the runner's own rules pick, with its version) or says that
 * none can dump it; it finds what a user with limited grants may not read (tables,
 * PostgreSQL sequences and schemas), leaving out what the backup excludes; and it warns
 * about write access on the backed-up database only. Each test makes its own roles or
 * users and drops them.
 */
class ConnectionProbeIntegrationTests {

	static final SecureRandom RANDOM = new SecureRandom();

	static final String PASSWORD = HexFormat.of().formatHex(randomBytes(12));

	/** Runners on dynos: the result depends on the grants only, not on local tools. */
	static final ConnectionProbe.Clients ELSEWHERE = new ConnectionProbe.Clients(false, List.of());

	@TempDir
	Path empty;

	final List<String> cleanup = new ArrayList<>();

	TestDatabase.Coordinates database;

	@Test
	void namesTheBinaryAndVersionTheRunnerWouldRunForPostgres() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of()),
				DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.dumpClientPath()).endsWith("/pg_dump");
		assertThat(report.dumpClientVersion()).isEqualTo(versionLine(report.dumpClientPath()))
			.startsWith("pg_dump (PostgreSQL) " + report.serverVersion().split("\\.")[0] + ".");
		assertThat(report.dumpClient()).contains(report.dumpClientPath()).contains(report.dumpClientVersion());
	}

	@Test
	void namesTheBinaryAndVersionTheRunnerWouldRunForMariaDb() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.mariadb().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of()),
				DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.dumpClientPath()).matches(".*/(mariadb-dump|mysqldump)");
		assertThat(report.dumpClientVersion()).isEqualTo(versionLine(report.dumpClientPath())).contains("MariaDB");
	}

	@Test
	void noToolThatCanDumpTheServerFailsTheTestAsTheBackupWould() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of(this.empty)),
				DumpScope.DEFAULT);
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("CLIENT_TOO_OLD");
		assertThat(report.errorMessage()).contains("no pg_dump was found").contains(this.empty.toString());
		assertThat(report.dumpClientPath()).isNull();
	}

	@Test
	void runnersOnDynosAreNamedByTheVersionTheyNeed() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).isTrue();
		assertThat(report.dumpClientPath()).isNull();
		assertThat(report.dumpClient()).contains("pg_dump " + report.serverVersion().split("\\.")[0] + " or newer")
			.contains("one-off dyno");
	}

	@Test
	void aReadOnlyPostgresRoleIsOkAndGetsNoWriteWarning() throws Exception {
		String role = postgresRole(
				"CREATE SCHEMA ledger; CREATE TABLE ledger.entries (id serial PRIMARY KEY);"
						+ " CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY, name text)",
				"GRANT pg_read_all_data TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.tables()).isEqualTo(2);
		assertThat(report.canWrite()).isFalse();
		assertThat(report.warnings()).isEmpty();
	}

	@Test
	void aPostgresRoleThatMayWriteIsWarned() throws Exception {
		String role = postgresRole("CREATE TABLE items (id int)", "GRANT SELECT, UPDATE ON items TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.canWrite()).isTrue();
		assertThat(report.warnings()).singleElement().asString().contains("may change data");
	}

	@Test
	void aTableThePostgresRoleMayNotReadFailsTheTestUnlessItIsExcluded() throws Exception {
		String role = postgresRole("CREATE TABLE open_table (id int); CREATE TABLE payroll (id int)",
				"GRANT SELECT ON open_table TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("PERMISSION_DENIED");
		assertThat(report.unreadableTables()).containsExactly("public.payroll");
		assertThat(report.errorMessage()).contains("SELECT on 1 table(s)").contains("exclude them");
		assertThat(report.tables()).isEqualTo(2);
		ConnectionReport excluded = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE,
				DumpScope.of(List.of("public.payroll"), Map.of()));
		assertThat(excluded.ok()).as(excluded.toString()).isTrue();
		assertThat(excluded.unreadableTables()).isEmpty();
		assertThat(excluded.tables()).isEqualTo(1);
	}

	@Test
	void aMaterializedViewThePostgresRoleMayNotReadIsFineAsItIsForPgDump() throws Exception {
		String role = postgresRole(
				"CREATE TABLE totals (n int); INSERT INTO totals VALUES (1);"
						+ " CREATE MATERIALIZED VIEW report AS SELECT sum(n) FROM totals",
				"GRANT SELECT ON totals TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.unreadableTables()).isEmpty();
		// the promise behind "ok": pg_dump as this role dumps the view's definition and
		// its REFRESH without reading it
		ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--host=" + this.database.host(),
				"--port=" + this.database.port(), "--username=" + role, "--no-password", this.database.name())
			.redirectErrorStream(true);
		pgDump.environment().put("PGPASSWORD", PASSWORD);
		Process process = pgDump.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("REFRESH MATERIALIZED VIEW public.report");
	}

	@Test
	void aSequenceThePostgresRoleMayNotReadIsReported() throws Exception {
		// SELECT on the table is not SELECT on its serial's sequence, which pg_dump reads
		String role = postgresRole("CREATE TABLE orders (id serial PRIMARY KEY)", "GRANT SELECT ON orders TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("PERMISSION_DENIED");
		assertThat(report.unreadableSequences()).containsExactly("public.orders_id_seq");
		assertThat(report.unreadableTables()).isEmpty();
		assertThat(report.errorMessage()).contains("SELECT on 1 sequence(s)");
		grant("GRANT SELECT ON SEQUENCE orders_id_seq TO " + role);
		assertThat(ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT).ok()).isTrue();
	}

	@Test
	void theIdentitySequenceOfAnExcludedTableIsLeftOutWithIt() throws Exception {
		String role = postgresRole(
				"CREATE TABLE open_table (id int);" + " CREATE TABLE secrets (id int GENERATED ALWAYS AS IDENTITY)",
				"GRANT SELECT ON open_table TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.unreadableTables()).containsExactly("public.secrets");
		assertThat(report.unreadableSequences()).containsExactly("public.secrets_id_seq");
		ConnectionReport excluded = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE,
				DumpScope.of(List.of("public.secrets"), Map.of()));
		assertThat(excluded.ok()).as(excluded.toString()).isTrue();
	}

	@Test
	void aSchemaThePostgresRoleMayNotUseIsReportedUnlessItIsExcluded() throws Exception {
		// SELECT on a table is no use without USAGE on its schema
		String role = postgresRole(
				"CREATE TABLE items (id int); CREATE SCHEMA ledger; CREATE TABLE ledger.entries (id int)",
				"GRANT SELECT ON items, ledger.entries TO %s");
		ConnectionReport report = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("PERMISSION_DENIED");
		assertThat(report.schemasWithoutUsage()).containsExactly("ledger");
		assertThat(report.unreadableTables()).isEmpty();
		assertThat(report.errorMessage()).contains("USAGE on schema(s) ledger").contains("excludeSchemas");
		ConnectionReport excluded = ConnectionProbe.probe(postgresUrl(role), ELSEWHERE,
				DumpScope.of(List.of(), Map.of("excludeSchemas", List.of("ledger"))));
		assertThat(excluded.ok()).as(excluded.toString()).isTrue();
		assertThat(excluded.tables()).isEqualTo(1);
	}

	@Test
	void aMariaDbUserWhoMayOnlyReadThisDatabaseGetsNoWriteWarning() throws Exception {
		this.database = TestDatabase.mariadb();
		String other = "sr_probe_other_" + HexFormat.of().formatHex(randomBytes(5));
		String user = mariadbUser("CREATE TABLE orders (id int)", "GRANT SELECT, SHOW VIEW ON %db.* TO %user",
				"GRANT ALL PRIVILEGES ON `" + other + "`.* TO %user");
		ConnectionReport report = ConnectionProbe.probe(mariadbUrl(user), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.tables()).isEqualTo(1);
		assertThat(report.canWrite()).as("writes to another database do not count").isFalse();
		assertThat(report.warnings()).isEmpty();
	}

	@Test
	void aMariaDbUserWhoMayWriteThisDatabaseIsWarned() throws Exception {
		this.database = TestDatabase.mariadb();
		String user = mariadbUser("CREATE TABLE orders (id int)", "GRANT SELECT, INSERT ON %db.* TO %user");
		ConnectionReport report = ConnectionProbe.probe(mariadbUrl(user), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.canWrite()).isTrue();
		assertThat(report.warnings()).singleElement().asString().contains("may change data");
	}

	@Test
	void everyMariaDbTableIsCheckedAndExcludedOnesAreLeftOut() throws Exception {
		this.database = TestDatabase.mariadb();
		// more tables than one checking statement reads (100), unreadable ones in both
		int count = 130;
		List<String> unreadable = List.of("t001", "t057", "t128");
		List<String> setup = new ArrayList<>(List.of("CREATE TABLE t000 (id int)"));
		List<String> grants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String table = "t%03d".formatted(i);
			if (i > 0) {
				setup.add("CREATE TABLE " + table + " LIKE t000");
			}
			grants
				.add("GRANT " + (unreadable.contains(table) ? "INSERT" : "SELECT") + " ON %db." + table + " TO %user");
		}
		String user = mariadbUser(String.join(";", setup), grants.toArray(String[]::new));
		String db = this.database.name();
		ConnectionReport report = ConnectionProbe.probe(mariadbUrl(user), ELSEWHERE, DumpScope.DEFAULT);
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("PERMISSION_DENIED");
		assertThat(report.tables()).isEqualTo(count);
		assertThat(report.unreadableTables())
			.containsExactlyElementsOf(unreadable.stream().map((table) -> db + "." + table).toList());
		assertThat(report.canWrite()).as("INSERT on a table of this database").isTrue();
		ConnectionReport excluded = ConnectionProbe.probe(mariadbUrl(user), ELSEWHERE,
				DumpScope.of(report.unreadableTables(), Map.of()));
		assertThat(excluded.ok()).as(excluded.toString()).isTrue();
		assertThat(excluded.tables()).isEqualTo(count - unreadable.size());
	}

	@AfterEach
	void dropUsersAndDatabase() throws SQLException {
		if (this.database == null) {
			return;
		}
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : this.cleanup) {
				statement.execute(sql);
			}
		}
		TestDatabase.drop(this.database);
	}

	/**
	 * A fresh database with {@code setup} run in it, and a login role given {@code grant}
	 * ({@code %s} is the role).
	 */
	private String postgresRole(String setup, String grant) throws SQLException {
		this.database = TestDatabase.postgres();
		String role = "sr_probe_" + HexFormat.of().formatHex(randomBytes(5));
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
			// its privileges are all in this database: once they are gone, so may it be
			this.cleanup.add("DROP OWNED BY " + role + "; DROP ROLE " + role);
			statement.execute(setup);
			statement.execute(grant.formatted(role));
		}
		return role;
	}

	private void grant(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private DatabaseUrl postgresUrl(String role) throws Exception {
		return DatabaseUrl.parse("postgres://" + role + ":" + PASSWORD + "@" + this.database.host() + ":"
				+ this.database.port() + "/" + this.database.name());
	}

	/**
	 * {@code setup} run in {@link #database}, and a user given {@code grants}
	 * ({@code %db} is the database, {@code %user} the user).
	 */
	private String mariadbUser(String setup, String... grants) throws SQLException {
		String user = "sr_probe_" + HexFormat.of().formatHex(randomBytes(5));
		String account = "`" + user + "`@`%`";
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : setup.split(";")) {
				statement.addBatch(sql);
			}
			statement.executeBatch();
			statement.execute("CREATE USER " + account + " IDENTIFIED BY '" + PASSWORD + "'");
			this.cleanup.add("DROP USER IF EXISTS " + account);
			for (String grant : grants) {
				statement.addBatch(grant.replace("%db", "`" + this.database.name() + "`").replace("%user", account));
			}
			statement.executeBatch();
		}
		return user;
	}

	private DatabaseUrl mariadbUrl(String user) throws Exception {
		return DatabaseUrl.parse("mysql://" + user + ":" + PASSWORD + "@" + this.database.host() + ":"
				+ this.database.port() + "/" + this.database.name());
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String versionLine(String binary) throws Exception {
		Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output.lines().findFirst().orElse("").trim();
	}

}
