package io.strongroom.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifySpecTests {

	static final String SHA = "a".repeat(64);

	static final String HMAC = "B".repeat(64);

	static final String FULL = """
			{ "version": 1,
			  "verificationId": "5d0f0b2a-0000-4000-8000-000000000009", "runId": "0b7c1d2e-0000-4000-8000-000000000001",
			  "engine": "postgres", "compression": "zstd",
			  "objectKey": "backups/acme/DATABASE/2026/11/22/20261122T030000Z-r.dump.zst.enc",
			  "manifestKey": "backups/acme/DATABASE/2026/11/22/20261122T030000Z-r.dump.zst.enc.manifest.json",
			  "sha256": "%s", "hmacSha256": "%s",
			  "encryptionKeyEnv": "STRONGROOM_ENCRYPTION_KEY",
			  "destination": { "type": "filesystem", "path": "/var/backups", "prefix": "backups" },
			  "restoreTest": { "databaseUrlEnv": "STRONGROOM_VERIFY_DATABASE_URL", "mode": "create" },
			  "statistics": { "databaseBytes": 100, "tables": [
			    { "schema": "public", "name": "orders", "rows": 10, "tableBytes": 8192, "indexBytes": 0 } ] },
			  "clientDirectories": ["/usr/lib/postgresql/17/bin"] }
			""".formatted(SHA, HMAC);

	static VerifySpec parse(String json) throws RunnerFailure {
		return VerifySpec.parse(json, (warning) -> {
		});
	}

	@Test
	void readsEveryFieldOfTheContract() throws RunnerFailure {
		VerifySpec spec = parse(FULL);
		assertThat(spec.verificationId()).isEqualTo("5d0f0b2a-0000-4000-8000-000000000009");
		assertThat(spec.runId()).isEqualTo("0b7c1d2e-0000-4000-8000-000000000001");
		assertThat(spec.engine()).isEqualTo("postgres");
		assertThat(spec.compression()).isEqualTo(CompressionSettings.Algorithm.ZSTD);
		assertThat(spec.objectKey()).endsWith("-r.dump.zst.enc");
		assertThat(spec.manifestKey()).endsWith(".manifest.json");
		assertThat(spec.sha256()).isEqualTo(SHA);
		assertThat(spec.hmacSha256()).isEqualTo("b".repeat(64));
		assertThat(spec.destination()).isEqualTo(new BackupSpec.Filesystem(Path.of("/var/backups"), "backups"));
		assertThat(spec.restoreTest())
			.isEqualTo(new VerifySpec.RestoreTest("STRONGROOM_VERIFY_DATABASE_URL", VerifySpec.Mode.CREATE));
		assertThat(spec.statistics().tables()).containsExactly(new TableStatistics("public", "orders", 10, 8192, 0));
		assertThat(spec.clientDirectories()).containsExactly(Path.of("/usr/lib/postgresql/17/bin"));
	}

	@Test
	void aSpecByHandNeedsOnlyTheObjectAndTheDestination() throws RunnerFailure {
		VerifySpec spec = parse("""
				{ "version": 1, "objectKey": "a/b.sql.gz.enc", "destination": { "type": "filesystem", "path": "/x" },
				  "restoreTest": null }""");
		assertThat(spec.manifestKey()).isEqualTo("a/b.sql.gz.enc.manifest.json");
		assertThat(spec.verificationId()).isNotBlank();
		assertThat(spec.encryptionKeyEnv()).isEqualTo("STRONGROOM_ENCRYPTION_KEY");
		assertThat(spec.runId()).isNull();
		assertThat(spec.sha256()).isNull();
		assertThat(spec.restoreTest()).isNull();
		assertThat(spec.statistics()).isNull();
	}

	@Test
	void mistakesNameTheField() {
		assertUsage(FULL.replace("\"mode\": \"create\"", "\"mode\": \"scratch\""), "\"restoreTest.mode\"");
		assertUsage(FULL.replace("\"databaseUrlEnv\": \"STRONGROOM_VERIFY_DATABASE_URL\", ", ""), "\"databaseUrlEnv\"");
		assertUsage(FULL.replace("\"sha256\": \"" + SHA, "\"sha256\": \"abc"), "\"sha256\"");
		assertUsage(FULL.replace("\"engine\": \"postgres\"", "\"engine\": \"oracle\""), "\"engine\"");
		assertUsage(FULL.replace("\"compression\": \"zstd\"", "\"compression\": {\"algorithm\": \"zstd\"}"),
				"\"compression\" must be a string");
		assertUsage(FULL.replace("\"rows\": 10", "\"rows\": -1"), "\"statistics.tables[0].rows\"");
		assertUsage(FULL.replace("\"type\": \"filesystem\"", "\"type\": \"ftp\""), "\"destination.type\"");
		assertUsage(
				FULL.replace("backups/acme/DATABASE/2026/11/22/20261122T030000Z-r.dump.zst.enc\",", "../etc/passwd\","),
				"\"objectKey\"");
		assertUsage(FULL.replace("\"version\": 1", "\"version\": 2"), "\"version\" must be 1");
		assertUsage("[]", "JSON object");
		assertUsage("{", "not valid JSON");
	}

	@Test
	void unknownFieldsAreWarnedAbout() throws RunnerFailure {
		List<String> warnings = new ArrayList<>();
		VerifySpec.parse(FULL.replace("\"version\": 1,", "\"version\": 1, \"priority\": 3,"), warnings::add);
		assertThat(warnings).singleElement().asString().contains("\"priority\"");
	}

	static void assertUsage(String json, String mention) {
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> parse(json)).satisfies((failure) -> {
			assertThat(failure.kind()).isEqualTo(FailureKind.USAGE);
			assertThat(failure.getMessage()).startsWith("Bad verify spec: ").contains(mention);
		});
	}

}
