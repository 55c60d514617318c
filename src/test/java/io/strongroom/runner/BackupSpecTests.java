package io.strongroom.runner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackupSpecTests {

	static final Instant NOW = Instant.parse("2026-11-22T03:04:05Z");

	static final String FULL = """
			{ "version": 1,
			  "runId": "0b7c1d2e-0000-4000-8000-000000000001",
			  "addonName": "acme-primary-1234", "databaseLabel": "DATABASE",
			  "databaseUrlEnv": "STRONGROOM_DATABASE_URL",
			  "excludeTables": ["public.audit_log"], "options": { "noComments": true },
			  "compression": { "algorithm": "zstd", "level": 3 },
			  "encryptionKeyEnv": "STRONGROOM_ENCRYPTION_KEY",
			  "destination": { "type": "s3", "bucket": "b", "region": "eu-west-1", "endpoint": "http://127.0.0.1:9090",
			                   "pathStyle": true, "prefix": "backups",
			                   "accessKeyIdEnv": "STRONGROOM_AWS_ACCESS_KEY_ID", "secretAccessKeyEnv": "STRONGROOM_AWS_SECRET_ACCESS_KEY" },
			  "startedAt": "2026-11-22T03:00:00Z",
			  "clientDirectories": ["/usr/lib/postgresql/17/bin"] }
			""";

	static BackupSpec parse(String json) throws RunnerFailure {
		return BackupSpec.parse(json, NOW, (warning) -> {
		});
	}

	@Test
	void readsEveryFieldOfTheContract() throws RunnerFailure {
		BackupSpec spec = parse(FULL);
		assertThat(spec.runId()).isEqualTo("0b7c1d2e-0000-4000-8000-000000000001");
		assertThat(spec.addonName()).isEqualTo("acme-primary-1234");
		assertThat(spec.databaseLabel()).isEqualTo("DATABASE");
		assertThat(spec.databaseUrlEnv()).isEqualTo("STRONGROOM_DATABASE_URL");
		assertThat(spec.excludeTables()).containsExactly("public.audit_log");
		assertThat(spec.options()).isEqualTo(Map.of("noComments", true));
		assertThat(spec.compression().algorithm()).isEqualTo(CompressionSettings.Algorithm.ZSTD);
		assertThat(spec.compression().level()).isEqualTo(3);
		assertThat(spec.encryptionKeyEnv()).isEqualTo("STRONGROOM_ENCRYPTION_KEY");
		assertThat(spec.destination())
			.isEqualTo(new BackupSpec.S3("b", "eu-west-1", URI.create("http://127.0.0.1:9090"), true, "backups",
					"STRONGROOM_AWS_ACCESS_KEY_ID", "STRONGROOM_AWS_SECRET_ACCESS_KEY"));
		assertThat(spec.startedAt()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
		assertThat(spec.clientDirectories()).containsExactly(Path.of("/usr/lib/postgresql/17/bin"));
	}

	@Test
	void fillsDefaults() throws RunnerFailure {
		BackupSpec spec = parse("""
				{ "version": 1, "addonName": "a", "databaseLabel": "DB", "databaseUrlEnv": "U",
				  "destination": { "type": "filesystem", "path": "/var/backups/strongroom" } }
				""");
		assertThat(spec.runId()).matches("[0-9a-f-]{36}");
		assertThat(spec.compression()).isEqualTo(CompressionSettings.defaults());
		// level 1 rather than 3: on mixed data 3 took twice the CPU for a larger object
		// (docs/runner-spec.md)
		assertThat(spec.compression().algorithm()).isEqualTo(CompressionSettings.Algorithm.ZSTD);
		assertThat(spec.compression().level()).isEqualTo(1);
		assertThat(spec.encryptionKeyEnv()).isEqualTo("STRONGROOM_ENCRYPTION_KEY");
		assertThat(spec.destination()).isEqualTo(new BackupSpec.Filesystem(Path.of("/var/backups/strongroom"), ""));
		assertThat(spec.startedAt()).isEqualTo(NOW);
		assertThat(spec.excludeTables()).isEmpty();
		assertThat(spec.options()).isEmpty();
	}

	@Test
	void gzipDefaultsToLevelSix() throws RunnerFailure {
		BackupSpec spec = parse(FULL.replace("{ \"algorithm\": \"zstd\", \"level\": 3 }", "{\"algorithm\":\"gzip\"}"));
		assertThat(spec.compression().algorithm()).isEqualTo(CompressionSettings.Algorithm.GZIP);
		assertThat(spec.compression().level()).isEqualTo(6);
	}

	@Test
	void warnsAboutUnknownFields() throws RunnerFailure {
		List<String> warnings = new ArrayList<>();
		BackupSpec.parse(FULL.replace("\"version\": 1,", "\"version\": 1, \"retention\": {},"), NOW, warnings::add);
		assertThat(warnings).singleElement().asString().contains("retention");
	}

	@Test
	void refusesWhatCannotWork() {
		assertUsage("not json", "not valid JSON");
		assertUsage(FULL.replace("\"version\": 1", "\"version\": 2"), "\"version\" must be 1");
		assertUsage(FULL.replace("\"addonName\": \"acme-primary-1234\",", ""), "needs \"addonName\"");
		assertUsage(FULL.replace("acme-primary-1234", "../etc"), "addonName");
		assertUsage(FULL.replace("\"runId\": \"0b7c1d2e-0000-4000-8000-000000000001\"", "\"runId\": \"a/b\""), "runId");
		assertUsage(FULL.replace("STRONGROOM_DATABASE_URL", "postgres://u:p@h/db"), "databaseUrlEnv");
		assertUsage(FULL.replace("\"level\": 3", "\"level\": 30"), "out of range");
		assertUsage(FULL.replace("\"algorithm\": \"zstd\"", "\"algorithm\": \"xz\""), "use zstd or gzip");
		assertUsage(FULL.replace("\"type\": \"s3\"", "\"type\": \"ftp\""), "\"s3\" or \"filesystem\"");
		assertUsage(FULL.replace("\"secretAccessKeyEnv\": \"STRONGROOM_AWS_SECRET_ACCESS_KEY\"", "\"x\": 1"),
				"Give both");
		assertUsage(FULL.replace("http://127.0.0.1:9090", "http://key:secret@127.0.0.1:9090"), "without credentials");
		assertUsage(FULL.replace("\"prefix\": \"backups\"", "\"prefix\": \"a/../b\""), "prefix");
		assertUsage(FULL.replace("2026-11-22T03:00:00Z", "yesterday"), "ISO-8601");
		assertUsage(FULL.replace("[\"public.audit_log\"]", "\"public.audit_log\""), "list of strings");
	}

	private static void assertUsage(String json, String message) {
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> parse(json))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.USAGE))
			.withMessageContaining(message);
	}

	@Test
	void namesObjectsAsTheArchitectureSays() throws RunnerFailure {
		BackupSpec spec = parse(FULL);
		assertThat(ObjectNames.objectKey(spec, Engine.POSTGRES)).isEqualTo(
				"backups/acme-primary-1234/DATABASE/2026/11/22/20261122T030000Z-0b7c1d2e-0000-4000-8000-000000000001.dump.zst.enc");
		assertThat(ObjectNames.objectKey(spec, Engine.MARIADB))
			.endsWith("-0b7c1d2e-0000-4000-8000-000000000001.sql.zst.enc");
		BackupSpec gzip = parse(FULL.replace("\"algorithm\": \"zstd\"", "\"algorithm\": \"gzip\"")
			.replace("\"prefix\": \"backups\"", "\"prefix\": \"/\""));
		assertThat(ObjectNames.objectKey(gzip, Engine.MYSQL)).startsWith("acme-primary-1234/DATABASE/2026/11/22/")
			.endsWith(".sql.gz.enc");
		assertThat(ObjectNames.manifestKey("a/b.dump.zst.enc")).isEqualTo("a/b.dump.zst.enc.manifest.json");
	}

}
