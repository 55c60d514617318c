package io.strongroom.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.support.LocalTools;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups made by the runner into a real S3 server, restored with nothing but README.md's
 * commands (the real openssl, zstd, pg_restore and mariadb): every table's rows and
 * contents come back, excluded tables don't, and the statistics equal the source.
 */
class RoundTripIntegrationTests {

	static final String KEY = "round-trip key \u00e9 " + UUID.randomUUID();

	static final S3MockServer s3 = S3MockServer.shared();

	final String bucket = s3.createBucket();

	final S3BackupStore store = new S3BackupStore(new S3Destination(this.bucket, S3MockServer.REGION, s3.endpoint(),
			true, S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));

	@TempDir
	Path folder;

	@AfterEach
	void close() {
		this.store.close();
	}

	static String spec(String bucket, String excluded, String compression) {
		return """
				{ "version": 1, "addonName": "acme-primary-1234", "databaseLabel": "DATABASE",
				  "databaseUrlEnv": "SOURCE_URL", "excludeTables": ["%s"],
				  "compression": {"algorithm": "%s"},
				  "encryptionKeyEnv": "STRONGROOM_ENCRYPTION_KEY",
				  "destination": { "type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s",
				    "pathStyle": true, "prefix": "backups",
				    "accessKeyIdEnv": "S3_ID", "secretAccessKeyEnv": "S3_SECRET" } }
				""".formatted(excluded, compression, bucket, s3.endpoint());
	}

	static Map<String, String> env(TestDatabase.Coordinates source) {
		Map<String, String> env = new HashMap<>();
		env.put("SOURCE_URL", source.url());
		env.put("STRONGROOM_ENCRYPTION_KEY", KEY);
		env.put("S3_ID", S3MockServer.ACCESS_KEY_ID);
		env.put("S3_SECRET", S3MockServer.SECRET_ACCESS_KEY);
		return env;
	}

	JsonNode backup(TestDatabase.Coordinates source, String excluded) throws IOException {
		Path spec = this.folder.resolve("spec.json");
		Files.writeString(spec, spec(this.bucket, excluded, "zstd"));
		SampleDatabases.Sizes before = SampleDatabases.sizes(source);
		long start = System.nanoTime();
		RunnerHarness.Run run = RunnerHarness.run(env(source), "backup", "--spec", spec.toString());
		long wallMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("SUCCEEDED");
		assertDurations(result.path("durationsMillis"), wallMillis);
		assertVersions(result, source);
		assertSizesAsReported(result.path("statistics"), source.engine(), before, SampleDatabases.sizes(source));
		String key = result.path("objectKey").asString();
		assertThat(this.store.pendingUploads(key)).isEmpty();
		assertThat(this.store.head(key).orElseThrow().metadata())
			.containsEntry("strongroom-run", result.path("runId").asString())
			.containsEntry("strongroom-sha256", result.path("sha256").asString())
			.containsEntry("strongroom-hmac", result.path("hmacSha256").asString());
		assertThat(this.store.head(key).orElseThrow().size()).isEqualTo(result.path("bytesOut").asLong());
		download(key, this.folder.resolve("backup.enc"));
		download(result.path("manifestKey").asString(), this.folder.resolve("backup.manifest.json"));
		return result;
	}

	/**
	 * Each stage's time, in order; the stages follow one another within the total, which
	 * lies within the run's wall time.
	 */
	private static void assertDurations(JsonNode durations, long wallMillis) {
		assertThat(durations.propertyNames()).containsExactly("connect", "dump", "upload", "total");
		long connect = durations.path("connect").asLong(-1);
		long dump = durations.path("dump").asLong(-1);
		long upload = durations.path("upload").asLong(-1);
		long total = durations.path("total").asLong(-1);
		assertThat(connect).isPositive();
		assertThat(dump).isPositive();
		assertThat(upload).isNotNegative();
		assertThat(total).isGreaterThanOrEqualTo(connect + dump + upload).isLessThanOrEqualTo(wallMillis);
	}

	/** The server's version as the server states it, the client's as its binary does. */
	private static void assertVersions(JsonNode result, TestDatabase.Coordinates source) throws IOException {
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			if (source.engine() == TestDatabase.Engine.POSTGRES) {
				// "15.20 (Debian 15.20-0+deb12u1)": the runner reports the number
				assertThat(result.path("serverVersion").asString())
					.isEqualTo(single(statement, "SHOW server_version").split(" ")[0]);
				assertThat(result.path("clientVersion").asString())
					.isEqualTo(LocalTools.run("pg_dump", "--version").strip());
			}
			else {
				assertThat(result.path("serverVersion").asString()).isEqualTo(single(statement, "SELECT VERSION()"));
				assertThat(result.path("clientVersion").asString()).isIn(
						LocalTools.run("mariadb-dump", "--version").strip(),
						LocalTools.run("mysqldump", "--version").strip());
			}
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).isTrue();
			return rs.getString(1);
		}
	}

	/**
	 * The sizes in the statistics are the server's own, read while the dump ran: each
	 * lies between what the server reported before and after (autovacuum or InnoDB's
	 * statistics may change them in between).
	 */
	private static void assertSizesAsReported(JsonNode statistics, TestDatabase.Engine engine,
			SampleDatabases.Sizes before, SampleDatabases.Sizes after) {
		assertBetween(statistics.path("databaseBytes").asLong(-1), before.databaseBytes(), after.databaseBytes(),
				"databaseBytes");
		assertThat(statistics.path("tables").values()).isNotEmpty().allSatisfy((table) -> {
			String name = table.path("schema").asString() + "." + table.path("name").asString();
			assertThat(before.tables()).as(name).containsKey(name);
			SampleDatabases.TableSize was = before.tables().get(name);
			SampleDatabases.TableSize is = after.tables().get(name);
			assertBetween(table.path("tableBytes").asLong(-1), was.tableBytes(), is.tableBytes(), name + " tableBytes");
			assertBetween(table.path("indexBytes").asLong(-1), was.indexBytes(), is.indexBytes(), name + " indexBytes");
		});
		assertThat(statistics.path("tables").values())
			.anySatisfy((table) -> assertThat(table.path("tableBytes").asLong()).isPositive());
		if (engine == TestDatabase.Engine.POSTGRES) {
			// InnoDB counts the primary key as the table, and the samples have no other
			// index
			assertThat(statistics.path("tables").values())
				.anySatisfy((table) -> assertThat(table.path("indexBytes").asLong()).isPositive());
		}
	}

	private static void assertBetween(long reported, long before, long after, String what) {
		assertThat(reported).as(what).isBetween(Math.min(before, after), Math.max(before, after));
	}

	void download(String key, Path file) throws IOException {
		try (InputStream in = this.store.get(key)) {
			Files.copy(in, file);
		}
	}

	void checkWithReadme() throws Exception {
		ReadmeCommands.Result check = ReadmeCommands.run(
				ReadmeCommands.block("# check the backup against its manifest"), this.folder,
				Map.of("STRONGROOM_ENCRYPTION_KEY", KEY));
		assertThat(check.exit()).as(check.output()).isZero();
		assertThat(check.output()).contains("SHA-256 OK").contains("HMAC OK").doesNotContain("MISMATCH");
	}

	@Test
	void postgresRoundTripsThroughReadmeCommands() throws Exception {
		TestDatabase.Coordinates source = SampleDatabases.postgresFull();
		JsonNode result = backup(source, SampleDatabases.EXCLUDED_PG);
		assertThat(result.path("objectKey").asString()).matches(
				"backups/acme-primary-1234/DATABASE/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{6}Z-[0-9a-f-]{36}\\.dump\\.zst\\.enc");
		assertThat(result.path("bytesIn").asLong()).isGreaterThan(100_000_000L);
		assertThat(result.path("bytesOut").asLong()).isLessThan(result.path("bytesIn").asLong() / 2);
		assertThat(result.path("engine").asString()).isEqualTo("postgres");
		Map<String, String> expected = new TreeMap<>(SampleDatabases.contents(source));
		assertStatisticsEqualSource(result, expected);
		checkWithReadme();

		TestDatabase.Coordinates target = TestDatabase.postgres();
		ReadmeCommands.Result restore = ReadmeCommands.run(ReadmeCommands.block("# restore a PostgreSQL backup"),
				this.folder, Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET_DATABASE_URL", target.url()));
		assertThat(restore.exit()).as(restore.output()).isZero();
		expected.remove(SampleDatabases.EXCLUDED_PG);
		assertThat(SampleDatabases.contents(target)).isEqualTo(expected);
		assertThat(SampleDatabases.tables(target)).doesNotContain(SampleDatabases.EXCLUDED_PG)
			.contains("public.big", "public.kinds", "sales.orders", "public.docs");
		TestDatabase.drop(target);
	}

	/**
	 * Every table's row count in the result equals the source's, excluded ones absent.
	 */
	private static void assertStatisticsEqualSource(JsonNode result, Map<String, String> source) {
		Map<String, Long> reported = new TreeMap<>();
		for (JsonNode table : result.path("statistics").path("tables").values()) {
			reported.put(table.path("schema").asString() + "." + table.path("name").asString(),
					table.path("rows").asLong());
		}
		assertThat(reported).doesNotContainKey(SampleDatabases.EXCLUDED_PG);
		for (Map.Entry<String, String> table : source.entrySet()) {
			if (table.getKey().equals("large objects")) {
				continue;
			}
			String name = table.getKey().contains(".") ? table.getKey() : null;
			long rows = Long.parseLong(table.getValue().substring(0, table.getValue().indexOf(':')));
			if (name != null && !name.equals(SampleDatabases.EXCLUDED_PG)) {
				assertThat(reported).containsEntry(name, rows);
			}
		}
	}

	@Test
	void mariadbRoundTripsThroughReadmeCommands() throws Exception {
		TestDatabase.Coordinates source = SampleDatabases.mariadb();
		JsonNode result = backup(source, "audit_log");
		assertThat(result.path("objectKey").asString()).endsWith(".sql.zst.enc");
		assertThat(result.path("engine").asString()).isEqualTo("mariadb");
		Map<String, Long> reported = new TreeMap<>();
		result.path("statistics")
			.path("tables")
			.values()
			.forEach((table) -> reported.put(table.path("name").asString(), table.path("rows").asLong()));
		assertThat(reported).containsEntry("kinds", 5002L)
			.containsEntry("orders", 2000L)
			.containsEntry("blobs", 1000L)
			.doesNotContainKey("audit_log");
		checkWithReadme();

		TestDatabase.Coordinates target = TestDatabase.mariadb();
		Map<String, String> env = new HashMap<>();
		env.put("STRONGROOM_ENCRYPTION_KEY", KEY);
		env.put("DB_HOST", target.host());
		env.put("DB_PORT", Integer.toString(target.port()));
		env.put("DB_USER", target.user());
		env.put("DB_PASSWORD", target.password());
		env.put("DB_NAME", target.name());
		ReadmeCommands.Result restore = ReadmeCommands.run(ReadmeCommands.block("# restore a MySQL or MariaDB backup"),
				this.folder, env);
		assertThat(restore.exit()).as(restore.output()).isZero();
		Map<String, String> expected = new TreeMap<>(SampleDatabases.contents(source));
		expected.remove("audit_log");
		assertThat(SampleDatabases.contents(target)).isEqualTo(expected);
		assertThat(Files.exists(this.folder.resolve("restore.cnf"))).isFalse();
		TestDatabase.drop(target);

		TestDatabase.Coordinates byRunner = TestDatabase.mariadb();
		RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", byRunner.url()),
				"restore", "--in", this.folder.resolve("backup.enc").toString(), "--manifest",
				this.folder.resolve("backup.manifest.json").toString(), "--into-env", "TARGET");
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.result().path("rowCountsMatch").asBoolean()).isTrue();
		assertThat(SampleDatabases.contents(byRunner)).isEqualTo(expected);
		TestDatabase.drop(byRunner);
	}

	@Test
	void readmeCheckNoticesAChangedBackup() throws Exception {
		backup(SampleDatabases.postgresSmall(), SampleDatabases.EXCLUDED_PG);
		Path file = this.folder.resolve("backup.enc");
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(file, bytes);
		ReadmeCommands.Result check = ReadmeCommands.run(
				ReadmeCommands.block("# check the backup against its manifest"), this.folder,
				Map.of("STRONGROOM_ENCRYPTION_KEY", KEY));
		assertThat(check.output()).contains("SHA-256 MISMATCH").contains("HMAC MISMATCH");
		assertThat(List.of(check.output().split("\n"))).noneMatch((line) -> line.endsWith(" OK"));
	}

}
