package io.strongroom.runner;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client pickers as pure functions over (server version, candidate clients). */
class ClientPickerTests {

	static ClientBinary pg(String directory, String version) {
		return new ClientBinary(Path.of(directory, "pg_dump"), "pg_dump (PostgreSQL) " + version);
	}

	static final List<Path> SEARCHED = List.of(Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/bin"));

	@Test
	void picksTheLowestMajorVersionThatIsAtLeastTheServers() throws RunnerFailure {
		List<ClientBinary> clients = List.of(pg("/pg17", "17.2"), pg("/pg15", "15.20 (Debian 15.20-0+deb12u1)"),
				pg("/pg16", "16.6"), pg("/pg14", "14.15"));
		assertThat(PgClients.pick("pg_dump", 160004, "16.4", clients, SEARCHED).path())
			.isEqualTo(Path.of("/pg16/pg_dump"));
		assertThat(PgClients.pick("pg_dump", 150020, "15.20", clients, SEARCHED).path())
			.isEqualTo(Path.of("/pg15/pg_dump"));
		assertThat(PgClients.pick("pg_dump", 120001, "12.1", clients, SEARCHED).path())
			.isEqualTo(Path.of("/pg14/pg_dump"));
		assertThat(PgClients.pick("pg_dump", 170000, "17.0", clients, SEARCHED).path())
			.isEqualTo(Path.of("/pg17/pg_dump"));
	}

	@Test
	void withinAMajorVersionTheNewestMinorWinsAndThenTheFirstFolder() throws RunnerFailure {
		List<ClientBinary> clients = List.of(pg("/a", "16.2"), pg("/b", "16.6"), pg("/c", "16.6"));
		assertThat(PgClients.pick("pg_dump", 160000, "16.0", clients, SEARCHED).path())
			.isEqualTo(Path.of("/b/pg_dump"));
	}

	@Test
	void aServerNewerThanEveryClientIsClientTooOldNamingBothVersions() {
		List<ClientBinary> clients = List.of(pg("/usr/lib/postgresql/15/bin", "15.20"), pg("/old", "13.1"));
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> PgClients.pick("pg_dump", 170002, "17.2", clients, SEARCHED))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.CLIENT_TOO_OLD))
			.withMessageContaining("The server runs PostgreSQL 17.2")
			.withMessageContaining("the newest pg_dump found is 15.20 (/usr/lib/postgresql/15/bin/pg_dump)")
			.withMessageContaining("Install pg_dump 17 or newer (Debian/Ubuntu: postgresql-client-17)");
	}

	@Test
	void noClientAtAllIsClientTooOldNamingWhereItLooked() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> PgClients.pick("pg_dump", 150000, "15.0", List.of(), SEARCHED))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.CLIENT_TOO_OLD))
			.withMessageContaining("no pg_dump was found (searched: /usr/lib/postgresql/15/bin, /usr/bin)");
	}

	@Test
	void oldVersionNumbersCountTheirTwoPartMajor() throws RunnerFailure {
		assertThat(PgClients.versionNumber("9.6.24")).isEqualTo(90624);
		assertThat(PgClients.major(90624)).isEqualTo(906).isLessThan(PgClients.major(100023));
		assertThat(PgClients.majorText(90624)).isEqualTo("9.6");
		assertThat(PgClients.versionNumber("pg_dump (PostgreSQL) 17devel")).isEqualTo(170000);
		List<ClientBinary> clients = List.of(pg("/a", "9.5.3"), pg("/b", "10.23"));
		assertThat(PgClients.pick("pg_dump", 90624, "9.6.24", clients, SEARCHED).path())
			.isEqualTo(Path.of("/b/pg_dump"));
	}

	static ClientBinary tool(String path, String versionLine) {
		return new ClientBinary(Path.of(path), versionLine);
	}

	static final ClientBinary MARIADB_DUMP = tool("/usr/bin/mariadb-dump",
			"mariadb-dump  Ver 10.19 Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)");

	static final ClientBinary MARIADB_11 = tool("/opt/mariadb11/bin/mariadb-dump",
			"mariadb-dump from 11.4.2-MariaDB, client 10.19 for Linux (x86_64)");

	static final ClientBinary MYSQLDUMP_80 = tool("/opt/mysql80/bin/mysqldump",
			"mysqldump  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)");

	static final ClientBinary MYSQLDUMP_57 = tool("/opt/mysql57/bin/mysqldump",
			"mysqldump  Ver 10.13 Distrib 5.7.44, for Linux (x86_64)");

	@Test
	void aMariaDbServerGetsTheNewestMariaDbTool() throws RunnerFailure {
		assertThat(MysqlClients.pick("dump", "10.11.19-MariaDB-0+deb12u1",
				List.of(MYSQLDUMP_80, MARIADB_DUMP, MARIADB_11), SEARCHED))
			.isEqualTo(MARIADB_11);
		assertThat(MysqlClients.pick("dump", "10.6.5-MariaDB", List.of(MYSQLDUMP_80), SEARCHED))
			.isEqualTo(MYSQLDUMP_80);
	}

	@Test
	void aMysqlServerGetsAMysqlToolAtLeastAsNewElseAMariaDbTool() throws RunnerFailure {
		assertThat(MysqlClients.pick("dump", "8.0.35", List.of(MARIADB_DUMP, MYSQLDUMP_57, MYSQLDUMP_80), SEARCHED))
			.isEqualTo(MYSQLDUMP_80);
		assertThat(MysqlClients.pick("dump", "5.7.40-log", List.of(MYSQLDUMP_57), SEARCHED)).isEqualTo(MYSQLDUMP_57);
		assertThat(MysqlClients.pick("dump", "8.4.3", List.of(MARIADB_DUMP, MYSQLDUMP_80), SEARCHED))
			.isEqualTo(MARIADB_DUMP);
	}

	@Test
	void aMysqlServerNewerThanEveryMysqlToolIsClientTooOld() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> MysqlClients.pick("dump", "8.0.35", List.of(MYSQLDUMP_57), SEARCHED))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.CLIENT_TOO_OLD))
			.withMessageContaining("The server runs MySQL 8.0.35")
			.withMessageContaining("the newest mysqldump found is 5.7.44");
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(() -> MysqlClients.pick("mariadb-dump or mysqldump", "10.11.2-MariaDB", List.of(), SEARCHED))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.CLIENT_TOO_OLD))
			.withMessageContaining("no mariadb-dump or mysqldump was found");
	}

	@Test
	void versionLinesOfEveryToolParse() {
		assertThat(MARIADB_DUMP.version()).containsExactly(10, 11, 19);
		assertThat(MARIADB_11.version()).containsExactly(11, 4, 2);
		assertThat(MYSQLDUMP_80.version()).containsExactly(8, 0, 36);
		assertThat(MYSQLDUMP_57.version()).containsExactly(5, 7, 44);
		assertThat(pg("/x", "15.20 (Debian 15.20-0+deb12u1)").versionText()).isEqualTo("15.20");
	}

}
