package io.strongroom.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.strongroom.storage.S3BackupStore;
import io.strongroom.storage.S3Destination;
import io.strongroom.support.PasswordPostgres;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.S3ProxyServer;
import io.strongroom.support.TcpProxy;
import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups that cannot succeed: each ends with the right exit code, a message a person can
 * act on (without secrets), and nothing left at the destination: no object, no manifest,
 * no pending multipart upload.
 */
class BackupFailuresIntegrationTests {

	static final String KEY = "failures-key-" + UUID.randomUUID();

	static final S3MockServer s3 = S3MockServer.shared();

	final String bucket = s3.createBucket();

	final S3BackupStore store = store(s3.endpoint().getPort());

	@TempDir
	Path folder;

	@AfterEach
	void close() {
		this.store.close();
	}

	S3BackupStore store(int port) {
		return new S3BackupStore(new S3Destination(this.bucket, S3MockServer.REGION,
				java.net.URI.create("http://127.0.0.1:" + port), true, "id", "secret"));
	}

	String spec(String runId, int s3Port, String bucket) throws IOException {
		Path spec = this.folder.resolve("spec-" + runId + ".json");
		Files.writeString(spec, """
				{ "version": 1, "runId": "%s", "addonName": "acme", "databaseLabel": "DATABASE",
				  "databaseUrlEnv": "SOURCE_URL", "startedAt": "2026-11-22T03:00:00Z",
				  "destination": { "type": "s3", "bucket": "%s", "region": "us-east-1",
				    "endpoint": "http://127.0.0.1:%d", "pathStyle": true, "prefix": "backups",
				    "accessKeyIdEnv": "S3_ID", "secretAccessKeyEnv": "S3_SECRET" } }
				""".formatted(runId, bucket, s3Port));
		return spec.toString();
	}

	static String key(String runId) {
		return "backups/acme/DATABASE/2026/11/22/20261122T030000Z-" + runId + ".dump.zst.enc";
	}

	static Map<String, String> env(String databaseUrl) {
		Map<String, String> env = new HashMap<>();
		env.put("SOURCE_URL", databaseUrl);
		env.put("STRONGROOM_ENCRYPTION_KEY", KEY);
		env.put("S3_ID", S3MockServer.ACCESS_KEY_ID);
		env.put("S3_SECRET", S3MockServer.SECRET_ACCESS_KEY);
		return env;
	}

	void assertFailed(RunnerHarness.Run run, FailureKind kind, String runId) {
		assertFailed(run, kind, runId, this.store);
	}

	/** The failure line and exit code of {@code kind}, and nothing left in the bucket. */
	static void assertFailed(RunnerHarness.Run run, FailureKind kind, String runId, S3BackupStore bucket) {
		System.out.println(run.stderr());
		assertThat(run.exit()).as(run.toString()).isEqualTo(kind.exitCode());
		assertThat(run.result().path("status").asString()).isEqualTo("FAILED");
		assertThat(run.result().path("kind").asString()).isEqualTo(kind.name());
		assertThat(run.stdout() + run.stderr()).doesNotContain(KEY);
		assertThat(bucket.list("")).isEmpty();
		assertThat(bucket.pendingUploads(key(runId))).isEmpty();
	}

	@Test
	void unreachableDatabaseFailsWithConnectionRefused() throws IOException {
		RunnerHarness.Run run = RunnerHarness.run(env("postgres://postgres:pw-1234@127.0.0.1:1/nowhere"), "backup",
				"--spec", spec("r-unreachable", s3.port(), this.bucket));
		assertFailed(run, FailureKind.CONNECTION_REFUSED, "r-unreachable");
		assertThat(run.result().path("message").asString()).contains("127.0.0.1:1").doesNotContain("pw-1234");
	}

	@Test
	void wrongPasswordFailsWithAuthenticationFailed() throws IOException {
		TestDatabase.Coordinates db = SampleDatabases.mariadb();
		String user = "sr_" + UUID.randomUUID().toString().substring(0, 8);
		SampleDatabases.execute(db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-password-1'",
				"GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON " + db.name() + ".* TO '" + user + "'@'%'");
		try {
			String url = "mysql://" + user + ":wrong-password-2@" + db.host() + ":" + db.port() + "/" + db.name();
			RunnerHarness.Run run = RunnerHarness.run(env(url), "backup", "--spec",
					spec("r-password", s3.port(), this.bucket));
			assertFailed(run, FailureKind.AUTHENTICATION_FAILED, "r-password");
			assertThat(run.stdout() + run.stderr()).doesNotContain("wrong-password-2");
		}
		finally {
			SampleDatabases.execute(db, "DROP USER '" + user + "'@'%'");
		}
	}

	@Test
	void wrongPostgresPasswordFailsWithAuthenticationFailed() throws IOException {
		// the machine's own server trusts 127.0.0.1; this private cluster checks
		// passwords
		TestDatabase.Coordinates db = PasswordPostgres.create();
		RunnerHarness.Run run = RunnerHarness.run(
				env("postgres://" + db.user() + ":wrong-pw-4@" + db.host() + ":" + db.port() + "/" + db.name()),
				"backup", "--spec", spec("r-pg-password", s3.port(), this.bucket));
		assertFailed(run, FailureKind.AUTHENTICATION_FAILED, "r-pg-password");
		assertThat(run.result().path("message").asString()).containsIgnoringCase("password")
			.contains(db.user())
			.doesNotContain("wrong-pw-4");
		assertThat(run.stdout() + run.stderr()).doesNotContain("wrong-pw-4").doesNotContain(db.password());
	}

	@Test
	void unknownPostgresRoleFailsWithAuthenticationFailed() throws IOException {
		TestDatabase.Coordinates db = SampleDatabases.postgresSmall();
		RunnerHarness.Run run = RunnerHarness.run(
				env("postgres://no_such_role:secret-pw-3@" + db.host() + ":" + db.port() + "/" + db.name()), "backup",
				"--spec", spec("r-role", s3.port(), this.bucket));
		assertFailed(run, FailureKind.AUTHENTICATION_FAILED, "r-role");
		assertThat(run.stdout() + run.stderr()).doesNotContain("secret-pw-3");
	}

	@Test
	void missingBucketFailsBeforeAnythingIsUploaded() throws IOException {
		RunnerHarness.Run run = RunnerHarness.run(env(SampleDatabases.postgresSmall().url()), "backup", "--spec",
				spec("r-bucket", s3.port(), "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8)));
		assertFailed(run, FailureKind.BUCKET_MISSING, "r-bucket");
		assertThat(run.result().path("message").asString()).contains("does not exist");
		assertThat(run.stderr()).doesNotContain("writing backups/");
		assertNoDumpRunning();
	}

	@Test
	void wrongS3CredentialsFailWithAccessDenied() throws IOException {
		try (S3ProxyServer signed = S3ProxyServer.start()) {
			Map<String, String> env = env(SampleDatabases.postgresSmall().url());
			env.put("S3_ID", S3ProxyServer.IDENTITY);
			env.put("S3_SECRET", "wrong-s3-secret-4");
			RunnerHarness.Run run = RunnerHarness.run(env, "backup", "--spec",
					spec("r-credentials", signed.endpoint().getPort(), S3ProxyServer.BUCKET));
			try (S3BackupStore bucket = new S3BackupStore(new S3Destination(S3ProxyServer.BUCKET, "us-east-1",
					signed.endpoint(), true, S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL))) {
				assertFailed(run, FailureKind.DESTINATION_ACCESS_DENIED, "r-credentials", bucket);
			}
			assertThat(run.result().path("message").asString()).contains("Check the access key id");
			assertThat(run.stdout() + run.stderr()).doesNotContain("wrong-s3-secret-4");
			assertThat(run.stderr()).doesNotContain("writing backups/");
			assertNoDumpRunning();
		}
	}

	@Test
	void aHeapWithoutRoomForTheUploadsPartsFailsBeforeTheDumpStarts() throws Exception {
		String runId = "r-small-heap";
		// the runner's own JVM with 46 MiB usable: the 32 MiB the rest of a backup needs
		// leave no room for three 8 MiB parts
		RunnerHarness.Run run = RunnerHarness
			.fork(List.of("-Xmx48m"), env(SampleDatabases.postgresSmall().url()), "backup", "--spec",
					spec(runId, s3.port(), this.bucket))
			.await();
		assertFailed(run, FailureKind.RUNNER_MEMORY, runId);
		assertThat(run.result().path("message").asString()).startsWith("The runner's heap is too small")
			.contains("Nothing was dumped or uploaded")
			.contains("STRONGROOM_RUN_HEROKU_DYNOSIZE")
			.containsPattern("-Xmx\\d+m");
		// the dump tool never started: the run ended in its connect stage
		assertThat(run.stderr()).doesNotContain("dumping ")
			.doesNotContain("writing backups/")
			.contains("strongroom: [connect] 0 B read, 0 B written");
	}

	@Test
	void dumpKilledMidwayFailsAndLeavesNothing() throws Exception {
		String runId = "r-killed";
		String spec = spec(runId, s3.port(), this.bucket);
		String url = SampleDatabases.postgresLarge().url();
		CompletableFuture<RunnerHarness.Run> backup = CompletableFuture
			.supplyAsync(() -> RunnerHarness.run(env(url), "backup", "--spec", spec));
		ProcessHandle dump = awaitDescendant("pg_dump", "--snapshot", Duration.ofSeconds(120));
		// midway: once parts are at the destination, so the clean-up has a multipart
		// upload to abort
		awaitPendingUpload(this.store, key(runId), backup);
		boolean alive = dump.isAlive();
		dump.destroyForcibly();
		RunnerHarness.Run run = backup.get();
		assertThat(alive).as("pg_dump finished before the test could kill it").isTrue();
		assertFailed(run, FailureKind.DUMP_FAILED, runId);
	}

	/**
	 * Waits until the run's upload has turned into a multipart upload (after the first 16
	 * MiB, which wait in memory), while the run goes on.
	 */
	static void awaitPendingUpload(S3BackupStore store, String key, CompletableFuture<?> run)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (store.pendingUploads(key).isEmpty()) {
			assertThat(System.nanoTime()).as("no multipart upload started").isLessThan(deadline);
			assertThat(run).as("the run ended before its multipart upload was seen").isNotDone();
			Thread.sleep(20);
		}
	}

	@Test
	void s3StoppedMidwayFailsAndLeavesNothingOnceItIsBack() throws Exception {
		String runId = "r-s3-stopped";
		try (TcpProxy proxy = new TcpProxy(s3.port())) {
			String spec = spec(runId, proxy.port(), this.bucket);
			CompletableFuture<RunnerHarness.Run> backup = CompletableFuture.supplyAsync(
					() -> RunnerHarness.run(env(SampleDatabases.postgresFull().url()), "backup", "--spec", spec));
			awaitPendingUpload(this.store, key(runId), backup);
			proxy.stop();
			Thread.sleep(12_000);
			proxy.start();
			RunnerHarness.Run run = backup.get();
			assertFailed(run, FailureKind.DESTINATION_FAILED, runId);
			assertThat(run.stderr()).contains("trying again");
		}
	}

	static void assertNoDumpRunning() {
		assertThat(ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().map((c) -> c.endsWith("/pg_dump")).orElse(false))).isEmpty();
	}

	@Test
	void failingDestinationIsReportedEvenWhenTheDatabaseFailsToo() throws IOException {
		RunnerHarness.Run run = RunnerHarness.run(env("postgres://postgres:pw@127.0.0.1:1/nowhere"), "backup", "--spec",
				spec("r-both", s3.port(), "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8)));
		assertFailed(run, FailureKind.BUCKET_MISSING, "r-both");
	}

	/**
	 * A running child process, by command and an argument it must have (not a version
	 * probe).
	 */
	static ProcessHandle awaitDescendant(String command, String argument, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<ProcessHandle> found = ProcessHandle.current()
				.descendants()
				.filter((process) -> process.info().command().map((c) -> c.endsWith("/" + command)).orElse(false))
				.filter((process) -> process.info()
					.arguments()
					.map((arguments) -> java.util.Arrays.stream(arguments).anyMatch((a) -> a.startsWith(argument)))
					.orElse(false))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(20);
		}
		throw new AssertionError(command + " did not start within " + timeout);
	}

}
