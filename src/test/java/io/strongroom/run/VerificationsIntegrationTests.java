package io.strongroom.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import io.strongroom.support.ApiClient;
import io.strongroom.support.Eventually;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifications on the web side, over real HTTP on PostgreSQL: the local launcher starts
 * a stand-in runner ({@code fake-runner.sh}) as a real child process, and the test speaks
 * the verify contract (docs/runner-spec.md, "verify") with the ticket it finds in that
 * process's environment. The real runner's {@code verify} is exercised by
 * {@code VerificationEndToEndIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.run.stall-timeout=20s", "strongroom.run.watchdog-interval=1s",
				"strongroom.run.dispatch-interval=1s", "strongroom.run.local.max-concurrent=4",
				"strongroom.verify.max-attempts=2", "strongroom.verify.retry-delay=1s",
				"strongroom.verify.scratch-url=" + VerificationsIntegrationTests.SCRATCH_URL })
@Import({ TestDatabases.class, VerificationsIntegrationTests.Events.class })
@ExtendWith(OutputCaptureExtension.class)
class VerificationsIntegrationTests {

	static final String PASSWORD = "db-pa55word-never-shown";

	static final String VERIFY_PASSWORD = "verify-pa55word-never-shown";

	static final String VERIFY_URL = "postgres://scratch:" + VERIFY_PASSWORD + "@127.0.0.1:5432/scratch";

	static final String SCRATCH_PASSWORD = "scratch-pa55word-never-shown";

	static final String SCRATCH_URL = "postgres://creator:" + SCRATCH_PASSWORD + "@127.0.0.1:5432/postgres";

	static final Path DIR = directory();

	@DynamicPropertySource
	static void fakeRunner(DynamicPropertyRegistry registry) {
		registry.add("strongroom.run.local.command",
				() -> "sh," + DIR.resolve("fake-runner.sh") + "," + DIR.resolve("runs"));
	}

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	Events events;

	final List<String> bodies = new CopyOnWriteArrayList<>();

	final List<FakeRunner> started = new ArrayList<>();

	@BeforeEach
	void waitingRunners() throws IOException {
		Files.deleteIfExists(DIR.resolve("runs/mode"));
	}

	@AfterEach
	void stopRunners() {
		this.started.forEach(FakeRunner::stop);
	}

	@Test
	void aSuccessfulBackupIsVerifiedThroughTheCallbackApi(CapturedOutput output) {
		ApiClient api = addOn("pro", true);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		assertThat(runner.args()).containsExactly("verify", "--run",
				"http://127.0.0.1:" + this.port + "/runner/v1/verifications/" + id);
		assertThat(runner.env()).containsEntry("STRONGROOM_VERIFY_DATABASE_URL", VERIFY_URL)
			.containsKey("STRONGROOM_ENCRYPTION_KEY")
			.containsKey(LaunchRequest.TICKET_ENV);
		assertThat(runner.env().keySet()).as("the production database's URL is not needed to verify")
			.doesNotContain("STRONGROOM_DATABASE_URL", "STRONGROOM_MASTER_KEY", "DATABASE_URL");
		assertThat(verification(api, backup).text("status")).isEqualTo("LAUNCHING");

		ApiClient.Response spec = runner.client().get("/runner/v1/verifications/" + id + "/spec");
		assertThat(spec.status()).as(spec.body()).isEqualTo(200);
		JsonNode json = spec.json();
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.get("verificationId").asString()).isEqualTo(id);
		assertThat(json.get("runId").asString()).isEqualTo(backup);
		assertThat(json.get("engine").asString()).isEqualTo("postgres");
		assertThat(json.get("compression").asString()).isEqualTo("zstd");
		assertThat(json.get("objectKey").asString()).contains(backup).endsWith(".dump.zst.enc");
		assertThat(json.get("manifestKey").asString()).endsWith(".manifest.json");
		assertThat(json.get("sha256").asString()).isEqualTo("a".repeat(64));
		assertThat(json.get("hmacSha256").asString()).isEqualTo("b".repeat(64));
		assertThat(json.get("encryptionKeyEnv").asString()).isEqualTo("STRONGROOM_ENCRYPTION_KEY");
		assertThat(json.get("destination").get("type").asString()).isEqualTo("filesystem");
		assertThat(json.get("restoreTest").get("mode").asString()).isEqualTo("existing");
		assertThat(json.get("restoreTest").get("databaseUrlEnv").asString())
			.isEqualTo("STRONGROOM_VERIFY_DATABASE_URL");
		assertThat(json.get("statistics").get("tables").get(0).get("name").asString()).isEqualTo("t");
		assertThat(spec.body()).doesNotContain(VERIFY_PASSWORD).doesNotContain(PASSWORD);
		assertThat(verification(api, backup).text("status")).isEqualTo("RUNNING");
		assertThat(verification(api, backup).text("restoreTest")).isEqualTo("existing");

		ApiClient.Response beat = runner.client()
			.post("/runner/v1/verifications/" + id + "/heartbeat",
					"{\"stage\": \"restore\", \"bytesIn\": 420, \"bytesOut\": 0}");
		assertThat(beat.status()).as(beat.body()).isEqualTo(200);
		assertThat(beat.json().get("cancel").asBoolean()).isFalse();

		// A verification under way never holds up the database's next backup.
		ApiClient.Response next = api.post("/api/v1/databases/DATABASE/backups");
		assertThat(next.status()).isEqualTo(202);
		this.started.add(launched(next.text("id")));

		ApiClient.Response result = runner.client()
			.post("/runner/v1/verifications/" + id + "/result", result(id, backup, "PASSED", "PASSED", "PASSED",
					"Checked the SHA-256 and HMAC, read the archive through and restored 1 table; every row count matched."));
		assertThat(result.status()).as(result.body()).isEqualTo(204);
		ApiClient.Response done = api.get("/api/v1/backups/" + backup);
		assertThat(done.text("verification")).isEqualTo("PASSED");
		assertThat(done.text("verificationDetail")).isEqualTo(
				"Checked the SHA-256 and HMAC, read the archive through and restored 1 table; every row count matched.");
		assertThat(done.text("verifiedAt")).isNotNull();
		assertThat(verification(api, backup).text("status")).isEqualTo("PASSED");
		assertThat(verification(api, backup).json().get("restoreTested").asBoolean()).isTrue();
		BackupVerified event = this.events.of(backup);
		assertThat(event.result()).isEqualTo(Verification.PASSED);
		assertThat(event.failure()).isNull();
		assertThat(event.restoreTested()).isTrue();
		assertThat(event.database().value()).isEqualTo("DATABASE");

		assertThat(runner.client()
			.post("/runner/v1/verifications/" + id + "/heartbeat",
					"{\"stage\": \"cleanup\", \"bytesIn\": 1, \"bytesOut\": 1}")
			.status()).as("the ticket is spent").isEqualTo(401);
		runner.stop();
		String logPath = "/api/v1/backups/" + backup + "/verifications/" + id + "/log";
		await(() -> api.get(logPath).json().get("items").size() >= 2);
		JsonNode lines = api.get(logPath).json().get("items");
		assertThat(lines.get(0).get("number").asInt()).isEqualTo(1);
		assertThat(lines.get(0).get("text").asString()).startsWith("runner: ticket ****, key ****");
		assertThat(lines.get(lines.size() - 1).get("text").asString()).startsWith("[strongroom] runner ended with");
		ApiClient stranger = addOn("pro", true);
		assertThat(stranger.get(logPath).text("code")).as("another add-on's backup").isEqualTo("backup_not_found");
		ApiClient.Response otherBackup = api
			.get("/api/v1/backups/" + next.text("id") + "/verifications/" + id + "/log");
		assertThat(otherBackup.status()).isEqualTo(404);
		assertThat(otherBackup.text("code")).as("a verification of another backup").isEqualTo("verification_not_found");
		assertThat(output.getAll()).doesNotContain(VERIFY_PASSWORD)
			.doesNotContain(PASSWORD)
			.doesNotContain(runner.ticket());
		assertThat(String.join("\n", this.bodies)).doesNotContain(VERIFY_PASSWORD).doesNotContain(PASSWORD);
	}

	@Test
	void aTicketServesOnlyItsOwnVerification() {
		ApiClient api = addOn("pro", true);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		String other = api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner backupRunner = launched(other);
		this.started.add(backupRunner);
		assertThat(runner.client().get("/runner/v1/runs/" + other + "/spec").status())
			.as("a verification's ticket opens no run")
			.isEqualTo(401);
		assertThat(backupRunner.client().get("/runner/v1/verifications/" + id + "/spec").status())
			.as("a run's ticket opens no verification")
			.isEqualTo(401);
		assertThat(runner.client().get("/runner/v1/verifications/" + java.util.UUID.randomUUID() + "/spec").status())
			.isEqualTo(401);
		assertThat(runner.client().get("/runner/v1/verifications/not-a-uuid/spec").status()).isEqualTo(401);
		ApiClient.Response anonymous = ApiClient.anonymous(this.port, this.bodies)
			.get("/runner/v1/verifications/" + id + "/spec");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
		assertThat(anonymous.text("code")).isEqualTo("ticket_invalid");
		assertThat(runner.client().get("/runner/v1/verifications/" + id + "/spec").status()).isEqualTo(200);
		runner.stop();
	}

	@Test
	void refusesReportsItCannotUseWithAProblemDetail() {
		ApiClient api = addOn("pro", false);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		String base = "/runner/v1/verifications/" + id;
		ApiClient.Response early = runner.client()
			.post(base + "/heartbeat", "{\"stage\": \"download\", \"bytesIn\": 1, \"bytesOut\": 0}");
		assertThat(early.status()).as("before the spec was fetched").isEqualTo(409);
		assertThat(early.text("code")).isEqualTo("run_state_conflict");
		assertThat(runner.client().post(base + "/result", result(id, backup, "PASSED", "PASSED", null, "ok")).status())
			.isEqualTo(409);
		runner.client().get(base + "/spec");
		for (ApiClient.Response bad : List.of(
				runner.client().post(base + "/heartbeat", "{\"stage\": \"dump\", \"bytesIn\": 1, \"bytesOut\": 0}"),
				runner.client()
					.post(base + "/heartbeat", "{\"stage\": \"download\", \"bytesIn\": -1, \"bytesOut\": 0}"),
				runner.client().post(base + "/heartbeat", "not json"),
				runner.client().post(base + "/result", result(id, backup, "SUCCEEDED", "PASSED", null, "ok")),
				runner.client().post(base + "/result", result(id, backup, "PASSED", "FAILED", null, "inconsistent")),
				runner.client()
					.post(base + "/result", result(id, backup, "PASSED", "PASSED", "FAILED", "inconsistent")),
				runner.client()
					.post(base + "/result", result(id, backup, "FAILED", "PASSED", "PASSED", "nothing failed")),
				runner.client()
					.post(base + "/result", result(id, backup, "SKIPPED", "PASSED", null, "checked yet skipped")),
				runner.client().post(base + "/result", result(id, backup, "PASSED", "PASSED", null, " ")),
				runner.client().post(base + "/result", result(id, backup, "PASSED", "maybe", null, "bad integrity")),
				runner.client()
					.post(base + "/result",
							result(java.util.UUID.randomUUID().toString(), backup, "PASSED", "PASSED", null,
									"another verification")),
				runner.client()
					.post(base + "/result",
							result(id, java.util.UUID.randomUUID().toString(), "PASSED", "PASSED", null,
									"another backup")),
				runner.client().post(base + "/failure", "{\"kind\": \"lower case\"}"))) {
			assertThat(bad.status()).as(bad.body()).isEqualTo(400);
			assertThat(bad.isProblem()).isTrue();
			assertThat(bad.text("code")).isEqualTo("invalid_report");
		}
		assertThat(verification(api, backup).text("status")).isEqualTo("RUNNING");
		assertThat(api.get("/api/v1/backups/" + backup).text("verification")).isEqualTo("PENDING");
		runner.stop();
	}

	@Test
	void aDamagedOrUnreadableBackupIsFailedAndSaysWhy() {
		ApiClient api = addOn("pro", false);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/verifications/" + id + "/spec");
		assertThat(runner.client()
			.post("/runner/v1/verifications/" + id + "/failure",
					"{\"kind\": \"INTEGRITY\", \"message\": \"The object's HMAC differs from the recorded one\"}")
			.status()).isEqualTo(204);
		ApiClient.Response failed = api.get("/api/v1/backups/" + backup);
		assertThat(failed.text("verification")).isEqualTo("FAILED");
		assertThat(failed.text("verificationDetail"))
			.isEqualTo("The backup failed its integrity check: The object's HMAC differs from the recorded one");
		assertThat(this.events.of(backup).result()).isEqualTo(Verification.FAILED);
		assertThat(this.events.of(backup).failure()).isEqualTo(FailureKinds.INTEGRITY);
		runner.stop();

		// Asked again: the object cannot be downloaded twice in a row, so it is FAILED
		// too.
		ApiClient.Response again = api.post("/api/v1/backups/" + backup + "/verify");
		assertThat(again.status()).as(again.body()).isEqualTo(202);
		String second = again.text("id");
		assertThat(second).isNotEqualTo(id);
		assertThat(again.text("origin")).isEqualTo("requested");
		for (int attempt = 1; attempt <= 2; attempt++) {
			FakeRunner next = launched(second, attempt);
			next.client().get("/runner/v1/verifications/" + second + "/spec");
			assertThat(next.client()
				.post("/runner/v1/verifications/" + second + "/failure",
						"{\"kind\": \"DESTINATION_FAILED\", \"message\": \"S3 answered 503 SlowDown\"}")
				.status()).isEqualTo(204);
			next.stop();
		}
		await(() -> "FAILED".equals(verification(api, backup).text("status")));
		assertThat(verification(api, backup).json().get("attempts").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/backups/" + backup).text("verificationDetail"))
			.isEqualTo("The backup could not be read for verification (2 attempts): S3 answered 503 SlowDown");
		assertThat(this.events.of(backup).failure()).isEqualTo("DESTINATION_FAILED");

		// A third time the object is intact, but its restore test fails: the event says
		// so
		String third = api.post("/api/v1/backups/" + backup + "/verify").text("id");
		FakeRunner restorer = launched(third);
		restorer.client().get("/runner/v1/verifications/" + third + "/spec");
		assertThat(restorer.client()
			.post("/runner/v1/verifications/" + third + "/result",
					result(third, backup, "FAILED", "PASSED", "FAILED",
							"The backup is intact, but the restore test failed: 1 table differs."))
			.status()).isEqualTo(204);
		BackupVerified restoreTest = this.events.of(backup);
		assertThat(restoreTest.result()).isEqualTo(Verification.FAILED);
		assertThat(restoreTest.failure()).isEqualTo(FailureKinds.RESTORE_TEST);
		assertThat(restoreTest.restoreTested()).isTrue();
		restorer.stop();
	}

	@Test
	void aRunnerThatCannotRunIsRetriedThenTheBackupIsSkippedWithTheReason() throws IOException {
		ApiClient api = addOn("pro", false);
		String backup = requestedBackup(api);
		launched(backup);
		await(() -> Files.exists(DIR.resolve("runs/" + backup + ".pid")));
		// Every runner started from now on ends at once without reporting.
		Files.writeString(DIR.resolve("runs/mode"), "exit 3");
		finishBackup(api, backup);
		await(() -> "SKIPPED".equals(api.get("/api/v1/backups/" + backup).text("verification")));
		ApiClient.Response skipped = api.get("/api/v1/backups/" + backup);
		assertThat(skipped.text("verificationDetail")).startsWith("Not verified (2 attempts): The verification runner"
				+ " ended (exit code 3) without reporting a result");
		assertThat(verification(api, backup).json().get("attempts").asInt()).isEqualTo(2);
		BackupVerified event = this.events.of(backup);
		assertThat(event.result()).isEqualTo(Verification.SKIPPED);
		assertThat(event.failure()).isNull();
		assertThat(event.restoreTested()).isFalse();
	}

	@Test
	void aPlanWithoutRestoreTestsChecksIntegrityAndTheDetailSaysWhy() {
		ApiClient api = addOn("test", true);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		ApiClient.Response requested = api.post("/api/v1/backups/" + backup + "/verify");
		assertThat(requested.status()).isEqualTo(202);
		assertThat(requested.text("id")).as("the automatic verification is still under way").isEqualTo(id);
		assertThat(requested.text("origin")).isEqualTo("automatic");
		FakeRunner runner = launched(id);
		assertThat(runner.env()).as("no restore test, so no verification database")
			.doesNotContainKey("STRONGROOM_VERIFY_DATABASE_URL");
		ApiClient.Response spec = runner.client().get("/runner/v1/verifications/" + id + "/spec");
		assertThat(spec.json().get("restoreTest").isNull()).as(spec.body()).isTrue();
		runner.client()
			.post("/runner/v1/verifications/" + id + "/result", result(id, backup, "PASSED", "PASSED", null,
					"Checked the SHA-256 and HMAC and read the archive through (12 entries)."));
		assertThat(api.get("/api/v1/backups/" + backup).text("verificationDetail"))
			.isEqualTo("Checked the SHA-256 and HMAC and read the archive through (12 entries)."
					+ " No restore test: the test plan includes no restore tests (integrity check only).");
		runner.stop();
	}

	@Test
	void withoutAVerificationDatabaseALocalRunnerRestoresIntoAScratchDatabaseOfTheOperators() {
		ApiClient api = addOn("pro", false);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		assertThat(runner.env()).containsEntry("STRONGROOM_VERIFY_SCRATCH_URL", SCRATCH_URL)
			.doesNotContainKey("STRONGROOM_VERIFY_DATABASE_URL");
		ApiClient.Response spec = runner.client().get("/runner/v1/verifications/" + id + "/spec");
		assertThat(spec.json().get("restoreTest").get("mode").asString()).isEqualTo("create");
		assertThat(spec.json().get("restoreTest").get("databaseUrlEnv").asString())
			.isEqualTo("STRONGROOM_VERIFY_SCRATCH_URL");
		assertThat(spec.body()).doesNotContain(SCRATCH_PASSWORD);
		assertThat(verification(api, backup).text("restoreTest")).isEqualTo("create");
		runner.client()
			.post("/runner/v1/verifications/" + id + "/result",
					result(id, backup, "PASSED", "PASSED", "PASSED", "Restored into a scratch database and counted."));
		assertThat(api.get("/api/v1/backups/" + backup).text("verification")).isEqualTo("PASSED");
		runner.stop();
		assertThat(String.join("\n", this.bodies)).doesNotContain(SCRATCH_PASSWORD);
	}

	@Test
	void aWeeklyPlanRestoresADatabaseOnceInSevenDays() {
		ApiClient api = addOn("basic", true);
		String backup = succeededBackup(api);
		String id = verificationOf(api, backup);
		FakeRunner runner = launched(id);
		assertThat(runner.client()
			.get("/runner/v1/verifications/" + id + "/spec")
			.json()
			.get("restoreTest")
			.get("mode")
			.asString()).isEqualTo("existing");
		runner.client()
			.post("/runner/v1/verifications/" + id + "/result",
					result(id, backup, "PASSED", "PASSED", "PASSED", "Restored and counted."));
		runner.stop();
		String second = api.post("/api/v1/backups/" + backup + "/verify").text("id");
		FakeRunner again = launched(second);
		assertThat(
				again.client().get("/runner/v1/verifications/" + second + "/spec").json().get("restoreTest").isNull())
			.isTrue();
		again.client()
			.post("/runner/v1/verifications/" + second + "/result",
					result(second, backup, "PASSED", "PASSED", null, "Checked the archive."));
		assertThat(api.get("/api/v1/backups/" + backup).text("verificationDetail"))
			.contains("No restore test: the basic plan allows one restore test a week");
		again.stop();
	}

	@Test
	void onlyASucceededBackupOfTheAddOnsOwnCanBeVerified() {
		ApiClient api = addOn("pro", false);
		String backup = requestedBackup(api);
		FakeRunner runner = launched(backup);
		runner.client().get("/runner/v1/runs/" + backup + "/spec");
		ApiClient.Response early = api.post("/api/v1/backups/" + backup + "/verify");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("code")).isEqualTo("backup_state_conflict");
		runner.client()
			.post("/runner/v1/runs/" + backup + "/failure", "{\"kind\": \"DUMP_FAILED\", \"message\": \"x\"}");
		runner.stop();
		ApiClient.Response failed = api.post("/api/v1/backups/" + backup + "/verify");
		assertThat(failed.status()).isEqualTo(409);
		assertThat(failed.isProblem()).isTrue();
		assertThat(failed.text("backupStatus")).isEqualTo("FAILED");
		assertThat(api.get("/api/v1/backups/" + backup).text("verification")).isEqualTo("SKIPPED");

		ApiClient intruder = ApiClient.bearer(this.port, TestTenants.create(this.tenants, "pro").token(), this.bodies);
		for (ApiClient.Response response : List.of(intruder.post("/api/v1/backups/" + backup + "/verify"),
				intruder.get("/api/v1/backups/" + backup + "/verifications"),
				intruder.post("/api/v1/backups/not-a-uuid/verify"))) {
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.text("code")).isEqualTo("backup_not_found");
		}
	}

	ApiClient addOn(String plan, boolean verificationDatabase) {
		TestTenants.Created created = TestTenants.create(this.tenants, plan);
		ApiClient client = ApiClient.bearer(this.port, created.token(), this.bodies);
		String database = "{\"url\": \"postgres://backup:" + PASSWORD + "@127.0.0.1:5432/app\""
				+ (verificationDatabase ? ", \"verificationUrl\": \"" + VERIFY_URL + "\"" : "") + "}";
		assertThat(client.put("/api/v1/databases/DATABASE", database).status()).isEqualTo(201);
		assertThat(client.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"/tmp/strongroom-test\"}")
			.status()).isEqualTo(200);
		ApiClient.Response key = client.post("/api/v1/encryption-key", "{\"generate\": true}");
		this.bodies.remove(key.body());
		return client;
	}

	String requestedBackup(ApiClient api) {
		ApiClient.Response requested = api.post("/api/v1/databases/DATABASE/backups");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		return requested.text("id");
	}

	/** A backup that succeeded, the stand-in runner playing its part. */
	String succeededBackup(ApiClient api) {
		String id = requestedBackup(api);
		finishBackup(api, id);
		return id;
	}

	void finishBackup(ApiClient api, String id) {
		FakeRunner runner = launched(id);
		ApiClient.Response spec = runner.client().get("/runner/v1/runs/" + id + "/spec");
		assertThat(spec.status()).as(spec.body()).isEqualTo(200);
		String startedAt = spec.text("startedAt").replace("-", "").replace(":", "");
		String objectKey = "backups/" + spec.text("addonName") + "/DATABASE/x/" + startedAt + "-" + id
				+ ".dump.zst.enc";
		ApiClient.Response result = runner.client()
			.post("/runner/v1/runs/" + id + "/result", RunsIntegrationTests.result(id, objectKey));
		assertThat(result.status()).as(result.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/backups/" + id).text("verification")).isEqualTo("PENDING");
		runner.stop();
	}

	/**
	 * The id of the backup's newest verification, once the backup's success queued it.
	 */
	String verificationOf(ApiClient api, String backup) {
		await(() -> api.get("/api/v1/backups/" + backup + "/verifications").json().get("items").size() > 0);
		return verification(api, backup).text("id");
	}

	ApiClient.Response verification(ApiClient api, String backup) {
		ApiClient.Response list = api.get("/api/v1/backups/" + backup + "/verifications");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode newest = list.json().get("items").get(0);
		return new ApiClient.Response(200, "application/json", newest.toString());
	}

	static String result(String id, String backup, String status, String integrity, String restore, String detail) {
		String restorePart = (restore != null) ? """
				{"status": "%s", "tables": 1, "rows": 1, "differences": [], "detail": "compared 1 table"}"""
			.formatted(restore) : "null";
		return """
				{"status": "%s", "verificationId": "%s", "runId": "%s", "detail": "%s",
				 "integrity": {"status": "%s", "sha256": "%s", "bytes": 420, "archiveEntries": 12, "detail": "ok"},
				 "restore": %s,
				 "durationsMillis": {"download": 1, "integrity": 2, "restore": 3, "compare": 4, "total": 10}}"""
			.formatted(status, id, backup, detail, integrity, "a".repeat(64), restorePart);
	}

	FakeRunner launched(String id) {
		return launched(id, 1);
	}

	/** The stand-in runner started for job {@code id} the {@code attempt}-th time. */
	FakeRunner launched(String id, int attempt) {
		Path env = DIR.resolve("runs/" + id + ".env");
		Path args = DIR.resolve("runs/" + id + ".args");
		await(() -> Files.exists(env) && Files.exists(args) && attempts(id) >= attempt);
		try {
			Map<String, String> variables = new HashMap<>();
			for (String line : Files.readAllLines(env)) {
				int equals = line.indexOf('=');
				if (equals > 0) {
					variables.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
			FakeRunner runner = new FakeRunner(id, Files.readAllLines(args), variables, new ApiClient(
					"http://localhost:" + this.port, "Bearer " + variables.get(LaunchRequest.TICKET_ENV), this.bodies));
			this.started.add(runner);
			return runner;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * How many times a runner was started for {@code id}: the stand-in rewrites its files
	 * on every start, and each start has a fresh ticket.
	 */
	int attempts(String id) {
		try {
			Path env = DIR.resolve("runs/" + id + ".env");
			String ticket = Files.readAllLines(env)
				.stream()
				.filter((line) -> line.startsWith(LaunchRequest.TICKET_ENV + "="))
				.findFirst()
				.orElse("");
			Path seen = DIR.resolve("runs/" + id + ".tickets");
			List<String> tickets = Files.exists(seen) ? new ArrayList<>(Files.readAllLines(seen)) : new ArrayList<>();
			if (!ticket.isEmpty() && !tickets.contains(ticket)) {
				tickets.add(ticket);
				Files.write(seen, tickets);
			}
			return tickets.size();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	record FakeRunner(String id, List<String> args, Map<String, String> env, ApiClient client) {

		String ticket() {
			return this.env.get(LaunchRequest.TICKET_ENV);
		}

		void stop() {
			Path file = DIR.resolve("runs/" + this.id + ".pid");
			try {
				if (Files.exists(file)) {
					ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).ifPresent(ProcessHandle::destroy);
				}
			}
			catch (IOException | NumberFormatException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Every {@link BackupVerified} published, as the notify module would receive it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		final List<BackupVerified> published = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BackupVerified event) {
			this.published.add(event);
		}

		BackupVerified of(String backup) {
			List<BackupVerified> events = this.published.stream()
				.filter((event) -> event.run().toString().equals(backup))
				.toList();
			assertThat(events).as("BackupVerified of " + backup).isNotEmpty();
			return events.get(events.size() - 1);
		}

	}

	static void await(Callable<Boolean> condition) {
		Eventually.await(condition, Duration.ofSeconds(60));
	}

	static Path directory() {
		try {
			Path dir = Files.createTempDirectory("strongroom-fake-verifier");
			Files.createDirectories(dir.resolve("runs"));
			try (InputStream script = VerificationsIntegrationTests.class.getResourceAsStream("fake-runner.sh")) {
				Files.copy(script, dir.resolve("fake-runner.sh"));
			}
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
