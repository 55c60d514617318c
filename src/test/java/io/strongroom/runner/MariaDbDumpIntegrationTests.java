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
import java.util.ArrayList;
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
 * mariadb-dump and the mariadb client against the real MariaDB: round trips with varied
 * types, routines, triggers and events, statistics, exclusions, the defaults file,
 * failures and killing.
 */
@Tag("database")
class MariaDbDumpIntegrationTests {

	/** Every character an option file could stumble over. */
	static final String SECRET = "p\"a'ss\\w#rd =x;[client]";

	static Coordinates source;

	static final Map<String, String> TABLES = new TreeMap<>();

	static final List<String> USERS = new ArrayList<>();

	@BeforeAll
	static void seed() throws Exception {
		source = TestDatabase.mariadb();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			for (String sql : List.of("""
					CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) CHARACTER SET utf8mb4,
					  body JSON, payload LONGBLOB, price DECIMAL(20,6), happened DATETIME(6), stamped TIMESTAMP(3) NULL,
					  note TEXT, flag BIT(1), ratio DOUBLE, day DATE)""", """
					INSERT INTO items (name, body, payload, price, happened, stamped, note, flag, ratio, day)
					SELECT CONCAT('item ', seq, ' with ''quotes'', \\\\backslash, tab\\t, newline\\n and ünïcødé ✓ 😀'),
					  JSON_OBJECT('n', seq, 'list', JSON_ARRAY(seq, NULL, 'x')),
					  CONCAT(UNHEX(MD5(seq)), CHAR(0, 255, 10, 13, 92, 39)),
					  seq * 1234.567891 - 99999,
					  TIMESTAMP('2024-02-29 23:59:59.123456') + INTERVAL seq MINUTE,
					  IF(seq % 4 = 0, NULL, TIMESTAMP('2020-01-01 00:00:00.5') + INTERVAL seq HOUR),
					  IF(seq % 3 = 0, NULL, REPEAT('x', seq % 500)),
					  seq % 2, seq / 7, DATE('1999-12-31') + INTERVAL seq DAY
					FROM seq_1_to_3000""", "CREATE TABLE audit_log (id INT PRIMARY KEY, message TEXT)",
					"INSERT INTO audit_log SELECT seq, CONCAT('secret ', seq) FROM seq_1_to_200",
					"CREATE TABLE empty_table (id INT PRIMARY KEY)",
					"CREATE TABLE `Odd``Name` (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE=Aria",
					"INSERT INTO `Odd``Name` SELECT seq, CONCAT('v', seq) FROM seq_1_to_42",
					"CREATE VIEW item_names AS SELECT id, name FROM items",
					"CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW SET NEW.note = NEW.note",
					"CREATE PROCEDURE item_count(OUT n INT) SELECT COUNT(*) INTO n FROM items",
					"CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM items WHERE id < 0")) {
				statement.execute(sql);
			}
		}
		TABLES.put("items", "items");
		TABLES.put("empty_table", "empty_table");
		TABLES.put("Odd`Name", "`Odd``Name`");
	}

	@AfterAll
	static void dropUsers() throws SQLException {
		TestDatabase.drop(source);
		try (Connection connection = TestDatabase.mariadb().connect();
				Statement statement = connection.createStatement()) {
			for (String user : USERS) {
				statement.execute("DROP USER IF EXISTS '" + user + "'@'%'");
			}
		}
	}

	static DatabaseUrl url(Coordinates db, String user, String password) throws RunnerFailure {
		String credentials = password.isEmpty() ? user : user + ":" + DatabaseUrl.encode(password);
		return DatabaseUrl.parse("mysql://" + credentials + "@" + db.host() + ":" + db.port() + "/" + db.name());
	}

	static DatabaseUrl rootUrl(Coordinates db) throws RunnerFailure {
		return url(db, db.user(), db.password());
	}

	static byte[] dumpToBytes(StartedDump dump) throws IOException, RunnerFailure {
		try (dump; InputStream in = dump.stdout()) {
			byte[] bytes = in.readAllBytes();
			dump.awaitSuccess();
			return bytes;
		}
	}

	/**
	 * A user with the tricky password and these privileges on the source database, plus
	 * reading routine definitions (SHOW CREATE PROCEDURE of another definer needs it).
	 */
	static String user(String grants) throws SQLException {
		String user = "sr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '"
					+ SECRET.replace("\\", "\\\\").replace("'", "\\'") + "'");
			USERS.add(user);
			statement.execute("GRANT " + grants + " ON " + source.name() + ".* TO '" + user + "'@'%'");
			statement.execute("GRANT SELECT ON mysql.proc TO '" + user + "'@'%'");
		}
		return user;
	}

	@Test
	void roundTripRestoresRowsRoutinesTriggersAndEventsOfTheIncludedTables() throws Exception {
		DatabaseUrl sourceUrl = url(source, user("ALL PRIVILEGES"), SECRET);
		StartedDump dump = DatabaseDump.forEngine(Engine.MYSQL)
			.start(new DumpRequest(sourceUrl, List.of(source.name() + ".audit_log"), DumpOptions.defaults(Engine.MYSQL),
					List.of()));
		assertThat(dump.engine()).isEqualTo(Engine.MARIADB);
		assertThat(dump.serverVersion()).contains("MariaDB");
		assertThat(dump.clientVersion()).contains("MariaDB");
		DatabaseStatistics statistics = dump.statistics();
		byte[] sql = dumpToBytes(dump);
		String text = new String(sql, StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst()).hasValue(MysqlDumpCommand.SANDBOX_LINE + " ");
		assertThat(text).contains("TRIGGER items_touch", "PROCEDURE `item_count`", "EVENT `nightly`")
			.doesNotContain("audit_log")
			.doesNotContain("CREATE DATABASE");

		Coordinates target = TestDatabase.mariadb();
		try {
			DatabaseRestore.forEngine(Engine.MARIADB).restore(new ByteArrayInputStream(sql), rootUrl(target));

			Map<String, Long> expected = byTable(TableCounts.rowCounts(rootUrl(source)));
			expected.remove("audit_log");
			Map<String, Long> restored = byTable(TableCounts.rowCounts(rootUrl(target)));
			assertThat(restored).isEqualTo(expected).containsEntry("items", 3000L).containsEntry("Odd`Name", 42L);
			Map<String, Long> statisticsCounts = new TreeMap<>();
			statistics.tables().forEach((table) -> statisticsCounts.put(table.name(), table.rows()));
			assertThat(statisticsCounts).isEqualTo(expected);
			assertThat(statistics.tables()).allSatisfy((table) -> assertThat(table.schema()).isEqualTo(source.name()));
			assertThat(statistics.databaseBytes()).isPositive();

			try (Connection from = source.connect(); Connection to = target.connect()) {
				from.setCatalog(source.name());
				to.setCatalog(target.name());
				assertThat(DatabaseContent.checksums(to, TABLES)).isEqualTo(DatabaseContent.checksums(from, TABLES));
				for (String objects : List.of("ROUTINES WHERE ROUTINE_SCHEMA", "TRIGGERS WHERE TRIGGER_SCHEMA",
						"EVENTS WHERE EVENT_SCHEMA", "VIEWS WHERE TABLE_SCHEMA")) {
					assertThat(count(to, "SELECT COUNT(*) FROM information_schema." + objects + " = DATABASE()"))
						.as(objects)
						.isEqualTo(1);
				}
			}
		}
		finally {
			TestDatabase.drop(target);
		}
	}

	@Test
	void optionsTurnRoutinesTriggersAndEventsOff() throws Exception {
		DumpOptions options = DumpOptions.parse(Engine.MARIADB,
				Map.of("routines", false, "triggers", false, "events", false, "completeInsert", true));
		String text = new String(dumpToBytes(DatabaseDump.forEngine(Engine.MARIADB)
			.start(new DumpRequest(rootUrl(source), List.of(), options, List.of()))), StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("TRIGGER items_touch", "PROCEDURE `item_count`", "EVENT `nightly`")
			.contains("INSERT INTO `items` (`id`, `name`");
	}

	@Test
	void credentialsTravelInAPrivateDefaultsFileThatIsGoneAfterClose() throws Exception {
		String user = user("ALL PRIVILEGES");
		ToolDump dump = (ToolDump) DatabaseDump.forEngine(Engine.MYSQL)
			.start(DumpRequest.of(url(source, user, SECRET)));
		Path defaults;
		try (dump) {
			List<String> arguments = RunningTool.arguments(dump.processHandle(), "mysqldump", "mariadb-dump");
			assertThat(String.join(" ", arguments)).doesNotContain(SECRET)
				.doesNotContain(DatabaseUrl.encode(SECRET))
				.doesNotContain("password")
				.contains("--user=" + user, "--single-transaction");
			String environment = Files.readString(Path.of("/proc/" + dump.processHandle().pid() + "/environ"));
			assertThat(environment).doesNotContain(SECRET).doesNotContain("STRONGROOM_");
			defaults = Path.of(arguments.get(0).substring("--defaults-extra-file=".length()));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaults))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaults.getParent())))
				.isEqualTo("rwx------");
			try (InputStream in = dump.stdout()) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			dump.awaitSuccess();
		}
		assertThat(defaults).doesNotExist();
		assertThat(defaults.getParent()).doesNotExist();
	}

	@Test
	void killMidwayLeavesNoProcessAndNoSession() throws Exception {
		String user = user("ALL PRIVILEGES");
		ToolDump dump = (ToolDump) DatabaseDump.forEngine(Engine.MYSQL)
			.start(DumpRequest.of(url(source, user, SECRET)));
		ProcessHandle process = dump.processHandle();
		// nobody reads stdout: the tool fills the pipe and waits, mid-dump
		await().atMost(Duration.ofSeconds(20)).until(() -> sessions(user) >= 1);
		dump.kill();
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(dump::awaitSuccess)
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.DUMP_FAILED));
		dump.close();
		dump.kill();
		assertThat(process.isAlive()).isFalse();
		assertThat(process.descendants()).isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> sessions(user) == 0);
	}

	static int sessions(String user) throws SQLException {
		try (Connection connection = source.connect()) {
			return count(connection, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'");
		}
	}

	@Test
	void wrongPasswordIsAuthenticationFailed() throws Exception {
		String user = user("SELECT");
		DatabaseUrl url = url(source, user, "not-" + SECRET);
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.MYSQL).start(DumpRequest.of(url)))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION_FAILED);
				assertThat(failure.getMessage()).contains(user, "Check the user name and password")
					.doesNotContain(SECRET);
			});
	}

	@Test
	void missingPrivilegeOfTheDumpToolIsPermissionDenied() throws Exception {
		// no EVENT privilege: the statistics pass, mariadb-dump --events is refused
		String user = user("SELECT, SHOW VIEW, TRIGGER");
		StartedDump dump = DatabaseDump.forEngine(Engine.MYSQL).start(DumpRequest.of(url(source, user, SECRET)));
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> dumpToBytes(dump)).satisfies((failure) -> {
			assertThat(failure.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
			assertThat(failure.getMessage()).contains("show events", "(1044)", "Grant the missing privilege")
				.doesNotContain(SECRET);
		});
	}

	@Test
	void unreachableHostIsConnectionRefused() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse("mariadb://u:" + DatabaseUrl.encode(SECRET) + "@127.0.0.1:1/db");
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.MARIADB).start(DumpRequest.of(url)))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
				assertThat(failure.getMessage()).contains("127.0.0.1:1").doesNotContain(SECRET);
			});
	}

	@Test
	void missingDatabaseIsAUsageError() throws Exception {
		DatabaseUrl url = DatabaseUrl
			.parse("mysql://" + source.user() + "@" + source.host() + ":" + source.port() + "/missing_db_x");
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> DatabaseDump.forEngine(Engine.MYSQL).start(DumpRequest.of(url)))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.USAGE))
			.withMessageContaining("does not exist");
	}

	@Test
	void restoreStopsAtTheFirstErrorWithRestoreFailed() throws Exception {
		Coordinates target = TestDatabase.mariadb();
		try {
			byte[] sql = (MysqlDumpCommand.SANDBOX_LINE + " \nCREATE TABLE ok (id INT);\nTHIS IS NOT SQL;\n"
					+ "CREATE TABLE never (id INT);\n")
				.getBytes(StandardCharsets.UTF_8);
			assertThatExceptionOfType(RunnerFailure.class)
				.isThrownBy(() -> DatabaseRestore.forEngine(Engine.MARIADB)
					.restore(new ByteArrayInputStream(sql), rootUrl(target)))
				.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.RESTORE_FAILED))
				.withMessageContaining("ERROR 1064")
				.withMessageContaining("at line 2");
			assertThat(byTable(TableCounts.rowCounts(rootUrl(target)))).containsOnlyKeys("ok");
		}
		finally {
			TestDatabase.drop(target);
		}
	}

	@Test
	void restoreRefusesShellCommandsHiddenInADump() throws Exception {
		Coordinates target = TestDatabase.mariadb();
		Path marker = Files.createTempFile("strongroom-sandbox", ".txt");
		Files.delete(marker);
		try {
			byte[] sql = ("CREATE TABLE t (id INT);\n\\! touch " + marker + "\n").getBytes(StandardCharsets.UTF_8);
			assertThatExceptionOfType(RunnerFailure.class)
				.isThrownBy(() -> DatabaseRestore.forEngine(Engine.MARIADB)
					.restore(new ByteArrayInputStream(sql), rootUrl(target)))
				.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.RESTORE_FAILED))
				.withMessageContaining("sandbox");
			assertThat(marker).doesNotExist();
		}
		finally {
			TestDatabase.drop(target);
		}
	}

	private static Map<String, Long> byTable(Map<String, Long> counts) {
		Map<String, Long> byTable = new TreeMap<>();
		counts.forEach((name, rows) -> byTable.put(name.substring(name.indexOf('.') + 1), rows));
		return byTable;
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
