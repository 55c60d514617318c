package io.strongroom.runner;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages as the tools write them (C locale), and the kinds they mean. */
class DumpFailuresTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"pg_dump: error: connection to server at \"10.0.0.9\", port 5432 failed: Connection refused| CONNECTION_REFUSED",
			"pg_dump: error: could not translate host name \"nowhere\" to address: Name or service not known| CONNECTION_REFUSED",
			"pg_dump: error: connection to server at \"h\" (1.2.3.4), port 5432 failed: timeout expired| CONNECTION_REFUSED",
			"pg_dump: error: connection to server at \"h\", port 5432 failed: FATAL:  password authentication failed for user \"app\"| AUTHENTICATION_FAILED",
			"pg_dump: error: connection to server failed: fe_sendauth: no password supplied| AUTHENTICATION_FAILED",
			"pg_dump: error: connection to server failed: FATAL:  no pg_hba.conf entry for host \"1.2.3.4\", user \"app\"| AUTHENTICATION_FAILED",
			"pg_dump: error: query failed: ERROR:  permission denied for table payroll| PERMISSION_DENIED",
			"pg_dump: error: query failed: ERROR:  query would be affected by row-level security policy for table \"t\"| PERMISSION_DENIED",
			"pg_dump: error: aborting because of server version mismatch| CLIENT_TOO_OLD",
			"pg_restore: error: unsupported version (1.16) in file header| CLIENT_TOO_OLD",
			"pg_dump: error: query failed: ERROR:  canceling statement due to lock timeout| DUMP_FAILED" })
	void postgresMessages(String stderr, FailureKind kind) {
		assertThat(DumpFailures.classifyPostgres(stderr)).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"mariadb-dump: Got error: 2002: \"Can't connect to server on '127.0.0.1' (115)\" when trying to connect| CONNECTION_REFUSED",
			"mysqldump: Got error: 2005: Unknown MySQL server host 'nowhere' (-2) when trying to connect| CONNECTION_REFUSED",
			"mysqldump: Got error: 2013: Lost connection to server during query when dumping table `t` at row: 10| CONNECTION_REFUSED",
			"mariadb-dump: Got error: 1045: \"Access denied for user 'app'@'10.0.0.1' (using password: YES)\" when trying to connect| AUTHENTICATION_FAILED",
			"mariadb-dump: Couldn't execute 'show events': Access denied for user 'app'@'%' to database 'shop' (1044)| PERMISSION_DENIED",
			"mysqldump: Error: 'Access denied; you need (at least one of) the PROCESS privilege(s) for this operation' when trying to dump tablespaces| PERMISSION_DENIED",
			"mariadb-dump: app has insufficient privileges to SHOW CREATE PROCEDURE `p`!| PERMISSION_DENIED",
			"mysqldump: Couldn't execute 'SELECT 1': SELECT command denied to user 'app'@'%' for table 't' (1142)| PERMISSION_DENIED",
			"ERROR 1064 (42000) at line 2: You have an error in your SQL syntax| DUMP_FAILED" })
	void mysqlMessages(String stderr, FailureKind kind) {
		assertThat(DumpFailures.classifyMysql(stderr)).isEqualTo(kind);
	}

	@Test
	void sqlStatesOfThePostgresDriverMapToKinds() {
		assertThat(DumpFailures.classify(new SQLException("refused", "08001"), Engine.POSTGRES))
			.isEqualTo(FailureKind.CONNECTION_REFUSED);
		assertThat(DumpFailures.classify(new SQLException("bad password", "28P01"), Engine.POSTGRES))
			.isEqualTo(FailureKind.AUTHENTICATION_FAILED);
		assertThat(DumpFailures.classify(new SQLException("no role", "28000"), Engine.POSTGRES))
			.isEqualTo(FailureKind.AUTHENTICATION_FAILED);
		assertThat(DumpFailures.classify(new SQLException("denied", "42501"), Engine.POSTGRES))
			.isEqualTo(FailureKind.PERMISSION_DENIED);
		assertThat(DumpFailures.classify(new SQLException("no db", "3D000"), Engine.POSTGRES))
			.isEqualTo(FailureKind.USAGE);
	}

	@Test
	void errorCodesOfTheMariaDbDriverMapToKinds() {
		assertThat(DumpFailures.classify(new SQLException("Access denied", "28000", 1045), Engine.MYSQL))
			.isEqualTo(FailureKind.AUTHENTICATION_FAILED);
		assertThat(DumpFailures.classify(new SQLException("Access denied to db", "42000", 1044), Engine.MYSQL))
			.isEqualTo(FailureKind.PERMISSION_DENIED);
		assertThat(DumpFailures.classify(new SQLException("Socket fail to connect", "08000"), Engine.MARIADB))
			.isEqualTo(FailureKind.CONNECTION_REFUSED);
		assertThat(DumpFailures.classify(new SQLException("Unknown database", "42000", 1049), Engine.MYSQL))
			.isEqualTo(FailureKind.USAGE);
	}

	@Test
	void toolMessagesAreMaskedAndSayWhatToDo() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app:hunter2@db.example.com:5432/shop");
		RunnerFailure failure = DumpFailures.fromTool("pg_dump", 1,
				"pg_dump: error: connection to server failed: FATAL: password authentication failed for user "
						+ "\"app\" (tried hunter2 via postgres://app:hunter2@db.example.com/shop)",
				url, FailureKind.DUMP_FAILED);
		assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION_FAILED);
		assertThat(failure.getMessage()).doesNotContain("hunter2")
			.contains("db.example.com:5432/shop", "pg_dump exited with code 1",
					"Check the user name and password in the URL");
	}

	@Test
	void unexplainedToolFailuresKeepTheCallersKind() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("mysql://app:pw@h/shop");
		assertThat(DumpFailures.fromTool("mariadb", 1, "ERROR 1064 (42000) at line 2: syntax", url,
				FailureKind.RESTORE_FAILED))
			.satisfies((failure) -> assertThat(failure.kind()).isEqualTo(FailureKind.RESTORE_FAILED))
			.hasMessageContaining("partly restored");
		assertThat(DumpFailures.fromTool("mariadb-dump", 2, "", url, FailureKind.DUMP_FAILED))
			.hasMessageContaining("no message");
	}

	@Test
	void privilegeFailuresSuggestTheOptionThatAvoidsThem() throws RunnerFailure {
		DatabaseUrl url = DatabaseUrl.parse("mysql://app:pw@h/shop");
		assertThat(DumpFailures.fromTool("mysqldump", 2,
				"mysqldump: Error: 'Access denied; you need (at least one of) the PROCESS privilege(s) for this "
						+ "operation' when trying to dump tablespaces",
				url, FailureKind.DUMP_FAILED))
			.hasMessageContaining("\"noTablespaces\": true");
		assertThat(DumpFailures.fromTool("mariadb-dump", 2,
				"mariadb-dump: Couldn't execute 'show events': Access denied for user 'app'@'%' to database 'shop' (1044)",
				url, FailureKind.DUMP_FAILED))
			.hasMessageContaining("\"events\": false");
	}

}
