package io.strongroom.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MysqlDumpCommandTests {

	static final ClientBinary MARIADB_DUMP = new ClientBinary(Path.of("/usr/bin/mariadb-dump"),
			"mariadb-dump  Ver 10.19 Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)");

	static final ClientBinary MYSQLDUMP = new ClientBinary(Path.of("/opt/mysql/bin/mysqldump"),
			"mysqldump  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)");

	static final Path DEFAULTS = Path.of("/tmp/strongroom-1/my.cnf");

	static DatabaseUrl url(String text) throws RunnerFailure {
		return DatabaseUrl.parse(text);
	}

	@Test
	void dumpsOneConsistentDatabaseWithRoutinesTriggersEventsAndHexBlobs() throws RunnerFailure {
		List<String> command = MysqlDumpCommand.dump(MARIADB_DUMP, url("mysql://app:hunter2@db:3306/shop"), true,
				List.of(), DumpOptions.defaults(Engine.MARIADB), DEFAULTS);
		assertThat(command).containsExactly("/usr/bin/mariadb-dump", "--defaults-extra-file=/tmp/strongroom-1/my.cnf",
				"--protocol=TCP", "--host=db", "--port=3306", "--user=app", "--single-transaction", "--quick",
				"--hex-blob", "--routines", "--triggers", "--events", "--", "shop");
		assertThat(String.join(" ", command)).doesNotContain("hunter2");
	}

	@Test
	void stdbufGivesTheToolLargeWritesAndWithoutItTheToolRunsAsItIs() throws RunnerFailure {
		List<String> command = MysqlDumpCommand.dump(MARIADB_DUMP, url("mysql://app:hunter2@db:3306/shop"), true,
				List.of(), DumpOptions.defaults(Engine.MARIADB), DEFAULTS);
		assertThat(LargeWrites.wrap(command, Path.of("/usr/bin/stdbuf")))
			.startsWith("/usr/bin/stdbuf", "-o1M", "/usr/bin/mariadb-dump",
					"--defaults-extra-file=/tmp/strongroom-1/my.cnf")
			.endsWith("--", "shop")
			.hasSize(command.size() + 2);
		assertThat(LargeWrites.wrap(command, null)).isEqualTo(command);
	}

	@Test
	void gtidsAreLeftOutOnlyByMysqlsOwnToolAgainstAMysqlServer() throws RunnerFailure {
		DatabaseUrl url = url("mysql://u:p@h/db");
		DumpOptions none = DumpOptions.defaults(Engine.MYSQL);
		assertThat(MysqlDumpCommand.dump(MYSQLDUMP, url, false, List.of(), none, DEFAULTS))
			.contains("--set-gtid-purged=OFF")
			.doesNotContain("--column-statistics=0");
		assertThat(MysqlDumpCommand.dump(MARIADB_DUMP, url, false, List.of(), none, DEFAULTS))
			.doesNotContain("--set-gtid-purged=OFF");
		assertThat(MysqlDumpCommand.dump(MYSQLDUMP, url, true, List.of(), none, DEFAULTS))
			.doesNotContain("--set-gtid-purged=OFF")
			.contains("--column-statistics=0");
	}

	@Test
	void excludedTablesOfTheDumpedDatabaseAreIgnored() throws RunnerFailure {
		DatabaseUrl url = url("mysql://u:p@h/shop");
		List<TableName> excluded = TableName.parseAll(List.of("shop.audit_log", "other.x", "sessions"), "shop");
		assertThat(
				MysqlDumpCommand.dump(MARIADB_DUMP, url, true, excluded, DumpOptions.defaults(Engine.MYSQL), DEFAULTS))
			.contains("--ignore-table=shop.audit_log", "--ignore-table=shop.sessions")
			.noneMatch((arg) -> arg.contains("other.x"));
	}

	@Test
	void optionsMapToSingleFixedArguments() throws RunnerFailure {
		DumpOptions options = DumpOptions.parse(Engine.MYSQL,
				Map.of("routines", false, "triggers", false, "events", false, "noTablespaces", true, "completeInsert",
						true, "maxAllowedPacket", "64M", "defaultCharacterSet", "latin1"));
		List<String> command = MysqlDumpCommand.dump(MARIADB_DUMP, url("mysql://u:p@h/db"), true, List.of(), options,
				DEFAULTS);
		assertThat(command)
			.contains("--skip-triggers", "--no-tablespaces", "--complete-insert", "--max-allowed-packet=67108864",
					"--default-character-set=latin1")
			.doesNotContain("--routines", "--events", "--triggers");
		assertThat(command.subList(command.size() - 2, command.size())).containsExactly("--", "db");
	}

	@Test
	void sslModesBecomeEachClientsOwnFlags() throws RunnerFailure {
		DatabaseUrl verify = url("mysql://u:p@h/db?ssl-mode=VERIFY_IDENTITY&ssl-ca=/etc/ca.pem");
		DumpOptions none = DumpOptions.defaults(Engine.MYSQL);
		assertThat(MysqlDumpCommand.dump(MARIADB_DUMP, verify, true, List.of(), none, DEFAULTS)).contains("--ssl",
				"--ssl-verify-server-cert", "--ssl-ca=/etc/ca.pem");
		assertThat(MysqlDumpCommand.dump(MYSQLDUMP, verify, false, List.of(), none, DEFAULTS))
			.contains("--ssl-mode=VERIFY_IDENTITY", "--ssl-ca=/etc/ca.pem");
		assertThat(MysqlDumpCommand.dump(MARIADB_DUMP, url("mysql://u:p@h/db?sslmode=disabled"), true, List.of(), none,
				DEFAULTS))
			.contains("--skip-ssl");
	}

	@Test
	void restoreLoadsIntoTheDatabaseInBatchModeInTheSandbox() throws RunnerFailure {
		ClientBinary mariadb = new ClientBinary(Path.of("/usr/bin/mariadb"),
				"mariadb  Ver 15.1 Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64) using  EditLine wrapper");
		assertThat(MysqlDumpCommand.restore(mariadb, url("mariadb://u:hunter2@h:3307/target"), DEFAULTS, true))
			.containsExactly("/usr/bin/mariadb", "--defaults-extra-file=/tmp/strongroom-1/my.cnf", "--protocol=TCP",
					"--host=h", "--port=3307", "--user=u", "--batch", "--sandbox", "--database=target");
	}

	@Test
	void defaultsFileQuotesThePassword() throws RunnerFailure {
		assertThat(MysqlDumpCommand.defaultsFile(url("mysql://u:a%22b%5Cc%23d%20e@h/db")))
			.isEqualTo("[client]\npassword=\"a\\\"b\\\\c#d e\"\n");
	}

}
