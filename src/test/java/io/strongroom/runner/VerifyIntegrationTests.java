package io.strongroom.runner;

import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.Instant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.support.PasswordPostgres;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify}: backups made with {@code backup --spec} (PostgreSQL into a folder,
 * MariaDB into S3Mock) are checked and restored into real databases with the real
 * clients; a corrupted object and a tampered statistics row count are caught, and nothing
 * restored is left behind.
 */
class VerifyIntegrationTests {

	static final String KEY = "verify-key-" + UUID.randomUUID();

	static final String TICKET = "verify-ticket-" + UUID.randomUUID();

	static final S3MockServer s3 = S3MockServer.shared();

	@TempDir
	static Path shared;

	static Path pgFolder;

	static JsonNode pgBackup;

	static String bucket;

	static S3BackupStore store;

	static JsonNode mariaBackup;

	@TempDir
	Path folder;

	@BeforeAll
	static void backUp() throws IOException {
		pgFolder = Files.createDirectories(shared.resolve("pg-destination"));
		pgBackup = backup(SampleDatabases.postgresSmall().url(), """
				{ "version": 1, "addonName": "acme", "databaseLabel": "PG", "databaseUrlEnv": "SOURCE_URL",
				  "excludeTables": ["public.audit_log"],
				  "destination": { "type": "filesystem", "path": "%s", "prefix": "backups" } }
				""".formatted(pgFolder));
		bucket = s3.createBucket();
		store = new S3BackupStore(new S3Destination(bucket, S3MockServer.REGION, s3.endpoint(), true,
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
		mariaBackup = backup(SampleDatabases.mariadb().url(), """
				{ "version": 1, "addonName": "acme", "databaseLabel": "MARIA", "databaseUrlEnv": "SOURCE_URL",
				  "excludeTables": ["%s.audit_log"], "compression": {"algorithm": "gzip", "level": 1},
				  "destination": %s }
				""".formatted(SampleDatabases.mariadb().name(), s3Destination()));
	}

	@AfterAll
	static void close() {
		store.close();
	}

	static JsonNode backup(String sourceUrl, String spec) throws IOException {
		Path file = Files.createTempFile(shared, "backup-", ".json");
		Files.writeString(file, spec);
		RunnerHarness.Run run = RunnerHarness.run(env(Map.of("SOURCE_URL", sourceUrl)), "backup", "--spec",
				file.toString());
		assertThat(run.exit()).as(run.toString()).isZero();
		return run.result();
	}

	static String s3Destination() {
		return """
				{ "type": "s3", "bucket": "%s", "region": "%s", "endpoint": "%s", "pathStyle": true,
				  "accessKeyIdEnv": "S3_ID", "secretAccessKeyEnv": "S3_SECRET" }""".formatted(bucket,
				S3MockServer.REGION, s3.endpoint());
	}

	static String pgDestination(Path path) {
		return "{ \"type\": \"filesystem\", \"path\": \"" + path + "\", \"prefix\": \"backups\" }";
	}

	static Map<String, String> env(Map<String, String> more) {
		Map<String, String> env = new HashMap<>(more);
		env.put("STRONGROOM_ENCRYPTION_KEY", KEY);
		env.put("S3_ID", S3MockServer.ACCESS_KEY_ID);
		env.put("S3_SECRET", S3MockServer.SECRET_ACCESS_KEY);
		return env;
	}

	/** The contract's spec for a backup result, with a destination and a restore test. */
	static ObjectNode spec(JsonNode backup, String destination, String mode) {
		ObjectNode spec = Json.COMPACT.createObjectNode();
		spec.put("version", 1);
		spec.put("verificationId", "v-" + UUID.randomUUID());
		spec.put("runId", backup.path("runId").asString());
		spec.put("engine", backup.path("engine").asString());
		spec.put("compression", backup.path("compression").asString());
		spec.put("objectKey", backup.path("objectKey").asString());
		spec.put("manifestKey", backup.path("manifestKey").asString());
		spec.put("sha256", backup.path("sha256").asString());
		spec.put("hmacSha256", backup.path("hmacSha256").asString());
		spec.put("encryptionKeyEnv", "STRONGROOM_ENCRYPTION_KEY");
		spec.set("destination", Json.COMPACT.readTree(destination));
		if (mode == null) {
			spec.putNull("restoreTest");
		}
		else {
			ObjectNode restore = spec.putObject("restoreTest");
			restore.put("databaseUrlEnv", "VERIFY_URL");
			restore.put("mode", mode);
		}
		spec.set("statistics", backup.path("statistics").deepCopy());
		return spec;
	}

	RunnerHarness.Run verify(ObjectNode spec, String verifyUrl) throws IOException {
		Path file = this.folder.resolve("verify-" + UUID.randomUUID() + ".json");
		Files.writeString(file, Json.COMPACT.writeValueAsString(spec));
		Map<String, String> more = new HashMap<>();
		if (verifyUrl != null) {
			more.put("VERIFY_URL", verifyUrl);
		}
		return RunnerHarness.run(env(more), "verify", "--spec", file.toString());
	}

	@Test
	void postgresBackupPassesIntegrityAndARestoreIntoACreatedDatabase() throws IOException {
		Set<String> before = createdDatabases(TestDatabase.Engine.POSTGRES);
		TestDatabase.Coordinates maintenance = TestDatabase.postgres();
		RunnerHarness.Run run = verify(spec(pgBackup, pgDestination(pgFolder), "create"), maintenance.url());
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("PASSED");
		assertThat(result.path("runId").asString()).isEqualTo(pgBackup.path("runId").asString());
		JsonNode integrity = result.path("integrity");
		assertThat(integrity.path("status").asString()).isEqualTo("PASSED");
		assertThat(integrity.path("sha256").asString()).isEqualTo(pgBackup.path("sha256").asString());
		assertThat(integrity.path("bytes").asLong()).isEqualTo(pgBackup.path("bytesOut").asLong());
		assertThat(integrity.path("archiveEntries").asLong()).isGreaterThan(10);
		JsonNode restore = result.path("restore");
		assertThat(restore.path("status").asString()).as(restore.toString()).isEqualTo("PASSED");
		List<String> tables = new ArrayList<>();
		pgBackup.path("statistics")
			.path("tables")
			.values()
			.forEach((t) -> tables
				.add(t.path("schema").asString() + "." + t.path("name").asString() + "=" + t.path("rows").asLong()));
		// large objects are compared too, as the statistics list them
		assertThat(tables).contains("pg_catalog.pg_largeobject_metadata=20", "sales.orders=2000", "public.kinds=5003");
		assertThat(restore.path("tables").asLong()).isEqualTo(tables.size());
		assertThat(restore.path("differences").isEmpty()).isTrue();
		assertThat(result.path("detail").asString()).contains("row count in every one of " + tables.size());
		assertThat(result.path("durationsMillis").propertyNames()).containsExactly("download", "integrity", "restore",
				"compare", "total");
		assertThat(createdDatabases(TestDatabase.Engine.POSTGRES)).isEqualTo(before);
		TestDatabase.drop(maintenance);
	}

	@Test
	void aCreatedDatabaseAKilledRunnerLeftBehindIsDroppedByTheNextRestoreTest() throws IOException {
		TestDatabase.Coordinates maintenance = TestDatabase.postgres();
		String leftover = "strongroom_verify_20200101t000000_deadbeef";
		String recent = "strongroom_verify_" + DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss", Locale.ROOT)
			.withZone(ZoneOffset.UTC)
			.format(Instant.now()) + "_0badcafe";
		SampleDatabases.execute(maintenance, "CREATE DATABASE " + leftover, "CREATE DATABASE " + recent);
		try {
			RunnerHarness.Run run = verify(spec(pgBackup, pgDestination(pgFolder), "create"), maintenance.url());
			assertThat(run.exit()).as(run.toString()).isZero();
			assertThat(run.stderr()).contains("dropped 1 scratch database(s) left behind", leftover);
			// younger than two days: perhaps another runner's restore test, left alone
			assertThat(createdDatabases(TestDatabase.Engine.POSTGRES)).doesNotContain(leftover).contains(recent);
		}
		finally {
			SampleDatabases.execute(maintenance, "DROP DATABASE IF EXISTS " + leftover,
					"DROP DATABASE IF EXISTS " + recent);
			TestDatabase.drop(maintenance);
		}
	}

	@Test
	void postgresExistingDatabaseIsRestoredIntoThenEmptiedAgain() throws IOException {
		TestDatabase.Coordinates target = TestDatabase.postgres();
		// the customer's own function is not a table: the database counts as empty, and
		// the clean-up leaves the function alone
		SampleDatabases.execute(target, "CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'");
		RunnerHarness.Run run = verify(spec(pgBackup, pgDestination(pgFolder), "existing"), target.url());
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.result().path("restore").path("status").asString()).as(run.toString()).isEqualTo("PASSED");
		assertThat(run.stderr()).contains("removed what was restored");
		assertThat(SampleDatabases.tables(target)).isEmpty();
		assertThat(strings(target,
				"SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' " + "AND nspname <> 'information_schema'"))
			.containsExactly("public");
		assertThat(strings(target, "SELECT count(*) FROM pg_largeobject_metadata")).containsExactly("0");
		assertThat(strings(target, "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace"))
			.containsExactly("mine");
		assertThat(strings(target, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
			.containsExactly("0");
		TestDatabase.drop(target);
	}

	@Test
	void mariadbBackupPassesInBothModesAndLeavesNothing() throws IOException {
		TestDatabase.Coordinates target = TestDatabase.mariadb();
		RunnerHarness.Run existing = verify(spec(mariaBackup, s3Destination(), "existing"), target.url());
		assertThat(existing.exit()).as(existing.toString()).isZero();
		JsonNode result = existing.result();
		assertThat(result.path("status").asString()).isEqualTo("PASSED");
		assertThat(result.path("integrity").path("archiveEntries").asLong()).as(result.toString()).isEqualTo(4); // kinds,
																													// orders,
																													// blobs,
																													// the
																													// view;
																													// not
																													// audit_log
		assertThat(result.path("restore").path("tables").asLong()).isEqualTo(3);
		assertThat(result.path("restore").path("rows").asLong()).isEqualTo(5002 + 2000 + 1000);
		assertThat(strings(target,
				"SELECT table_name FROM information_schema.tables WHERE table_schema = '" + target.name() + "'"))
			.isEmpty();
		Set<String> before = createdDatabases(TestDatabase.Engine.MARIADB);
		RunnerHarness.Run created = verify(spec(mariaBackup, s3Destination(), "create"), target.url());
		assertThat(created.exit()).as(created.toString()).isZero();
		assertThat(created.result().path("restore").path("status").asString()).isEqualTo("PASSED");
		assertThat(created.stderr()).contains("restoring into a new database strongroom_verify_");
		assertThat(createdDatabases(TestDatabase.Engine.MARIADB)).isEqualTo(before);
		TestDatabase.drop(target);
	}

	@Test
	void aFlippedByteInTheStoredObjectFailsIntegrityAndNothingReachesTheDatabase() throws IOException {
		Path copy = Files.createDirectories(this.folder.resolve("corrupted"));
		copyTree(pgFolder, copy);
		Path object = copy.resolve(pgBackup.path("objectKey").asString());
		byte[] bytes = Files.readAllBytes(object);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(object, bytes);
		TestDatabase.Coordinates target = TestDatabase.postgres();
		RunnerHarness.Run run = verify(spec(pgBackup, pgDestination(copy), "existing"), target.url());
		assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("FAILED");
		assertThat(result.path("integrity").path("status").asString()).isEqualTo("FAILED");
		assertThat(result.path("integrity").path("bytes").asLong()).isEqualTo(bytes.length);
		assertThat(result.path("detail").asString()).contains("changed or truncated in storage");
		assertThat(result.path("restore").path("status").asString()).isEqualTo("SKIPPED");
		assertThat(SampleDatabases.tables(target)).isEmpty();
		TestDatabase.drop(target);
	}

	@Test
	void anObjectCorruptedInTheBucketFailsIntegrity() throws IOException {
		String key = mariaBackup.path("objectKey").asString();
		byte[] original;
		try (InputStream in = store.get(key)) {
			original = in.readAllBytes();
		}
		String corruptedKey = key.replace(".sql.", ".corrupted.sql.");
		byte[] corrupted = original.clone();
		corrupted[corrupted.length - 100] ^= 0x20;
		store.put(corruptedKey, corrupted, Map.of());
		try (InputStream manifest = store.get(mariaBackup.path("manifestKey").asString())) {
			store.put(corruptedKey + ".manifest.json", manifest.readAllBytes(), Map.of());
		}
		ObjectNode spec = spec(mariaBackup, s3Destination(), null);
		spec.put("objectKey", corruptedKey);
		spec.put("manifestKey", corruptedKey + ".manifest.json");
		RunnerHarness.Run run = verify(spec, null);
		assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(run.result().path("integrity").path("status").asString()).isEqualTo("FAILED");
		assertThat(run.result().path("restore").isNull()).isTrue();
		assertThat(run.result().path("detail").asString()).contains("changed or truncated");
	}

	@Test
	void aTamperedRowCountFailsTheRestoreNamingTheTableAndBothCounts() throws IOException {
		Set<String> before = createdDatabases(TestDatabase.Engine.POSTGRES);
		ObjectNode spec = spec(pgBackup, pgDestination(pgFolder), "create");
		for (JsonNode table : spec.path("statistics").path("tables").values()) {
			if (table.path("name").asString().equals("orders")) {
				((ObjectNode) table).put("rows", 2001);
			}
		}
		TestDatabase.Coordinates maintenance = TestDatabase.postgres();
		RunnerHarness.Run run = verify(spec, maintenance.url());
		assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("FAILED");
		assertThat(result.path("integrity").path("status").asString()).isEqualTo("PASSED");
		assertThat(result.path("restore").path("status").asString()).isEqualTo("FAILED");
		assertThat(result.path("restore").path("differences")).singleElement().satisfies((difference) -> {
			assertThat(difference.path("table").asString()).isEqualTo("sales.orders");
			assertThat(difference.path("expectedRows").asLong()).isEqualTo(2001);
			assertThat(difference.path("actualRows").asLong()).isEqualTo(2000);
		});
		assertThat(result.path("detail").asString())
			.contains("sales.orders has 2000 rows restored, 2001 in the backup");
		assertThat(createdDatabases(TestDatabase.Engine.POSTGRES)).isEqualTo(before);
		TestDatabase.drop(maintenance);
	}

	@Test
	void aDatabaseThatIsNotEmptySkipsTheRestoreButPassesIntegrity() throws IOException {
		TestDatabase.Coordinates target = TestDatabase.postgres();
		SampleDatabases.execute(target, "CREATE TABLE public.customer_data (id int)",
				"INSERT INTO public.customer_data VALUES (1), (2)");
		RunnerHarness.Run run = verify(spec(pgBackup, pgDestination(pgFolder), "existing"), target.url());
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode result = run.result();
		assertThat(result.path("status").asString()).isEqualTo("PASSED");
		assertThat(result.path("integrity").path("status").asString()).isEqualTo("PASSED");
		assertThat(result.path("restore").path("status").asString()).isEqualTo("SKIPPED");
		assertThat(result.path("detail").asString()).contains("the verification database is not empty")
			.contains("public.customer_data");
		assertThat(strings(target, "SELECT count(*) FROM public.customer_data")).containsExactly("2");
		assertThat(SampleDatabases.tables(target)).containsExactly("public.customer_data");
		TestDatabase.drop(target);
	}

	@Test
	void integrityOnlyWithoutChecksumsInTheSpecUsesTheManifest() throws IOException {
		ObjectNode spec = Json.COMPACT.createObjectNode();
		spec.put("version", 1);
		spec.put("objectKey", pgBackup.path("objectKey").asString());
		spec.set("destination", Json.COMPACT.readTree(pgDestination(pgFolder)));
		RunnerHarness.Run run = verify(spec, null);
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.result().path("status").asString()).isEqualTo("PASSED");
		assertThat(run.result().path("restore").isNull()).isTrue();
		assertThat(run.result().path("runId").asString()).isEqualTo(pgBackup.path("runId").asString());
		assertThat(run.stderr()).contains("checked against its manifest only");
	}

	@Test
	void theWrongKeyFailsIntegrityNamingTheKey() throws IOException {
		Path file = this.folder.resolve("spec.json");
		Files.writeString(file, Json.COMPACT.writeValueAsString(spec(pgBackup, pgDestination(pgFolder), null)));
		Map<String, String> env = env(Map.of());
		env.put("STRONGROOM_ENCRYPTION_KEY", "not-the-key-at-all");
		RunnerHarness.Run run = RunnerHarness.run(env, "verify", "--spec", file.toString());
		assertThat(run.exit()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(run.result().path("detail").asString())
			.contains("encryption key in STRONGROOM_ENCRYPTION_KEY is not the one");
		assertThat(run.stdout() + run.stderr()).doesNotContain("not-the-key-at-all");
	}

	@Test
	void aMissingObjectIsAFailedVerificationAndAnUnreachableDestinationAFailure() throws IOException {
		ObjectNode missing = spec(pgBackup, pgDestination(this.folder), null);
		RunnerHarness.Run run = verify(missing, null);
		assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(run.result().path("detail").asString()).contains("is missing at the destination");
		ObjectNode unreachable = spec(mariaBackup, s3Destination().replace(bucket, "no-such-bucket-x"), null);
		RunnerHarness.Run failed = verify(unreachable, null);
		assertThat(failed.exit()).as(failed.toString()).isEqualTo(FailureKind.BUCKET_MISSING.exitCode());
		assertThat(failed.result().path("kind").asString()).isEqualTo("BUCKET_MISSING");
	}

	@Test
	void verifyRunFetchesTheSpecSendsStagesAndPostsTheResult() throws IOException {
		TestDatabase.Coordinates target = TestDatabase.postgres();
		String spec = Json.COMPACT.writeValueAsString(spec(pgBackup, pgDestination(pgFolder), "existing"));
		try (FakeWebService web = new FakeWebService(TICKET, spec, FakeWebService.VERIFICATION_PATH)) {
			Map<String, String> env = env(Map.of("VERIFY_URL", target.url(), "STRONGROOM_RUN_TICKET", TICKET,
					"STRONGROOM_HEARTBEAT_SECONDS", "0.1"));
			RunnerHarness.Run run = RunnerHarness.run(env, "verify", "--run", web.runUrl());
			assertThat(run.exit()).as(run.toString()).isZero();
			assertThat(web.calls("/spec")).hasSize(1);
			assertThat(web.calls("/heartbeat")).isNotEmpty()
				.allSatisfy((call) -> assertThat(call.json().path("stage").asString()).isIn("download", "integrity",
						"restore", "compare", "cleanup"));
			assertThat(web.calls("/result")).singleElement()
				.satisfies((call) -> assertThat(call.json()).isEqualTo(run.result()));
			assertThat(web.calls("/failure")).isEmpty();
			assertThat(web.calls()).allSatisfy((call) -> assertThat(call.path()).doesNotContain(TICKET));
			assertThat(run.stdout() + run.stderr()).doesNotContain(TICKET).doesNotContain(KEY);
		}
		TestDatabase.drop(target);
	}

	@Test
	void cancellingDuringTheRestoreReportsAFailureAndDropsTheCreatedDatabase() throws IOException {
		JsonNode big = backup(SampleDatabases.postgresFull().url(), """
				{ "version": 1, "addonName": "acme", "databaseLabel": "BIG", "databaseUrlEnv": "SOURCE_URL",
				  "compression": {"algorithm": "zstd", "level": 1},
				  "destination": { "type": "filesystem", "path": "%s", "prefix": "big" } }
				""".formatted(pgFolder));
		Set<String> before = createdDatabases(TestDatabase.Engine.POSTGRES);
		TestDatabase.Coordinates maintenance = TestDatabase.postgres();
		String spec = Json.COMPACT.writeValueAsString(spec(big, pgDestination(pgFolder), "create"));
		try (FakeWebService web = new FakeWebService(TICKET, spec, FakeWebService.VERIFICATION_PATH)) {
			web.cancelWhen((heartbeat) -> heartbeat.path("stage").asString().equals("restore"));
			Map<String, String> env = env(Map.of("VERIFY_URL", maintenance.url(), "STRONGROOM_RUN_TICKET", TICKET,
					"STRONGROOM_HEARTBEAT_SECONDS", "0.1"));
			RunnerHarness.Run run = RunnerHarness.run(env, "verify", "--run", web.runUrl());
			assertThat(run.exit()).as(run.toString()).isEqualTo(FailureKind.CANCELLED.exitCode());
			assertThat(web.calls("/failure")).singleElement().satisfies((call) -> {
				assertThat(call.json().path("kind").asString()).isEqualTo("CANCELLED");
				assertThat(call.json().path("message").asString()).contains("verification was cancelled");
			});
			assertThat(web.calls("/result")).isEmpty();
		}
		assertThat(createdDatabases(TestDatabase.Engine.POSTGRES)).isEqualTo(before);
		assertThat(ProcessHandle.current()
			.descendants()
			.filter((p) -> p.info().command().map((c) -> c.endsWith("/pg_restore")).orElse(false))).isEmpty();
		TestDatabase.drop(maintenance);
	}

	@Test
	void secretsStayOutOfArgumentsAndOutput() throws Exception {
		TestDatabase.Coordinates target = PasswordPostgres.create();
		Set<String> commandLines = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				ProcessHandle.current()
					.descendants()
					.forEach((p) -> p.info()
						.commandLine()
						.filter((line) -> line.contains("pg_restore"))
						.ifPresent(commandLines::add));
			}
		});
		sampler.start();
		RunnerHarness.Run run;
		try {
			run = verify(spec(pgBackup, pgDestination(pgFolder), "existing"), target.url());
		}
		finally {
			running.set(false);
			sampler.join();
		}
		assertThat(run.exit()).as(run.toString()).isZero();
		assertThat(run.result().path("restore").path("status").asString()).as(run.toString()).isEqualTo("PASSED");
		assertThat(commandLines).as("pg_restore was seen running").isNotEmpty();
		assertThat(commandLines).noneMatch((line) -> line.contains(target.password()) || line.contains(KEY));
		assertThat(run.stdout() + run.stderr()).doesNotContain(target.password()).doesNotContain(KEY);
	}

	@Test
	void dumpsCutShortWhoseChecksumsMatchFailTheArchiveReadThrough() throws Exception {
		Path destination = Files.createDirectories(this.folder.resolve("cut-short"));
		byte[] pgObject = Files.readAllBytes(pgFolder.resolve(pgBackup.path("objectKey").asString()));
		byte[] pgManifest = Files.readAllBytes(pgFolder.resolve(pgBackup.path("manifestKey").asString()));
		ObjectNode pgSpec = cutShort(pgBackup, pgObject, pgManifest, destination);
		RunnerHarness.Run pg = verify(pgSpec, null);
		assertThat(pg.exit()).as(pg.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(pg.result().path("detail").asString()).startsWith("The object is the one that was stored")
			.contains("pg_restore");
		byte[] mariaObject;
		byte[] mariaManifest;
		try (InputStream object = store.get(mariaBackup.path("objectKey").asString());
				InputStream manifest = store.get(mariaBackup.path("manifestKey").asString())) {
			mariaObject = object.readAllBytes();
			mariaManifest = manifest.readAllBytes();
		}
		RunnerHarness.Run maria = verify(cutShort(mariaBackup, mariaObject, mariaManifest, destination), null);
		assertThat(maria.exit()).as(maria.toString()).isEqualTo(FailureKind.INTEGRITY.exitCode());
		assertThat(maria.result().path("detail").asString()).contains("does not end with")
			.contains("-- Dump completed");
	}

	/**
	 * The backup's dump cut in half, compressed and encrypted again with the same key,
	 * and a manifest and spec whose checksums match it: the bad bytes were "made" by the
	 * backup.
	 */
	static ObjectNode cutShort(JsonNode backup, byte[] object, byte[] manifestJson, Path destination)
			throws IOException, RunnerFailure {
		Secret key = new Secret(KEY);
		Manifest manifest = Manifest.parse(new String(manifestJson, java.nio.charset.StandardCharsets.UTF_8));
		byte[] plain;
		try (InputStream in = DecryptCommand.plain(new java.io.ByteArrayInputStream(object), key, manifest)) {
			plain = in.readAllBytes();
		}
		java.io.ByteArrayOutputStream encrypted = new java.io.ByteArrayOutputStream();
		try (java.io.OutputStream out = new CompressionSettings(manifest.compression().algorithm(), 1, 0)
			.compressing(new EncryptingOutputStream(encrypted, key))) {
			out.write(plain, 0, plain.length / 2);
		}
		byte[] bytes = encrypted.toByteArray();
		byte[] macSalt = OpenSslFormat.newSalt();
		Integrity integrity = Integrity.of(new java.io.ByteArrayInputStream(bytes), OpenSslFormat.mac(key, macSalt));
		ObjectNode changed = (ObjectNode) Json.COMPACT.readTree(manifestJson);
		ObjectNode checksums = (ObjectNode) changed.path("integrity");
		checksums.put("sha256", integrity.sha256());
		checksums.put("hmacSha256", integrity.hmac());
		checksums.put("macSalt", java.util.HexFormat.of().formatHex(macSalt));
		((ObjectNode) changed.path("sizes")).put("objectBytes", bytes.length);
		Path objectFile = destination.resolve(backup.path("objectKey").asString());
		Files.createDirectories(objectFile.getParent());
		Files.write(objectFile, bytes);
		Files.writeString(destination.resolve(backup.path("manifestKey").asString()),
				Json.PRETTY.writeValueAsString(changed));
		ObjectNode spec = spec(backup, "{ \"type\": \"filesystem\", \"path\": \"" + destination + "\" }", null);
		spec.put("sha256", integrity.sha256());
		spec.put("hmacSha256", integrity.hmac());
		return spec;
	}

	static void copyTree(Path from, Path to) throws IOException {
		try (var files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.toString().contains("/big/")) {
					Files.copy(file, target);
				}
			}
		}
	}

	/** The {@code strongroom_verify_} databases on the test server. */
	static Set<String> createdDatabases(TestDatabase.Engine engine) {
		TestDatabase.Coordinates any = (engine == TestDatabase.Engine.POSTGRES) ? SampleDatabases.postgresSmall()
				: SampleDatabases.mariadb();
		String sql = (engine == TestDatabase.Engine.POSTGRES)
				? "SELECT datname FROM pg_database WHERE datname LIKE 'strongroom\\_verify\\_%'"
				: "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'strongroom\\_verify\\_%'";
		return new TreeSet<>(strings(any, sql));
	}

	static List<String> strings(TestDatabase.Coordinates db, String sql) {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

}
