package io.strongroom.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import io.strongroom.storage.FilesystemBackupStore;
import io.strongroom.storage.Upload;
import io.strongroom.support.ApiClient;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.Targets;
import io.strongroom.target.TargetId;
import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.strongroom.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs end to end on the web side, over real HTTP on PostgreSQL, with the local launcher
 * starting a stand-in runner ({@code fake-runner.sh}) as a real child process; the test
 * plays the runner's part of the callback API with the ticket it finds in that process's
 * environment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.run.stall-timeout=6s", "strongroom.run.watchdog-interval=1s",
				"strongroom.run.cancel-grace=3s", "strongroom.run.dispatch-interval=1s",
				"strongroom.run.local.max-concurrent=3", "strongroom.plans.test.max-run-duration=4s",
				// Verifications have their own tests; here they would only take launcher
				// room.
				"strongroom.verify.automatic=false" })
@Import(TestDatabases.class)
@ExtendWith(OutputCaptureExtension.class)
class RunsIntegrationTests {

	static final String PASSWORD = "db-pa55word-never-shown";

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
	Runs runs;

	@Autowired
	Targets targets;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> bodies = new ArrayList<>();

	TestTenants.Created tenant;

	ApiClient api;

	String key;

	@BeforeEach
	void configuredAddOn() throws IOException {
		Files.deleteIfExists(DIR.resolve("runs/mode"));
		this.tenant = addOn("basic");
		this.api = ApiClient.bearer(this.port, this.tenant.token(), this.bodies);
	}

	TestTenants.Created addOn(String plan) {
		TestTenants.Created created = TestTenants.create(this.tenants, plan);
		ApiClient client = ApiClient.bearer(this.port, created.token(), this.bodies);
		assertThat(client
			.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://backup:" + PASSWORD + "@127.0.0.1:5432/app\"}")
			.status()).isEqualTo(201);
		assertThat(client.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"/tmp/strongroom-test\"}")
			.status()).isEqualTo(200);
		ApiClient.Response key = client.post("/api/v1/encryption-key", "{\"generate\": true}");
		this.key = key.text("key");
		this.bodies.remove(key.body());
		return created;
	}

	@Test
	void aRunGoesFromQueuedToSucceededThroughTheCallbackApi(CapturedOutput output) {
		ApiClient.Response requested = this.api.post("/api/v1/databases/DATABASE/backups");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		String id = requested.text("id");
		assertThat(requested.text("status")).isIn("QUEUED", "LAUNCHING");
		FakeRunner runner = launched(id);
		assertThat(runner.args()).containsExactly("backup", "--run",
				"http://127.0.0.1:" + this.port + "/runner/v1/runs/" + id);
		assertThat(runner.env()).containsEntry("STRONGROOM_DATABASE_URL",
				"postgres://backup:" + PASSWORD + "@127.0.0.1:5432/app");
		assertThat(runner.env()).containsEntry("STRONGROOM_ENCRYPTION_KEY", this.key);
		assertThat(runner.env().keySet()).as("nothing of Strongroom's own settings reaches a runner")
			.doesNotContain("STRONGROOM_MASTER_KEY", "DATABASE_URL", "HEROKU_ADDON_PASSWORD", "SPRING_DATASOURCE_URL");
		assertThat(String.join(" ", runner.args())).doesNotContain(runner.ticket()).doesNotContain(PASSWORD);
		assertThat(status(id)).isEqualTo("LAUNCHING");

		ApiClient.Response spec = runner.client().get("/runner/v1/runs/" + id + "/spec");
		assertThat(spec.status()).as(spec.body()).isEqualTo(200);
		assertThat(spec.text("runId")).isEqualTo(id);
		assertThat(spec.text("databaseUrlEnv")).isEqualTo("STRONGROOM_DATABASE_URL");
		assertThat(spec.text("addonName")).isEqualTo(this.tenant.name());
		assertThat(spec.json().get("destination").get("type").asString()).isEqualTo("filesystem");
		assertThat(spec.body()).doesNotContain(PASSWORD).doesNotContain(this.key);
		assertThat(status(id)).isEqualTo("RUNNING");

		ApiClient.Response beat = runner.client()
			.post("/runner/v1/runs/" + id + "/heartbeat",
					"{\"stage\": \"dump\", \"bytesIn\": 1000, \"bytesOut\": 400}");
		assertThat(beat.status()).isEqualTo(200);
		assertThat(beat.json().get("cancel").asBoolean()).isFalse();
		ApiClient.Response running = this.api.get("/api/v1/backups/" + id);
		assertThat(running.json().get("bytesIn").asLong()).isEqualTo(1000);
		assertThat(running.text("stage")).isEqualTo("dump");

		String startedAt = spec.text("startedAt").replace("-", "").replace(":", "");
		String objectKey = "backups/" + this.tenant.name() + "/DATABASE/x/" + startedAt + "-" + id + ".dump.zst.enc";
		ApiClient.Response result = runner.client().post("/runner/v1/runs/" + id + "/result", result(id, objectKey));
		assertThat(result.status()).as(result.body()).isEqualTo(204);
		ApiClient.Response done = this.api.get("/api/v1/backups/" + id);
		assertThat(done.text("status")).isEqualTo("SUCCEEDED");
		assertThat(done.text("objectKey")).isEqualTo(objectKey);
		assertThat(done.text("sha256")).isEqualTo("a".repeat(64));
		assertThat(done.text("verification")).isEqualTo("PENDING");
		assertThat(done.json().get("durationsMillis").get("total").asLong()).isEqualTo(4);
		assertThat(done.json().get("statistics").get("tables").get(0).get("name").asString()).isEqualTo("t");
		assertThat(runner.client()
			.post("/runner/v1/runs/" + id + "/heartbeat", "{\"stage\": \"dump\", \"bytesIn\": 1, \"bytesOut\": 1}")
			.status()).as("the ticket is spent").isEqualTo(401);
		runner.stop();
		await(() -> this.api.get("/api/v1/backups/" + id + "/log").json().get("items").size() >= 2,
				Duration.ofSeconds(20));
		assertThat(this.api.get("/api/v1/backups/" + id + "/log").json().get("items").get(0).get("text").asString())
			.isEqualTo("runner: ticket ****, key ****, url ****");
		assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(this.key).doesNotContain(runner.ticket());
		assertThat(String.join("\n", this.bodies)).doesNotContain(PASSWORD).doesNotContain(this.key);
	}

	@Test
	void aTicketServesOnlyItsOwnRun() {
		String first = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		TestTenants.Created other = addOn("basic");
		String second = ApiClient.bearer(this.port, other.token(), this.bodies)
			.post("/api/v1/databases/DATABASE/backups")
			.text("id");
		FakeRunner runner = launched(first);
		ApiClient.Response foreign = runner.client().get("/runner/v1/runs/" + second + "/spec");
		assertThat(foreign.status()).isEqualTo(401);
		assertThat(foreign.isProblem()).isTrue();
		assertThat(foreign.text("code")).isEqualTo("ticket_invalid");
		assertThat(ApiClient.anonymous(this.port, this.bodies).get("/runner/v1/runs/" + first + "/spec").status())
			.isEqualTo(401);
		assertThat(new ApiClient("http://localhost:" + this.port, "Bearer nonsense", this.bodies)
			.get("/runner/v1/runs/" + first + "/spec")
			.status()).isEqualTo(401);
		assertThat(runner.client().get("/runner/v1/runs/not-a-uuid/spec").status()).isEqualTo(401);
		assertThat(runner.client().get("/runner/v1/runs/" + first + "/spec").status()).isEqualTo(200);
		runner.stop();
		launched(second).stop();
	}

	@Test
	void askingAgainWhileARunIsActiveReturnsThatRun() {
		String first = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		ApiClient.Response again = this.api.post("/api/v1/databases/DATABASE/backups");
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.text("id")).isEqualTo(first);
		launched(first).stop();
	}

	@Test
	void aCancelledRunIsToldToStopAndEndsCancelled() {
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		ApiClient.Response cancelled = this.api.post("/api/v1/backups/" + id + "/cancel");
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();
		ApiClient.Response beat = runner.client()
			.post("/runner/v1/runs/" + id + "/heartbeat", "{\"stage\": \"upload\", \"bytesIn\": 5, \"bytesOut\": 2}");
		assertThat(beat.json().get("cancel").asBoolean()).isTrue();
		assertThat(runner.client()
			.post("/runner/v1/runs/" + id + "/failure",
					"{\"kind\": \"CANCELLED\", \"message\": \"stopped by request\"}")
			.status()).isEqualTo(204);
		ApiClient.Response done = this.api.get("/api/v1/backups/" + id);
		assertThat(done.text("status")).isEqualTo("CANCELLED");
		assertThat(done.json().get("error").get("message").asString()).contains("Cancelled on request");
		ApiClient.Response again = this.api.post("/api/v1/backups/" + id + "/cancel");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("backup_state_conflict");
		runner.stop();
	}

	@Test
	void aReportedFailureEndsTheRunFailedWithItsKind() {
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		assertThat(runner.client()
			.post("/runner/v1/runs/" + id + "/failure",
					"{\"kind\": \"AUTHENTICATION_FAILED\", \"message\": \"The database refused the password\"}")
			.status()).isEqualTo(204);
		ApiClient.Response done = this.api.get("/api/v1/backups/" + id);
		assertThat(done.text("status")).isEqualTo("FAILED");
		assertThat(done.json().get("error").get("kind").asString()).isEqualTo("AUTHENTICATION_FAILED");
		assertThat(done.text("verification")).isEqualTo("SKIPPED");
		ApiClient.Response link = this.api.post("/api/v1/backups/" + id + "/download-url");
		assertThat(link.status()).isEqualTo(409);
		runner.stop();
	}

	@Test
	void refusesReportsItCannotUseWithAProblemDetail() {
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		String base = "/runner/v1/runs/" + id;
		for (ApiClient.Response bad : List.of(
				runner.client().post(base + "/heartbeat", "{\"stage\": \"dump\", \"bytesIn\": -1, \"bytesOut\": 0}"),
				runner.client().post(base + "/heartbeat", "not json"),
				runner.client().post(base + "/result", "{\"status\": \"SUCCEEDED\"}"),
				runner.client().post(base + "/result", result(id, "backups/elsewhere/object.enc")),
				runner.client().post(base + "/failure", "{\"kind\": \"lower case\"}"))) {
			assertThat(bad.status()).as(bad.body()).isEqualTo(400);
			assertThat(bad.isProblem()).isTrue();
			assertThat(bad.text("code")).isEqualTo("invalid_report");
		}
		assertThat(status(id)).isEqualTo("RUNNING");
		runner.stop();
	}

	@Test
	void aSilentRunnerIsFailedAsStalledAndStopped() throws Exception {
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		long pid = runner.pid();
		Instant start = Instant.now();
		await(() -> "FAILED".equals(status(id)), Duration.ofSeconds(30));
		Duration took = Duration.between(start, Instant.now());
		ApiClient.Response failed = this.api.get("/api/v1/backups/" + id);
		assertThat(failed.json().get("error").get("kind").asString()).isEqualTo("STALLED");
		assertThat(failed.json().get("error").get("message").asString()).contains("no heartbeat for 6 s");
		assertThat(took).as("within the stall timeout and a few watchdog rounds").isLessThan(Duration.ofSeconds(20));
		await(() -> ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true), Duration.ofSeconds(20));
	}

	@Test
	void anUploadAbortThatFailsIsTriedAgainByALaterSweepAndTheMessageSaysWhereItStands() throws Exception {
		Path folder = Files.createTempDirectory("strongroom-abort");
		Path away = folder.resolveSibling(folder.getFileName() + "-unmounted");
		assertThat(this.api.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"" + folder + "\"}")
			.status()).isEqualTo(200);
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		ApiClient.Response spec = runner.client().get("/runner/v1/runs/" + id + "/spec");
		String key = RunSpecs.objectStem(spec.json().get("destination").get("prefix").asString(), this.tenant.name(),
				"DATABASE", Instant.parse(spec.text("startedAt")), BackupRunId.of(id)) + ".dump.zst.enc";
		// The runner started its upload, then hangs; when the watchdog gives up on it the
		// folder is gone (an unmounted volume), so the first abort fails.
		FilesystemBackupStore store = new FilesystemBackupStore(folder);
		Upload upload = store.startUpload(key, Map.of(), 100);
		upload.stream().write(new byte[] { 1, 2, 3 });
		upload.stream().flush();
		assertThat(partials(folder)).hasSize(1);
		Files.move(folder, away);
		await(() -> "FAILED".equals(status(id)), Duration.ofSeconds(30));
		await(() -> this.jdbc.queryForObject("select upload_abort_attempts from run_backup where id = ?", Integer.class,
				UUID.fromString(id)) >= 1, Duration.ofSeconds(20));
		assertThat(message(id)).contains("Strongroom is aborting its unfinished upload.");
		assertThat(this.jdbc.queryForObject("select upload_abort from run_backup where id = ?", String.class,
				UUID.fromString(id)))
			.isEqualTo("PENDING");

		Files.move(away, folder);
		await(() -> message(id).endsWith("Its unfinished upload was aborted."), Duration.ofSeconds(30));
		assertThat(partials(folder)).as("the sweep aborted it").isEmpty();
		assertThat(message(id)).startsWith("The runner sent no heartbeat for 6 s").doesNotContain("aborting");
		upload.close();
	}

	String message(String id) {
		return this.api.get("/api/v1/backups/" + id).json().get("error").get("message").asString();
	}

	static List<Path> partials(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".partial")).toList();
		}
	}

	@Test
	void aRunnerThatEndsWithoutReportingFailsAtOnce() throws Exception {
		Files.writeString(DIR.resolve("runs/mode"), "exit 3");
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		await(() -> "FAILED".equals(status(id)), Duration.ofSeconds(30));
		ApiClient.Response failed = this.api.get("/api/v1/backups/" + id);
		assertThat(failed.json().get("error").get("kind").asString()).isEqualTo("RUNNER_EXITED");
		assertThat(failed.json().get("error").get("message").asString()).contains("exit code 3");
	}

	@Test
	void theRunnersOutputIsReadPageByPageMaskedAndOnlyByItsAddOn() throws Exception {
		Files.writeString(DIR.resolve("runs/mode"), "exit 3");
		String key = this.key;
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		await(() -> "FAILED".equals(status(id)), Duration.ofSeconds(30));
		String log = "/api/v1/backups/" + id + "/log";
		assertThat(this.api.get("/api/v1/backups/" + id).json().get("error").get("message").asString())
			.as("the message says where the output is")
			.contains("GET " + log);

		ApiClient.Response first = this.api.get(log + "?limit=1");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode line = first.json().get("items").get(0);
		assertThat(first.json().get("items")).hasSize(1);
		assertThat(line.get("number").asInt()).isEqualTo(1);
		assertThat(line.get("text").asString()).isEqualTo("runner: ticket ****, key ****, url ****");
		assertThat(Instant.parse(line.get("time").asString())).isBefore(Instant.now());
		assertThat(first.text("nextCursor")).isEqualTo("1");
		ApiClient.Response second = this.api.get(log + "?limit=1&cursor=1");
		assertThat(second.json().get("items").get(0).get("number").asInt()).isEqualTo(2);
		assertThat(second.json().get("items").get(0).get("text").asString())
			.isEqualTo("[strongroom] runner ended with exit code 3");
		assertThat(second.json().has("nextCursor")).as("the last page").isFalse();
		ApiClient.Response whole = this.api.get(log);
		assertThat(whole.json().get("items")).hasSize(2);
		assertThat(whole.json().has("note")).as("a local runner's output is kept").isFalse();
		assertThat(this.api.get(log + "?cursor=2").json().get("items")).isEmpty();

		for (String bad : List.of("?cursor=-1", "?cursor=abc", "?limit=0", "?limit=1001")) {
			ApiClient.Response refused = this.api.get(log + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("invalid_request");
			assertThat(refused.text("field")).isEqualTo(bad.startsWith("?cursor") ? "cursor" : "limit");
		}
		TestTenants.Created other = addOn("basic");
		ApiClient stranger = ApiClient.bearer(this.port, other.token(), this.bodies);
		ApiClient.Response hidden = stranger.get(log);
		assertThat(hidden.status()).as("another add-on's backup").isEqualTo(404);
		assertThat(hidden.text("code")).isEqualTo("backup_not_found");
		assertThat(this.api.get("/api/v1/backups/not-a-backup/log").text("code")).isEqualTo("backup_not_found");
		assertThat(String.join("\n", this.bodies)).doesNotContain(PASSWORD).doesNotContain(key);
	}

	@Test
	void aRunPastThePlansMaximumDurationIsCancelled() throws Exception {
		TestTenants.Created free = addOn("test");
		ApiClient client = ApiClient.bearer(this.port, free.token(), this.bodies);
		String id = client.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		boolean told = false;
		Instant until = Instant.now().plusSeconds(20);
		while (!told && Instant.now().isBefore(until)) {
			ApiClient.Response beat = runner.client()
				.post("/runner/v1/runs/" + id + "/heartbeat", "{\"stage\": \"dump\", \"bytesIn\": 1, \"bytesOut\": 1}");
			told = beat.status() == 200 && beat.json().get("cancel").asBoolean();
			Thread.sleep(500);
		}
		assertThat(told).as("the runner is told to stop").isTrue();
		// The stand-in ignores it, as a hung runner would: the grace period ends the run.
		await(() -> "CANCELLED".equals(client.get("/api/v1/backups/" + id).text("status")), Duration.ofSeconds(30));
		assertThat(client.get("/api/v1/backups/" + id).json().get("error").get("message").asString())
			.contains("maximum run duration");
		long pid = runner.pid();
		await(() -> ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true), Duration.ofSeconds(20));
	}

	@Test
	void aScheduleSlotMakesExactlyOneRunEvenWhenDeliveredConcurrently() throws Exception {
		TargetId target = this.targets.database(this.tenant.id(), DatabaseLabel.DEFAULT).orElseThrow().id();
		Instant slot = Instant.parse("2026-11-22T03:00:00Z");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> deliveries = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				deliveries.add(() -> this.runs.slotDue(this.tenant.id(), target, slot).orElseThrow().id().toString());
			}
			Set<String> ids = new HashSet<>();
			for (Future<String> delivery : pool.invokeAll(deliveries)) {
				ids.add(delivery.get());
			}
			assertThat(ids).hasSize(1);
			String id = ids.iterator().next();
			ApiClient.Response run = this.api.get("/api/v1/backups/" + id);
			assertThat(run.text("origin")).isEqualTo("schedule");
			assertThat(run.text("slot")).isEqualTo("2026-11-22T03:00:00Z");
			launched(id).stop();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void listsBackupsNewestFirstPageByPageAndOnlyTheAddOnsOwn() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
			FakeRunner runner = launched(id);
			runner.client().get("/runner/v1/runs/" + id + "/spec");
			runner.client()
				.post("/runner/v1/runs/" + id + "/failure", "{\"kind\": \"DUMP_FAILED\", \"message\": \"x\"}");
			runner.stop();
			ids.add(0, id);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			ApiClient.Response page = this.api
				.get("/api/v1/backups?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("items").forEach((item) -> seen.add(item.get("id").asString()));
			cursor = page.text("nextCursor");
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(ids);
		assertThat(this.api.get("/api/v1/backups?status=FAILED&database=DATABASE").json().get("items")).hasSize(5);
		assertThat(this.api.get("/api/v1/backups?status=SUCCEEDED").json().get("items")).isEmpty();
		assertThat(this.api.get("/api/v1/backups?status=nonsense").status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/backups?cursor=bm9wZQ").text("code")).isEqualTo("invalid_request");
		assertThat(this.api.get("/api/v1/backups?limit=0").status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/backups?limit=abc").status()).isEqualTo(400);

		TestTenants.Created other = TestTenants.create(this.tenants, "basic");
		ApiClient intruder = ApiClient.bearer(this.port, other.token(), this.bodies);
		assertThat(intruder.get("/api/v1/backups").json().get("items")).isEmpty();
		for (ApiClient.Response response : List.of(intruder.get("/api/v1/backups/" + ids.get(0)),
				intruder.post("/api/v1/backups/" + ids.get(0) + "/cancel"),
				intruder.post("/api/v1/backups/" + ids.get(0) + "/download-url"),
				intruder.post("/api/v1/databases/DATABASE/backups"), intruder.get("/api/v1/backups/not-a-uuid"))) {
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.isProblem()).isTrue();
		}
	}

	@Test
	void runsBeyondTheLaunchersCapacityWaitQueuedAndStartWhenOneEnds() throws Exception {
		List<String> ids = new ArrayList<>();
		List<ApiClient> clients = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			TestTenants.Created created = (i == 0) ? this.tenant : addOn("basic");
			ApiClient client = ApiClient.bearer(this.port, created.token(), this.bodies);
			client.put("/api/v1/databases/PURPLE", "{\"url\": \"postgres://u:" + PASSWORD + "@127.0.0.1/b\"}");
			for (String label : List.of("DATABASE", "PURPLE")) {
				ids.add(client.post("/api/v1/databases/" + label + "/backups").text("id"));
				clients.add(client);
			}
		}
		List<FakeRunner> runners = new ArrayList<>();
		for (String id : ids.subList(0, 3)) {
			runners.add(launched(id));
		}
		Thread.sleep(2000);
		assertThat(clients.get(3).get("/api/v1/backups/" + ids.get(3)).text("status")).as("the launcher is full")
			.isEqualTo("QUEUED");
		runners.get(0).stop();
		FakeRunner fourth = launched(ids.get(3));
		assertThat(clients.get(0).get("/api/v1/backups/" + ids.get(0)).text("status")).isEqualTo("FAILED");
		for (FakeRunner runner : List.of(runners.get(1), runners.get(2), fourth)) {
			runner.stop();
		}
	}

	@Test
	void cancellingAQueuedRunEndsItAtOnce() throws Exception {
		List<FakeRunner> fillers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ApiClient client = ApiClient.bearer(this.port, addOn("basic").token(), this.bodies);
			fillers.add(launched(client.post("/api/v1/databases/DATABASE/backups").text("id")));
		}
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		assertThat(status(id)).isEqualTo("QUEUED");
		ApiClient.Response cancelled = this.api.post("/api/v1/backups/" + id + "/cancel");
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		fillers.forEach(FakeRunner::stop);
		Thread.sleep(2000);
		assertThat(DIR.resolve("runs/" + id + ".env")).as("never launched").doesNotExist();
	}

	@Test
	void removingTheAddOnCancelsItsRuns() {
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		FakeRunner runner = launched(id);
		runner.client().get("/runner/v1/runs/" + id + "/spec");
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> this.publisher.publishEvent(new TenantDeprovisioned(this.tenant.id(), Instant.now())));
		await(() -> this.runs.find(this.tenant.id(), BackupRunId.of(id)).cancelRequested(), Duration.ofSeconds(30));
		ApiClient.Response beat = runner.client()
			.post("/runner/v1/runs/" + id + "/heartbeat", "{\"stage\": \"dump\", \"bytesIn\": 1, \"bytesOut\": 1}");
		assertThat(beat.json().get("cancel").asBoolean()).isTrue();
		runner.stop();
	}

	@Test
	void aBackupNeedsADestinationAndAKeyFirst() {
		TestTenants.Created fresh = TestTenants.create(this.tenants, "basic");
		ApiClient client = ApiClient.bearer(this.port, fresh.token(), this.bodies);
		client.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:p@h/db\"}");
		ApiClient.Response refused = client.post("/api/v1/databases/DATABASE/backups");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("not_configured");
		assertThat(refused.text("missing")).isEqualTo("destination");
	}

	String status(String id) {
		return this.api.get("/api/v1/backups/" + id).text("status");
	}

	static String result(String id, String objectKey) {
		return """
				{"status": "SUCCEEDED", "runId": "%s", "objectKey": "%s", "manifestKey": "%s.manifest.json",
				 "engine": "postgres", "compression": "zstd", "bytesIn": 1000, "bytesOut": 420,
				 "sha256": "%s", "hmacSha256": "%s",
				 "durationsMillis": {"connect": 1, "dump": 2, "upload": 3, "total": 4},
				 "serverVersion": "15.19", "clientVersion": "pg_dump (PostgreSQL) 15.19",
				 "statistics": {"databaseBytes": 1, "tables": [{"schema": "public", "name": "t", "rows": 1,
				   "tableBytes": 1, "indexBytes": 1}]}}""".formatted(id, objectKey, objectKey, "a".repeat(64),
				"b".repeat(64));
	}

	FakeRunner launched(String id) {
		Path env = DIR.resolve("runs/" + id + ".env");
		await(() -> Files.exists(env) && Files.exists(DIR.resolve("runs/" + id + ".args")), Duration.ofSeconds(60));
		try {
			Map<String, String> variables = new HashMap<>();
			for (String line : Files.readAllLines(env)) {
				int equals = line.indexOf('=');
				if (equals > 0) {
					variables.put(line.substring(0, equals), line.substring(equals + 1));
				}
			}
			List<String> args = Files.readAllLines(DIR.resolve("runs/" + id + ".args"));
			return new FakeRunner(id, args, variables, new ApiClient("http://localhost:" + this.port,
					"Bearer " + variables.get("STRONGROOM_RUN_TICKET"), this.bodies));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record FakeRunner(String id, List<String> args, Map<String, String> env, ApiClient client) {

		String ticket() {
			return this.env.get("STRONGROOM_RUN_TICKET");
		}

		long pid() {
			Path file = DIR.resolve("runs/" + this.id + ".pid");
			await(() -> Files.exists(file), Duration.ofSeconds(10));
			try {
				return Long.parseLong(Files.readString(file).trim());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void stop() {
			ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroy);
		}

	}

	static Path directory() {
		try {
			Path dir = Files.createTempDirectory("strongroom-fake-runner");
			Files.createDirectories(dir.resolve("runs"));
			try (InputStream script = RunsIntegrationTests.class.getResourceAsStream("fake-runner.sh")) {
				Files.copy(script, dir.resolve("fake-runner.sh"));
			}
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
