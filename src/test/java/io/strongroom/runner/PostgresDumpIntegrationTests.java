package io.strongroom.runner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabase.Coordinates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * pg_dump and pg_restore against the real PostgreSQL: round trips with varied types,
 * statistics, exclusions, credentials, failures and killing.
 */
@Tag("database")
class PostgresDumpIntegrationTests {

	static final String SECRET = "Sup3r:S3cret/@%pw";

	static Coordinates source;

	static DatabaseUrl sourceUrl;

	static final Map<String, String> TABLES = new LinkedHashMap<>();

	static final List<String> ROLES = new java.util.ArrayList<>();

	@BeforeAll
	static void seed() throws Exception {
		source = TestDatabase.postgres();
		sourceUrl = url(source, SECRET);
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute(
					"""
							CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL, body jsonb, blob bytea,
							  price numeric(20,6), happened timestamptz, tags text[], note varchar(50));
							INSERT INTO items (name, body, blob, price, happened, tags, note)
							SELECT 'item ' || g || E' with ''quotes'', \\\\backslash\\\\, tab\\t, newline\\n and ünïcødé ✓',
							  jsonb_build_object('n', g, 'nested', jsonb_build_object('list', jsonb_build_array(g, g * 2, null))),
							  decode(md5(g::text) || '00ff0a0d5c27', 'hex'),
							  g * 1234.567891 - 99999,
							  timestamptz '2024-02-29 23:59:59.123456+05:30' + g * interval '1 hour 7 minutes',
							  ARRAY['a' || g, NULL, 'b,c'],
							  CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('x', g % 50) END
							FROM generate_series(1, 5000) g;
							CREATE TABLE audit_log (id serial PRIMARY KEY, message text);
							INSERT INTO audit_log (message) SELECT 'secret audit ' || g FROM generate_series(1, 300) g;
							CREATE TABLE empty_table (id int PRIMARY KEY);
							CREATE SCHEMA "Mixed Case";
							CREATE TABLE "Mixed Case"."Odd ""Name""\" (id int PRIMARY KEY, v text);
							INSERT INTO "Mixed Case"."Odd ""Name""\" SELECT g, 'v' || g FROM generate_series(1, 42) g;
							CREATE TABLE measurements (id int, at date, v numeric) PARTITION BY RANGE (at);
							CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
							CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
							INSERT INTO measurements SELECT g, date '2023-06-01' + g, g / 7.0 FROM generate_series(1, 400) g;
							CREATE SCHEMA heroku_ext;
							CREATE TABLE heroku_ext.extension_state (id int PRIMARY KEY);
							INSERT INTO heroku_ext.extension_state SELECT generate_series(1, 10);
							SELECT lo_from_bytea(0, convert_to(repeat('large object ' || g, 1000), 'UTF8')) FROM generate_series(1, 3) g;
							CREATE TABLE parent_table (id int, note text);
							CREATE TABLE child_table (extra int) INHERITS (parent_table);
							INSERT INTO parent_table SELECT g, E'\\\\.' FROM generate_series(1, 7) g;
							INSERT INTO child_table SELECT g, E'\\n\\\\.', g FROM generate_series(1, 5) g;
							CREATE TABLE no_columns ();
							INSERT INTO no_columns SELECT FROM generate_series(1, 4);
							ANALYZE;
							""");
		}
		TABLES.put("public.items", "public.items");
		TABLES.put("public.empty_table", "public.empty_table");
		TABLES.put("Mixed Case.Odd \"Name\"", "\"Mixed Case\".\"Odd \"\"Name\"\"\"");
		TABLES.put("public.measurements_2023", "public.measurements_2023");
		TABLES.put("public.measurements_2024", "public.measurements_2024");
	}

	@AfterAll
	static void dropRoles() throws SQLException {
		TestDatabase.drop(source);
		try (Connection connection = TestDatabase.postgres().connect();
				Statement statement = connection.createStatement()) {
			for (String role : ROLES) {
				statement.execute("DROP ROLE IF EXISTS " + role);
			}
		}
	}

	static DatabaseUrl url(Coordinates db, String password) throws RunnerFailure {
		return DatabaseUrl.parse("postgres://" + DatabaseUrl.encode(db.user()) + ":" + DatabaseUrl.encode(password)
				+ "@" + db.host() + ":" + db.port() + "/" + db.name());
	}

	static DumpRequest request(DatabaseUrl url, List<String> excluded, Map<String, Object> options) {
		return new DumpRequest(url, excluded, DumpOptions.parse(Engine.POSTGRES, options), List.of());
	}

	static byte[] dumpToBytes(StartedDump dump) throws IOException, RunnerFailure {
		try (dump; InputStream in = dump.stdout()) {
			byte[] bytes = in.readAllBytes();
			dump.awaitSuccess();
			return bytes;
		}
	}

	@Test
	void roundTripRestoresEveryRowAndLargeObjectOfTheIncludedTables() throws Exception {
		StartedDump dump = DatabaseDump.forEngine(Engine.POSTGRES)
			.start(request(sourceUrl, List.of("public.audit_log"), Map.of()));
		assertThat(dump.engine()).isEqualTo(Engine.POSTGRES);
		assertThat(dump.serverVersion()).matches("\\d+\\.\\d+");
		assertThat(dump.clientVersion()).startsWith("pg_dump (PostgreSQL) ");
		byte[] archive = dumpToBytes(dump);
		// counted in the stream as it was read
		DatabaseStatistics statistics = dump.statistics();
		assertThat(new String(archive, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("PGDMP");

		Coordinates target = TestDatabase.postgres();
		try {
			DatabaseRestore.forEngine(Engine.POSTGRES).restore(new ByteArrayInputStream(archive), url(target, SECRET));

			Map<String, Long> restored = TableCounts.rowCounts(url(target, SECRET));
			Map<String, Long> sourceCounts = TableCounts.rowCounts(sourceUrl);
			Map<String, Long> expected = new TreeMap<>(sourceCounts);
			expected.remove("public.audit_log");
			expected.remove("heroku_ext.extension_state");
			assertThat(restored).isEqualTo(expected);
			assertThat(restored).containsEntry("public.items", 5000L)
				.containsEntry("pg_catalog.pg_largeobject_metadata", 3L)
				.containsKey("Mixed Case.Odd \"Name\"")
				.doesNotContainKeys("public.audit_log", "heroku_ext.extension_state");

			try (Connection from = source.connect(); Connection to = target.connect()) {
				assertThat(DatabaseContent.checksums(to, TABLES)).isEqualTo(DatabaseContent.checksums(from, TABLES));
				String largeObjects = "SELECT oid, md5(lo_get(oid)) FROM pg_largeobject_metadata ORDER BY oid";
				assertThat(DatabaseContent.checksum(to, largeObjects))
					.isEqualTo(DatabaseContent.checksum(from, largeObjects));
				assertThat(schemas(to)).contains("Mixed Case").doesNotContain("heroku_ext");
			}

			Map<String, Long> statisticsCounts = new TreeMap<>();
			statistics.tables().forEach((table) -> statisticsCounts.put(table.qualifiedName(), table.rows()));
			assertThat(statisticsCounts).isEqualTo(expected);
			assertThat(statistics.databaseBytes()).isPositive();
			assertThat(statistics.tables()).filteredOn((table) -> table.name().equals("items"))
				.singleElement()
				.satisfies((items) -> {
					assertThat(items.tableBytes()).isPositive();
					assertThat(items.indexBytes()).isPositive();
				});
		}
		finally {
			TestDatabase.drop(target);
		}
	}

	@Test
	void theRowsOfEveryTableAreCountedInTheDumpsOwnStream() throws Exception {
		byte[] archive = dumpToBytes(DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(sourceUrl)));
		Map<Long, Long> expected = new TreeMap<>();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			Map<Long, String> tables = new TreeMap<>();
			try (ResultSet rs = statement.executeQuery(PostgresDump.TABLES)) {
				while (rs.next()) {
					if (!rs.getString(1).equals("heroku_ext")) {
						tables.put(rs.getLong(6),
								Jdbc.quotePostgres(rs.getString(1)) + "." + Jdbc.quotePostgres(rs.getString(2)));
					}
				}
			}
			for (Map.Entry<Long, String> table : tables.entrySet()) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM ONLY " + table.getValue())) {
					rs.next();
					expected.put(table.getKey(), rs.getLong(1));
				}
			}
		}
		assertThat(expected).hasSizeGreaterThan(5);
		for (int piece : List.of(1, 7, 4096, 64 * 1024)) {
			ArchiveRowCounter counter = new ArchiveRowCounter();
			for (int i = 0; i < archive.length; i += piece) {
				counter.accept(archive, i, Math.min(piece, archive.length - i));
			}
			counter.end();
			assertThat(counter.result().join()).as("read in pieces of %d", piece).hasValue(expected);
		}
	}

	@Test
	void statisticsDescribeTheSnapshotEvenWhenRowsAreAddedDuringTheDump() throws Exception {
		try (StartedDump dump = DatabaseDump.forEngine(Engine.POSTGRES).start(request(sourceUrl, List.of(), Map.of()));
				Connection writer = source.connect();
				Statement statement = writer.createStatement()) {
			statement.execute("INSERT INTO empty_table VALUES (1), (2), (3)");
			byte[] archive;
			try (InputStream in = dump.stdout()) {
				archive = in.readAllBytes();
			}
			dump.awaitSuccess();
			assertThat(dump.statistics().tables()).filteredOn((table) -> table.name().equals("empty_table"))
				.singleElement()
				.extracting(TableStatistics::rows)
				.isEqualTo(0L);
			Coordinates target = TestDatabase.postgres();
			try {
				DatabaseRestore.forEngine(Engine.POSTGRES).restore(new ByteArrayInputStream(archive), url(target, ""));
				assertThat(TableCounts.rowCounts(url(target, ""))).containsEntry("public.empty_table", 0L);
			}
			finally {
				TestDatabase.drop(target);
				statement.execute("DELETE FROM empty_table");
			}
		}
	}

	@Test
	void optionsLeaveSchemasTableDataAndLargeObjectsOutOfTheDumpAndTheStatistics() throws Exception {
		Map<String, Object> options = Map.of("excludeSchemas", List.of("Mixed Case"), "excludeTableData",
				List.of("public.items"), "includeHerokuExt", true, "largeObjects", false, "noComments", true);
		StartedDump dump = DatabaseDump.forEngine(Engine.POSTGRES).start(request(sourceUrl, List.of(), options));
		byte[] archive = dumpToBytes(dump);
		DatabaseStatistics statistics = dump.statistics();
		Coordinates target = TestDatabase.postgres();
		try {
			DatabaseRestore.forEngine(Engine.POSTGRES).restore(new ByteArrayInputStream(archive), url(target, ""));
			Map<String, Long> restored = TableCounts.rowCounts(url(target, ""));
			Map<String, Long> statisticsCounts = new TreeMap<>();
			statistics.tables().forEach((table) -> statisticsCounts.put(table.qualifiedName(), table.rows()));
			assertThat(restored).isEqualTo(statisticsCounts)
				.containsEntry("public.items", 0L)
				.containsEntry("heroku_ext.extension_state", 10L)
				.containsEntry("public.audit_log", 300L)
				.doesNotContainKeys("Mixed Case.Odd \"Name\"", "pg_catalog.pg_largeobject_metadata");
		}
		finally {
			TestDatabase.drop(target);
		}
	}

	@Test
	void passwordTravelsInAPrivatePassfileThatIsGoneAfterClose() throws Exception {
		ToolDump dump = (ToolDump) DatabaseDump.forEngine(Engine.POSTGRES)
			.start(request(sourceUrl, List.of(), Map.of()));
		Path passfile;
		try (dump) {
			ProcessHandle process = dump.processHandle();
			List<String> arguments = RunningTool.arguments(process, "pg_dump");
			assertThat(String.join(" ", arguments)).doesNotContain(SECRET)
				.doesNotContain(DatabaseUrl.encode(SECRET))
				.doesNotContain("postgres://")
				.contains("--snapshot=");
			String environment = Files.readString(Path.of("/proc/" + process.pid() + "/environ"));
			assertThat(environment).doesNotContain(SECRET).doesNotContain("STRONGROOM_");
			passfile = Path.of(environment.lines()
				.flatMap((line) -> List.of(line.split("\0")).stream())
				.filter((entry) -> entry.startsWith("PGPASSFILE="))
				.findFirst()
				.orElseThrow()
				.substring("PGPASSFILE=".length()));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passfile))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passfile.getParent())))
				.isEqualTo("rwx------");
			assertThat(Files.readString(passfile)).isEqualTo("*:*:*:*:Sup3r\\:S3cret/@%pw\n");
			try (InputStream in = dump.stdout()) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			dump.awaitSuccess();
		}
		assertThat(passfile).doesNotExist();
		assertThat(passfile.getParent()).doesNotExist();
	}

	@Test
	void killMidwayLeavesNoProcessAndNoSession() throws Exception {
		ToolDump dump = (ToolDump) DatabaseDump.forEngine(Engine.POSTGRES)
			.start(request(sourceUrl, List.of(), Map.of()));
		ProcessHandle process = dump.processHandle();
		// nobody reads stdout: pg_dump fills the pipe and waits, mid-dump
		await().atMost(Duration.ofSeconds(20)).until(() -> sessions() >= 2);
		dump.kill();
		dump.kill();
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(dump::awaitSuccess)
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.DUMP_FAILED))
			.withMessageContaining("stopped before it finished");
		dump.close();
		assertThat(process.isAlive()).isFalse();
		assertThat(process.descendants()).isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> sessions() == 0);
	}

	/** Sessions on the source database other than the test's own connections. */
	static int sessions() throws SQLException {
		try (Connection connection = TestDatabase.postgres().connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
						+ source.name() + "' AND application_name = 'strongroom'")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	@Test
	void unreachableHostIsConnectionRefused() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse("postgres://u:" + DatabaseUrl.encode(SECRET) + "@127.0.0.1:1/db");
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url)))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
				assertThat(failure.getMessage()).contains("127.0.0.1:1", "Check the host and port")
					.doesNotContain(SECRET);
			});
	}

	@Test
	void unknownUserIsAuthenticationFailed() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse("postgres://nobody_" + suffix() + ":" + DatabaseUrl.encode(SECRET) + "@"
				+ source.host() + ":" + source.port() + "/" + source.name());
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url)))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION_FAILED);
				assertThat(failure.getMessage()).contains("Check the user name and password").doesNotContain(SECRET);
			});
	}

	@Test
	void missingDatabaseIsAUsageError() throws Exception {
		DatabaseUrl url = DatabaseUrl
			.parse("postgres://" + source.user() + "@" + source.host() + ":" + source.port() + "/missing_" + suffix());
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url)))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.USAGE))
			.withMessageContaining("does not exist");
	}

	@Test
	void tablesTheRoleCannotReadArePermissionDeniedBeforeTheDumpStarts() throws Exception {
		Coordinates db = TestDatabase.postgres();
		String role = role();
		try {
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE open_table (id int); CREATE TABLE payroll (id int);"
						+ "CREATE TABLE salaries (id int); GRANT SELECT ON open_table TO " + role);
			}
			DatabaseUrl url = DatabaseUrl.parse("postgres://" + role + ":" + DatabaseUrl.encode(SECRET) + "@"
					+ db.host() + ":" + db.port() + "/" + db.name());
			assertThatExceptionOfType(RunnerFailure.class)
				.isThrownBy(() -> DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url)))
				.satisfies((failure) -> {
					assertThat(failure.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
					assertThat(failure.getMessage())
						.contains("permission denied for 2 tables: public.payroll, public.salaries", "GRANT SELECT")
						.doesNotContain(SECRET);
				});
			// excluding the tables is the way out
			byte[] archive = dumpToBytes(DatabaseDump.forEngine(Engine.POSTGRES)
				.start(new DumpRequest(url, List.of("public.payroll", "salaries"),
						DumpOptions.defaults(Engine.POSTGRES), List.of())));
			assertThat(archive).isNotEmpty();
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void rowLevelSecurityThatWouldHideRowsIsPermissionDenied() throws Exception {
		Coordinates db = TestDatabase.postgres();
		String role = role();
		try {
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE tenants_data (id int, tenant text); INSERT INTO tenants_data "
						+ "VALUES (1, 'a'), (2, 'b'); ALTER TABLE tenants_data ENABLE ROW LEVEL SECURITY;"
						+ "CREATE POLICY only_a ON tenants_data USING (tenant = 'a'); GRANT SELECT ON tenants_data TO "
						+ role);
			}
			DatabaseUrl url = DatabaseUrl.parse("postgres://" + role + ":" + DatabaseUrl.encode(SECRET) + "@"
					+ db.host() + ":" + db.port() + "/" + db.name());
			StartedDump dump = DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url));
			assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> dumpToBytes(dump)).satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
				assertThat(failure.getMessage()).contains("row-level security", "tenants_data");
			});
			// with the option, the dump and the counts both see what the policy allows
			StartedDump filtered = DatabaseDump.forEngine(Engine.POSTGRES)
				.start(new DumpRequest(url, List.of(),
						DumpOptions.parse(Engine.POSTGRES, Map.of("enableRowSecurity", true)), List.of()));
			dumpToBytes(filtered);
			assertThat(filtered.statistics().tables()).singleElement().extracting(TableStatistics::rows).isEqualTo(1L);
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void pgDumpPermissionErrorsAreClassifiedFromItsStderr() throws Exception {
		Coordinates db = TestDatabase.postgres();
		String role = role();
		try {
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				// SELECT on the table but not on its sequence: the statistics pass,
				// pg_dump fails
				statement.execute("CREATE TABLE orders (id serial PRIMARY KEY); GRANT SELECT ON orders TO " + role);
			}
			DatabaseUrl url = DatabaseUrl.parse("postgres://" + role + ":" + DatabaseUrl.encode(SECRET) + "@"
					+ db.host() + ":" + db.port() + "/" + db.name());
			StartedDump dump = DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(url));
			assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> dumpToBytes(dump)).satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
				assertThat(failure.getMessage()).contains("pg_dump exited with code 1", "orders_id_seq")
					.doesNotContain(SECRET);
			});
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void noPgDumpInTheClientDirectoriesIsClientTooOld(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
		DumpRequest request = new DumpRequest(sourceUrl, List.of(), DumpOptions.defaults(Engine.POSTGRES),
				List.of(empty));
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.POSTGRES).start(request))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.CLIENT_TOO_OLD))
			.withMessageContaining("no pg_dump was found")
			.withMessageContaining(empty.toString());
		assertThat(sessionsIncludingIdle()).isZero();
	}

	static int sessionsIncludingIdle() throws SQLException {
		return sessions();
	}

	@Test
	void restoreOfSomethingElseThanAnArchiveFailsClearly() throws Exception {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseRestore.forEngine(Engine.POSTGRES)
				.restore(new ByteArrayInputStream("Salted__12345678".getBytes(StandardCharsets.US_ASCII)), sourceUrl))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.RESTORE_FAILED))
			.withMessageContaining("Decrypt and decompress");
	}

	@Test
	void restoreErrorsAreRestoreFailedWithTheMaskedStderr() throws Exception {
		byte[] archive = dumpToBytes(DatabaseDump.forEngine(Engine.POSTGRES).start(DumpRequest.of(sourceUrl)));
		// restoring into the source itself collides with every existing object
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(
				() -> DatabaseRestore.forEngine(Engine.POSTGRES).restore(new ByteArrayInputStream(archive), sourceUrl))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.RESTORE_FAILED);
				assertThat(failure.getMessage()).contains("pg_restore exited with code 1", "already exists")
					.doesNotContain(SECRET);
			});
	}

	private static String role() throws SQLException {
		String role = "sr_role_" + suffix();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN");
		}
		ROLES.add(role);
		return role;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private static List<String> schemas(Connection connection) throws SQLException {
		List<String> schemas = new java.util.ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace")) {
			while (rs.next()) {
				schemas.add(rs.getString(1));
			}
		}
		return schemas;
	}

}
