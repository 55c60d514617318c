package io.strongroom.runner;

import java.time.Instant;
import java.util.List;

import io.strongroom.storage.StorageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ManifestAndFailuresTests {

	static Manifest manifest() {
		return new Manifest("backups/a/DB/2026/11/22/20261122T030000Z-r.dump.zst.enc", "r", "postgres",
				"pg_dump custom archive", "15.20", "pg_dump (PostgreSQL) 15.20",
				new CompressionSettings(CompressionSettings.Algorithm.ZSTD, 3, 1),
				new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new byte[] { 9, 10, 11, 12, 13, 14, 15, 16 }, "ab".repeat(32),
				"cd".repeat(32), 1000, 300, 320, Instant.parse("2026-11-22T03:00:00Z"),
				Instant.parse("2026-11-22T03:01:00Z"), List.of("public.audit_log"),
				new DatabaseStatistics(5000, List.of(new TableStatistics("public", "t", 10, 8192, 16384))));
	}

	@Test
	void manifestReadsBackWhatItWrote() throws RunnerFailure {
		Manifest written = manifest();
		String json = written.toJson();
		Manifest read = Manifest.parse(json);
		assertThat(read.objectKey()).isEqualTo(written.objectKey());
		assertThat(read.engine()).isEqualTo("postgres");
		assertThat(read.compression().algorithm()).isEqualTo(CompressionSettings.Algorithm.ZSTD);
		assertThat(read.salt()).isEqualTo(written.salt());
		assertThat(read.macSalt()).isEqualTo(written.macSalt());
		assertThat(read.sha256()).isEqualTo(written.sha256());
		assertThat(read.hmac()).isEqualTo(written.hmac());
		assertThat(read.objectBytes()).isEqualTo(320);
		assertThat(read.excludeTables()).containsExactly("public.audit_log");
		assertThat(read.statistics()).isEqualTo(written.statistics());
	}

	@Test
	void manifestHasOneValuePerLineForStockTools() {
		String json = manifest().toJson();
		assertThat(json.lines()).contains("    \"macSalt\" : \"090a0b0c0d0e0f10\",",
				"    \"hmacSha256\" : \"" + "cd".repeat(32) + "\",", "    \"sha256\" : \"" + "ab".repeat(32) + "\",");
	}

	@Test
	void manifestFromTheFutureOrElsewhereIsRefused() {
		assertThatExceptionOfType(RunnerFailure.class)
			.isThrownBy(
					() -> Manifest.parse(manifest().toJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")))
			.withMessageContaining("newer");
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> Manifest.parse("{\"hello\": 1}"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.USAGE));
		assertThatExceptionOfType(RunnerFailure.class).isThrownBy(() -> Manifest.parse("not json"));
	}

	@Test
	void failuresMaskSecretsAndMapStorageReasons() {
		Failures failures = new Failures();
		failures.secret("hunter2-secret");
		RunnerFailure masked = failures
			.classify(new RuntimeException("connection to postgres://u:hunter2-secret@h/db failed"));
		assertThat(masked.kind()).isEqualTo(FailureKind.INTERNAL);
		assertThat(masked.getMessage()).doesNotContain("hunter2-secret").contains("****");
		assertThat(failures.classify(new StorageException(StorageException.Reason.ACCESS_DENIED, "no")).kind())
			.isEqualTo(FailureKind.DESTINATION_ACCESS_DENIED);
		assertThat(failures.classify(new StorageException(StorageException.Reason.NO_SUCH_BUCKET, "no")).kind())
			.isEqualTo(FailureKind.BUCKET_MISSING);
		assertThat(failures.classify(new StorageException(StorageException.Reason.WRONG_REGION, "no")).kind())
			.isEqualTo(FailureKind.DESTINATION_FAILED);
		assertThat(failures
			.classify(new java.io.IOException("write failed", new StorageException(StorageException.Reason.OTHER, "x")))
			.kind()).isEqualTo(FailureKind.DESTINATION_FAILED);
		assertThat(failures.classify(new IntegrityException("bad")).kind()).isEqualTo(FailureKind.INTEGRITY);
		RunnerFailure dump = new RunnerFailure(FailureKind.DUMP_FAILED, "pg_dump said hunter2-secret");
		assertThat(failures.classify(dump).getMessage()).isEqualTo("pg_dump said ****");
	}

}
