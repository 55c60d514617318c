package io.strongroom.target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.strongroom.runner.DatabaseUrl;
import io.strongroom.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Test connection" names the dump tool the runner would run for the server: the same
 * binary the runner's own rules pick, with its version; or, when no tool found can dump
 * the server, says so as the backup would fail.
 */
class ConnectionProbeIntegrationTests {

	@TempDir
	Path empty;

	@Test
	void namesTheBinaryAndVersionTheRunnerWouldRunForPostgres() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of()));
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.dumpClientPath()).endsWith("/pg_dump");
		assertThat(report.dumpClientVersion()).isEqualTo(versionLine(report.dumpClientPath()))
			.startsWith("pg_dump (PostgreSQL) " + report.serverVersion().split("\\.")[0] + ".");
		assertThat(report.dumpClient()).contains(report.dumpClientPath()).contains(report.dumpClientVersion());
	}

	@Test
	void namesTheBinaryAndVersionTheRunnerWouldRunForMariaDb() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.mariadb().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of()));
		assertThat(report.ok()).as(report.toString()).isTrue();
		assertThat(report.dumpClientPath()).matches(".*/(mariadb-dump|mysqldump)");
		assertThat(report.dumpClientVersion()).isEqualTo(versionLine(report.dumpClientPath())).contains("MariaDB");
	}

	@Test
	void noToolThatCanDumpTheServerFailsTheTestAsTheBackupWould() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(true, List.of(this.empty)));
		assertThat(report.ok()).isFalse();
		assertThat(report.errorKind()).isEqualTo("CLIENT_TOO_OLD");
		assertThat(report.errorMessage()).contains("no pg_dump was found").contains(this.empty.toString());
		assertThat(report.dumpClientPath()).isNull();
	}

	@Test
	void runnersOnDynosAreNamedByTheVersionTheyNeed() throws Exception {
		DatabaseUrl url = DatabaseUrl.parse(TestDatabase.postgres().url());
		ConnectionReport report = ConnectionProbe.probe(url, new ConnectionProbe.Clients(false, List.of()));
		assertThat(report.ok()).isTrue();
		assertThat(report.dumpClientPath()).isNull();
		assertThat(report.dumpClient()).contains("pg_dump " + report.serverVersion().split("\\.")[0] + " or newer")
			.contains("one-off dyno");
	}

	private static String versionLine(String binary) throws Exception {
		Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output.lines().findFirst().orElse("").trim();
	}

}
