package io.strongroom.runner;

import java.io.IOException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code decrypt} and {@code restore}: they check the HMAC before anything is decrypted
 * or reaches a database, refuse changed and truncated files, and read what stock
 * {@code openssl enc} writes. The backup is made once, into a folder (the filesystem
 * destination), with gzip.
 */
class DecryptAndRestoreIntegrationTests {

	static final String KEY = "decrypt-and-restore-key";

	@TempDir
	static Path shared;

	static Path backup;

	static Path manifest;

	static byte[] plainDump;

	@TempDir
	Path folder;

	@BeforeAll
	static void backUp() throws IOException {
		Path destination = Files.createDirectories(shared.resolve("destination"));
		Path spec = shared.resolve("spec.json");
		Files.writeString(spec, """
				{ "version": 1, "addonName": "acme", "databaseLabel": "DATABASE", "databaseUrlEnv": "SOURCE_URL",
				  "excludeTables": ["public.audit_log"], "compression": {"algorithm": "gzip", "level": 1},
				  "destination": { "type": "filesystem", "path": "%s", "prefix": "backups" } }
				""".formatted(destination));
		RunnerHarness.Run run = RunnerHarness.run(
				Map.of("SOURCE_URL", SampleDatabases.postgresSmall().url(), "STRONGROOM_ENCRYPTION_KEY", KEY), "backup",
				"--spec", spec.toString());
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode result = run.result();
		assertThat(result.path("objectKey").asString()).endsWith(".dump.gz.enc");
		backup = destination.resolve(result.path("objectKey").asString());
		manifest = destination.resolve(result.path("manifestKey").asString());
		assertThat(backup).exists();
		assertThat(manifest).exists();
		try (var files = Files.walk(destination)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".partial"));
		}
		plainDump = OpenSslProcess.run(KEY, Files.readAllBytes(backup), List.of("bash", "-c",
				"openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_TEST_KEY | gzip -d"));
		assertThat(new String(plainDump, 0, 5)).isEqualTo("PGDMP");
	}

	@AfterAll
	static void forget() {
		plainDump = null;
	}

	static Map<String, String> key() {
		return Map.of("STRONGROOM_ENCRYPTION_KEY", KEY);
	}

	Path changed(int position) throws IOException {
		byte[] bytes = Files.readAllBytes(backup);
		bytes[(position < 0) ? bytes.length + position : position] ^= 0x04;
		Path file = this.folder.resolve("changed.enc");
		Files.write(file, bytes);
		return file;
	}

	Path truncated() throws IOException {
		byte[] bytes = Files.readAllBytes(backup);
		Path file = this.folder.resolve("truncated.enc");
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 16));
		return file;
	}

	@Test
	void decryptChecksTheManifestThenWritesTheDump() throws IOException {
		Path out = this.folder.resolve("plain.dump");
		RunnerHarness.Run run = RunnerHarness.run(key(), "decrypt", "--in", backup.toString(), "--out", out.toString(),
				"--manifest", manifest.toString());
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.stderr()).contains("HMAC-SHA256 and SHA-256 match the manifest").doesNotContain("WARNING");
		assertThat(Files.readAllBytes(out)).isEqualTo(plainDump);
	}

	@Test
	void decryptStreamsFromStdinToStdout() throws IOException {
		RunnerHarness.Run run = RunnerHarness.run(key(), Files.readAllBytes(backup), "decrypt", "--manifest",
				manifest.toString());
		assertThat(run.exit()).as(run.stderr()).isZero();
		assertThat(run.stdoutBytes()).isEqualTo(plainDump);
	}

	@Test
	void decryptWithoutManifestWarnsThatNothingWasChecked() throws IOException {
		RunnerHarness.Run run = RunnerHarness.run(key(), Files.readAllBytes(backup), "decrypt");
		assertThat(run.exit()).as(run.stderr()).isZero();
		assertThat(run.stderr()).contains("WARNING").contains("NOT checked");
		assertThat(run.stdoutBytes()).isEqualTo(plainDump);
	}

	@Test
	void decryptRefusesChangedAndTruncatedFilesBeforeWritingAByte() throws IOException {
		for (Path bad : List.of(changed(40), changed(-1), truncated())) {
			Path out = this.folder.resolve("never.dump");
			RunnerHarness.Run run = RunnerHarness.run(key(), "decrypt", "--in", bad.toString(), "--out", out.toString(),
					"--manifest", manifest.toString());
			assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
			assertThat(run.stderr()).contains("HMAC does not match");
			assertThat(out).doesNotExist();
			RunnerHarness.Run piped = RunnerHarness.run(key(), Files.readAllBytes(bad), "decrypt", "--manifest",
					manifest.toString());
			assertThat(piped.exit()).isEqualTo(FailureKind.INTEGRITY.exitCode());
			assertThat(piped.stdoutBytes()).isEmpty();
		}
	}

	@Test
	void decryptRefusesTheWrongKey() {
		RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", "not the key"), "decrypt", "--in",
				backup.toString(), "--manifest", manifest.toString());
		assertThat(run.exit()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(run.stderr()).contains("encryption key").doesNotContain("not the key");
	}

	@Test
	void decryptReadsWhatStockOpensslWrites() throws IOException {
		byte[] compressed = OpenSslProcess.run(KEY, plainDump, List.of("zstd", "-q", "-c"));
		byte[] encrypted = OpenSslProcess.encrypt(KEY, compressed);
		Path file = this.folder.resolve("by-openssl.enc");
		Files.write(file, encrypted);
		RunnerHarness.Run run = RunnerHarness.run(key(), "decrypt", "--in", file.toString());
		assertThat(run.exit()).as(run.stderr()).isZero();
		assertThat(run.stdoutBytes()).isEqualTo(plainDump);
	}

	@Test
	void restoreFromAFileChecksThenRestoresAndCompares() {
		TestDatabase.Coordinates target = TestDatabase.postgres();
		RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", target.url()),
				"restore", "--in", backup.toString(), "--into-env", "TARGET");
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.stderr()).contains("using the manifest beside the backup");
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(result.path("rowCountsMatch").asBoolean()).isTrue();
		Map<String, String> expected = new TreeMap<>(SampleDatabases.contents(SampleDatabases.postgresSmall()));
		expected.remove(SampleDatabases.EXCLUDED_PG);
		assertThat(SampleDatabases.contents(target)).isEqualTo(expected);
		TestDatabase.drop(target);
	}

	@Test
	void restoreFromPresignedLinks() throws IOException {
		S3MockServer s3 = S3MockServer.shared();
		String bucket = s3.createBucket();
		try (S3BackupStore store = new S3BackupStore(new S3Destination(bucket, S3MockServer.REGION, s3.endpoint(), true,
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY))) {
			store.put("b.dump.gz.enc", Files.readAllBytes(backup), Map.of());
			store.put("b.dump.gz.enc.manifest.json", Files.readAllBytes(manifest), Map.of());
			URI link = store.presignedGet("b.dump.gz.enc", Duration.ofMinutes(10));
			URI manifestLink = store.presignedGet("b.dump.gz.enc.manifest.json", Duration.ofMinutes(10));
			TestDatabase.Coordinates target = TestDatabase.postgres();
			RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", target.url()),
					"restore", "--in", link.toString(), "--manifest", manifestLink.toString(), "--into-env", "TARGET");
			assertThat(run.exit()).as(run.toString()).isZero();
			assertThat(run.result().path("rowCountsMatch").asBoolean()).isTrue();
			assertThat(run.stderr()).doesNotContain("X-Amz-Signature");
			TestDatabase.drop(target);
		}
	}

	@Test
	void restoreRefusesChangedAndTruncatedFilesBeforeAByteReachesTheDatabase() throws IOException {
		TestDatabase.Coordinates target = TestDatabase.postgres();
		for (Path bad : List.of(changed(100), changed(-3), truncated())) {
			RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", target.url()),
					"restore", "--in", bad.toString(), "--manifest", manifest.toString(), "--into-env", "TARGET");
			assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
			assertThat(run.result().path("kind").asString()).isEqualTo("INTEGRITY");
			assertThat(run.stderr()).contains("Nothing was restored");
			assertThat(SampleDatabases.tables(target)).isEmpty();
		}
		TestDatabase.drop(target);
	}

	@Test
	void restoreWithoutManifestNeedsToBeToldSo() throws IOException {
		Path alone = this.folder.resolve("alone.dump.gz.enc");
		Files.copy(backup, alone);
		TestDatabase.Coordinates target = TestDatabase.postgres();
		Map<String, String> env = new HashMap<>(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", target.url()));
		RunnerHarness.Run refused = RunnerHarness.run(env, "restore", "--in", alone.toString(), "--into-env", "TARGET");
		assertThat(refused.exit()).isEqualTo(FailureKind.USAGE.exitCode());
		assertThat(refused.stderr()).contains("--manifest");
		assertThat(SampleDatabases.tables(target)).isEmpty();
		RunnerHarness.Run unchecked = RunnerHarness.run(env, "restore", "--in", alone.toString(), "--into-env",
				"TARGET", "--no-integrity-check");
		assertThat(unchecked.exit()).as(unchecked.toString()).isZero();
		assertThat(unchecked.stderr()).contains("NOT checked");
		assertThat(SampleDatabases.tables(target)).contains("public.kinds");
		TestDatabase.drop(target);
	}

	@Test
	void restoreRefusesAnotherEngine() {
		TestDatabase.Coordinates target = TestDatabase.mariadb();
		RunnerHarness.Run run = RunnerHarness.run(Map.of("STRONGROOM_ENCRYPTION_KEY", KEY, "TARGET", target.url()),
				"restore", "--in", backup.toString(), "--manifest", manifest.toString(), "--into-env", "TARGET");
		assertThat(run.exit()).isEqualTo(FailureKind.USAGE.exitCode());
		assertThat(run.stderr()).contains("postgres backup");
		TestDatabase.drop(target);
	}

}
