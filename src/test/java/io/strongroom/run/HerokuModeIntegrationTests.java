package io.strongroom.run;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import io.strongroom.heroku.AddonAttachments;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.heroku.PartnerApiTestSupport;
import io.strongroom.support.ApiClient;
import io.strongroom.tenant.TenantId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import io.strongroom.support.Eventually;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Heroku mode against a fake Heroku (WireMock) through the real Platform API client:
 * secrets go to the customer's config vars and never into Strongroom's database (S3
 * credentials go to both, sealed); filesystem destinations are refused (the operator's
 * setting); runs start as one-off dynos whose create is retried on 409 and 429; a crashed
 * dyno fails its run; one dyno at a time ({@code max-concurrent=1}), so every test ends
 * every dyno it started. The dyno launcher also passes the launcher contract.
 */
@TestPropertySource(properties = { "strongroom.secrets.mode=heroku", "strongroom.run.launcher=heroku",
		"strongroom.target.filesystem-destinations=false", "strongroom.run.watchdog-interval=1s",
		"strongroom.run.dispatch-interval=1s", "strongroom.run.heroku.dyno-size=performance-m",
		"strongroom.run.heroku.time-to-live=2h", "strongroom.run.heroku.max-concurrent=1" })
@ExtendWith(OutputCaptureExtension.class)
class HerokuModeIntegrationTests extends PartnerApiTestSupport implements RunLauncherContract {

	static final Path BUNDLE = bundle();

	static final String DB_PASSWORD = "heroku-mode-db-pa55word";

	@DynamicPropertySource
	static void bundle(DynamicPropertyRegistry registry) {
		registry.add("strongroom.run.heroku.bundle", BUNDLE::toString);
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	Runs runs;

	@Autowired
	RunDispatcher dispatcher;

	@Autowired
	HerokuPlatformClient platform;

	@Autowired
	AddonAttachments attachments;

	@Autowired
	RunnerBundle bundle;

	@Autowired
	JdbcClient jdbcClient;

	String uuid;

	ApiClient api;

	final List<String> bodies = new ArrayList<>();

	@BeforeEach
	void provisionedAddOn() {
		stubDynos();
		this.uuid = newUuid();
		HttpResponse<String> provisioned = provision(provisionBody(this.uuid, "basic", "grant-" + this.uuid));
		assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(200);
		String token = parse(provisioned.body()).get("config").get("STRONGROOM_API_TOKEN").asString();
		// The provisioning job exchanges the grant and learns the app after the answer.
		await("the add-on's app is known",
				() -> APP_ID.equals(this.jdbc.queryForObject("select heroku_app_id from tenant where id = ?",
						String.class, UUID.fromString(this.uuid))));
		this.api = ApiClient.bearer(this.port, token, this.bodies);
	}

	/**
	 * Heroku removes every dyno: the watchdog settles what is left, and the next test
	 * finds the one place free.
	 */
	@AfterEach
	void everyDynoEnds() {
		heroku.stubFor(get(urlPathMatching("/apps/[^/]+/dynos/[^/]+")).atPriority(1)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that process.\"}")));
		Eventually.await(() -> dynosUnderWay() == 0, Duration.ofSeconds(30));
	}

	int dynosUnderWay() {
		return new LaunchedRunners(this.jdbcClient).count("heroku");
	}

	static void stubDynos() {
		heroku.stubFor(post(urlPathMatching("/apps/[^/]+/dynos")).atPriority(5)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withHeader("RateLimit-Remaining", "4000")
				.withTransformers("response-template")
				.withBody("{\"id\":\"{{randomValue type='UUID'}}\",\"name\":\"run.1234\",\"state\":\"starting\","
						+ "\"size\":\"performance-m\"}")));
		heroku.stubFor(get(urlPathMatching("/apps/[^/]+/dynos/[^/]+")).atPriority(5)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withTransformers("response-template")
				.withBody("{\"id\":\"{{request.pathSegments.[3]}}\",\"name\":\"run.1234\",\"state\":\"up\"}")));
		heroku.stubFor(post(urlPathMatching("/apps/[^/]+/dynos/[^/]+/actions/stop")).atPriority(5)
			.willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	@Test
	void databaseUrlsAndTheKeyGoToConfigVarsOnly(CapturedOutput output) throws IOException {
		String url = "postgres://backup:" + DB_PASSWORD + "@db.example.com:5432/app";
		ApiClient.Response saved = this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + url + "\"}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		assertThat(saved.text("urlConfigVar")).isEqualTo("STRONGROOM_DATABASE_URL");
		assertThat(saved.text("url")).isEqualTo("postgres://backup:****@db.example.com:5432/app");
		heroku.verify(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config")).withRequestBody(
				equalTo("{\"config\":[{\"name\":\"STRONGROOM_DATABASE_URL\",\"value\":\"" + url + "\"}]}")));
		this.api.put("/api/v1/databases/PURPLE", "{\"url\": \"mysql://u:" + DB_PASSWORD + "@h/db\"}");
		heroku.verify(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
				.containing("\"name\":\"STRONGROOM_PURPLE_DATABASE_URL\"")));
		ApiClient.Response key = this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		String generated = key.text("key");
		heroku.verify(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config")).withRequestBody(
				equalTo("{\"config\":[{\"name\":\"STRONGROOM_ENCRYPTION_KEY\",\"value\":\"" + generated + "\"}]}")));
		ApiClient.Response destination = this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "acme-backups", "accessKeyId": "AKIAHEROKUMODE", "secretAccessKey": "heroku-mode-s3-secret"}""");
		assertThat(destination.status()).as(destination.body()).isEqualTo(200);
		heroku.verify(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config")).withRequestBody(
				equalTo("{\"config\":[{\"name\":\"STRONGROOM_AWS_ACCESS_KEY_ID\",\"value\":\"AKIAHEROKUMODE\"},"
						+ "{\"name\":\"STRONGROOM_AWS_SECRET_ACCESS_KEY\",\"value\":\"heroku-mode-s3-secret\"}]}")));
		List<String> kept = this.jdbc.queryForList("select name from target_secret where tenant_id = ?", String.class,
				UUID.fromString(this.uuid));
		assertThat(kept).as("only the S3 credentials are kept, sealed")
			.containsExactlyInAnyOrder("destination/access-key-id", "destination/secret-access-key");
		List<String> sealed = this.jdbc.queryForList("select sealed from target_secret where tenant_id = ?",
				String.class, UUID.fromString(this.uuid));
		assertThat(String.join(" ", sealed)).doesNotContain("heroku-mode-s3-secret").doesNotContain("AKIAHEROKUMODE");
		assertThat(this.api.post("/api/v1/databases/DATABASE/test").text("code"))
			.as("the URL is not Strongroom's to test without being sent")
			.isEqualTo("not_configured");
		this.bodies.remove(key.body());
		assertThat(String.join("\n", this.bodies)).doesNotContain(DB_PASSWORD)
			.doesNotContain(generated)
			.doesNotContain("heroku-mode-s3-secret");
		assertThat(output.getAll()).doesNotContain(DB_PASSWORD)
			.doesNotContain(generated)
			.doesNotContain("heroku-mode-s3-secret");
		// Heroku sets only config vars the manifest declares.
		JsonNode manifest = json.readTree(Files.readString(Path.of("addon-manifest.json")));
		List<String> declared = new ArrayList<>();
		manifest.get("api").get("config_vars").forEach((name) -> declared.add(name.asString()));
		for (LoggedRequest patched : heroku
			.findAll(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config")))) {
			json.readTree(patched.getBodyAsString())
				.get("config")
				.forEach((entry) -> assertThat(declared).contains(entry.get("name").asString()));
		}
	}

	@Test
	void aLabelWhoseConfigVarTheManifestDoesNotDeclareIsRefused() {
		int patches = heroku.findAll(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config"))).size();
		ApiClient.Response refused = this.api.put("/api/v1/databases/ANALYTICS",
				"{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.text("field")).isEqualTo("label");
		assertThat(refused.text("detail")).contains("PURPLE").contains("DATABASE");
		assertThat(refused.body()).doesNotContain(DB_PASSWORD);
		assertThat(heroku.findAll(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config"))))
			.as("nothing was sent to Heroku")
			.hasSize(patches);
	}

	@Test
	void aFilesystemDestinationIsRefusedWhereTheOperatorDoesNotAllowIt() {
		int patches = heroku.findAll(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config"))).size();
		ApiClient.Response refused = this.api.put("/api/v1/destination",
				"{\"type\": \"filesystem\", \"path\": \"/var/backups/strongroom\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("code")).isEqualTo("invalid_request");
		assertThat(refused.text("field")).isEqualTo("type");
		assertThat(refused.text("detail")).contains("does not allow filesystem destinations").contains("type s3");
		assertThat(this.api.get("/api/v1/destination").status()).as("nothing was saved").isEqualTo(404);
		assertThat(heroku.findAll(patchRequestedFor(urlPathEqualTo("/addons/" + this.uuid + "/config"))))
			.as("nothing was sent to Heroku")
			.hasSize(patches);
	}

	@Test
	void whenHerokuRefusesTheConfigVarsNothingIsSaved() {
		heroku.stubFor(patch(urlPathEqualTo("/addons/" + this.uuid + "/config")).atPriority(1)
			.willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"invalid_params\",\"message\":\"nope\"}")));
		ApiClient.Response refused = this.api.put("/api/v1/databases/DATABASE",
				"{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.text("code")).isEqualTo("config_vars_unavailable");
		assertThat(refused.body()).doesNotContain(DB_PASSWORD);
		assertThat(this.api.get("/api/v1/databases").json().get("items")).isEmpty();
	}

	@Test
	void aDynoGivenUpOnIsStoppedAndOneAlreadyGoneCountsAsStopped(CapturedOutput output) throws Exception {
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db\"}");
		this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "acme-backups", "accessKeyId": "AKIAHEROKUMODE", "secretAccessKey": "s3-secret-2"}""");
		this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		Eventually.await(() -> this.jdbc.queryForObject("select launcher_ref from run_backup where id = ?",
				String.class, UUID.fromString(id)) != null, Duration.ofSeconds(30));
		String ref = this.jdbc.queryForObject("select launcher_ref from run_backup where id = ?", String.class,
				UUID.fromString(id));
		String dynoId = ref.substring(ref.lastIndexOf('/') + 1);
		String stopPath = "/apps/" + APP_ID + "/dynos/" + dynoId + "/actions/stop";
		// The dyno crashed and Heroku already removed it: the stop finds nothing.
		heroku.stubFor(post(urlPathEqualTo(stopPath)).atPriority(1)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that process.\"}")));
		heroku.stubFor(get(urlPathEqualTo("/apps/" + APP_ID + "/dynos/" + dynoId)).atPriority(1)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"" + dynoId + "\",\"name\":\"run.4321\",\"state\":\"crashed\"}")));
		Eventually.await(() -> "FAILED".equals(this.api.get("/api/v1/backups/" + id).text("status")),
				Duration.ofSeconds(30));
		Eventually.await(() -> !heroku.findAll(postRequestedFor(urlPathEqualTo(stopPath))).isEmpty(),
				Duration.ofSeconds(30));
		heroku.verify(postRequestedFor(urlPathEqualTo(stopPath)).withHeader("Accept",
				equalTo("application/vnd.heroku+json; version=3")));
		assertThat(output.getAll()).contains("Dyno " + dynoId + " of app " + APP_ID + " stopped")
			.doesNotContain("could not be stopped");

		// A live dyno the launcher gives up on gets the stop call too.
		LaunchHandle live = new LaunchHandle("heroku", this.uuid + "/" + APP_ID + "/live-dyno");
		this.launcher.stop(live);
		heroku.verify(postRequestedFor(urlPathEqualTo("/apps/" + APP_ID + "/dynos/live-dyno/actions/stop")));
	}

	@Test
	void aBackupRunsAsAOneOffDynoWhoseCreateIsRetriedAndWhoseCrashFailsTheRun() throws Exception {
		heroku.stubFor(post(urlPathEqualTo("/apps/" + APP_ID + "/dynos")).atPriority(1)
			.inScenario("dyno")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"conflict\",\"message\":\"release not ready\"}"))
			.willSetStateTo("rate limited"));
		heroku.stubFor(post(urlPathEqualTo("/apps/" + APP_ID + "/dynos")).atPriority(1)
			.inScenario("dyno")
			.whenScenarioStateIs("rate limited")
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withHeader("RateLimit-Remaining", "0")
				.withBody("{\"id\":\"rate_limit\",\"message\":\"slow down\"}"))
			.willSetStateTo("ready"));
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db\"}");
		this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "acme-backups", "accessKeyId": "AKIAHEROKUMODE", "secretAccessKey": "s3-secret-1"}""");
		this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		String id = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		Eventually.await(
				() -> heroku.findAll(postRequestedFor(urlPathEqualTo("/apps/" + APP_ID + "/dynos"))).size() >= 3,
				Duration.ofSeconds(30));
		Eventually.await(() -> this.jdbc.queryForObject("select launcher_ref from run_backup where id = ?",
				String.class, UUID.fromString(id)) != null, Duration.ofSeconds(30));
		assertThat(this.api.get("/api/v1/backups/" + id).text("status")).isEqualTo("LAUNCHING");
		List<LoggedRequest> creates = heroku.findAll(postRequestedFor(urlPathEqualTo("/apps/" + APP_ID + "/dynos")));
		assertThat(creates).as("409 and 429 were retried").hasSize(3);
		JsonNode body = json.readTree(creates.get(2).getBodyAsString());
		String command = body.get("command").asString();
		String sha = RunnerBundle.sha256(BUNDLE);
		assertThat(command).contains("'https://strongroom.test/runner/bundle/strongroom-runner.tar.gz'")
			.contains(sha)
			.contains("backup --run 'https://strongroom.test/runner/v1/runs/" + id + "'")
			.doesNotContain(DB_PASSWORD);
		assertThat(body.get("size").asString()).isEqualTo("performance-m");
		assertThat(body.get("time_to_live").asLong()).isEqualTo(7200);
		assertThat(body.get("env").propertyNames()).containsExactly(LaunchRequest.TICKET_ENV);
		assertThat(body.toString()).doesNotContain("s3-secret-1");

		// the dyno fetches its spec with its ticket, then crashes
		String ticket = body.get("env").get(LaunchRequest.TICKET_ENV).asString();
		ApiClient dyno = new ApiClient("http://localhost:" + this.port, "Bearer " + ticket, this.bodies);
		ApiClient.Response spec = dyno.get("/runner/v1/runs/" + id + "/spec");
		assertThat(spec.status()).isEqualTo(200);
		assertThat(spec.json().get("destination").get("secretAccessKeyEnv").asString())
			.isEqualTo("STRONGROOM_AWS_SECRET_ACCESS_KEY");
		assertThat(spec.text("databaseUrlEnv")).as("attached under its default name")
			.isEqualTo("STRONGROOM_DATABASE_URL");
		heroku.stubFor(get(urlPathMatching("/apps/" + APP_ID + "/dynos/.+")).atPriority(1)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"x\",\"name\":\"run.1234\",\"state\":\"crashed\"}")));
		Eventually.await(() -> "FAILED".equals(this.api.get("/api/v1/backups/" + id).text("status")),
				Duration.ofSeconds(30));
		ApiClient.Response failed = this.api.get("/api/v1/backups/" + id);
		assertThat(failed.json().get("error").get("kind").asString()).isEqualTo("RUNNER_EXITED");
		assertThat(failed.json().get("error").get("message").asString()).contains("dyno run.1234 is crashed");
		assertThat(dyno.get("/runner/v1/runs/" + id + "/spec").status()).isEqualTo(401);
	}

	@Test
	void anAddOnAttachedAsBackupsHasItsRunnerReadTheBackupsConfigVars(CapturedOutput output) throws Exception {
		// heroku addons:create strongroom --as BACKUPS: on its app the add-on's config
		// vars
		// are BACKUPS_* (heroku-addon.md §5.1); it is attached to a second app under its
		// default name
		heroku
			.stubFor(get(urlPathMatching("/addons/[0-9a-f-]+/addon-attachments")).atPriority(1)
				.willReturn(okJson(attachments(
						new String[] { "STRONGROOM", "0f0f0f0f-aaaa-bbbb-cccc-dddddddddddd", "acme-worker" },
						new String[] { "BACKUPS", APP_ID, "acme-web" }))));
		String uuid = newUuid();
		HttpResponse<String> provisioned = provision(provisionBody(uuid, "basic", "grant-" + uuid));
		String token = parse(provisioned.body()).get("config").get("STRONGROOM_API_TOKEN").asString();
		await("the attachment is read when the add-on is provisioned", () -> "BACKUPS".equals(this.jdbc
			.queryForObject("select attachment_name from tenant where id = ?", String.class, UUID.fromString(uuid))));
		ApiClient api = ApiClient.bearer(this.port, token, this.bodies);
		String url = "postgres://backup:" + DB_PASSWORD + "@db.example.com:5432/app";
		ApiClient.Response saved = api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + url + "\"}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		assertThat(saved.text("urlConfigVar")).as("the customer is told the name on their app")
			.isEqualTo("BACKUPS_DATABASE_URL");
		// the add-on writes under the manifest's names; Heroku renames them on the app
		heroku.verify(patchRequestedFor(urlPathEqualTo("/addons/" + uuid + "/config")).withRequestBody(
				equalTo("{\"config\":[{\"name\":\"STRONGROOM_DATABASE_URL\",\"value\":\"" + url + "\"}]}")));
		api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "acme-backups", "accessKeyId": "AKIAHEROKUMODE", "secretAccessKey": "s3-secret-3"}""");
		String key = api.post("/api/v1/encryption-key", "{\"generate\": true}").text("key");

		String id = api.post("/api/v1/databases/DATABASE/backups").text("id");
		Eventually.await(() -> dynoCreate(id) != null, Duration.ofSeconds(30));
		JsonNode body = json.readTree(dynoCreate(id).getBodyAsString());
		assertThat(body.get("env").propertyNames()).containsExactly(LaunchRequest.TICKET_ENV);
		assertThat(body.toString()).doesNotContain(DB_PASSWORD)
			.doesNotContain(key)
			.doesNotContain("s3-secret-3")
			.doesNotContain(LOG_TOKEN);
		String ticket = body.get("env").get(LaunchRequest.TICKET_ENV).asString();
		ApiClient dyno = new ApiClient("http://localhost:" + this.port, "Bearer " + ticket, this.bodies);
		ApiClient.Response spec = dyno.get("/runner/v1/runs/" + id + "/spec");
		assertThat(spec.status()).as(spec.body()).isEqualTo(200);
		assertThat(spec.text("databaseUrlEnv")).isEqualTo("BACKUPS_DATABASE_URL");
		assertThat(spec.text("encryptionKeyEnv")).isEqualTo("BACKUPS_ENCRYPTION_KEY");
		assertThat(spec.json().get("destination").get("accessKeyIdEnv").asString())
			.isEqualTo("BACKUPS_AWS_ACCESS_KEY_ID");
		assertThat(spec.json().get("destination").get("secretAccessKeyEnv").asString())
			.isEqualTo("BACKUPS_AWS_SECRET_ACCESS_KEY");
		assertThat(spec.body()).doesNotContain(DB_PASSWORD).doesNotContain(key).doesNotContain("s3-secret-3");
		assertThat(output.getAll()).contains("where the add-on is attached as BACKUPS")
			.doesNotContain(DB_PASSWORD)
			.doesNotContain(key)
			.doesNotContain("s3-secret-3")
			.doesNotContain(LOG_TOKEN);
	}

	@Test
	void whenHerokuCannotSayTheAttachmentTheLaunchFailsUnlessANameIsKnown(CapturedOutput output) throws Exception {
		heroku.stubFor(get(urlPathMatching("/addons/[0-9a-f-]+/addon-attachments")).atPriority(1)
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"forbidden\",\"message\":\"You do not have access\"}")));
		this.jdbc.update("update tenant set attachment_name = null where id = ?", UUID.fromString(this.uuid));
		BackupRunId unknown = new BackupRunId(UUID.randomUUID());
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> this.launcher.launch(request(unknown)))
			.withMessageContaining("Heroku did not say under which name the add-on is attached to app " + APP_ID)
			.withMessageContaining("does not guess")
			.withMessageContaining("the next backup will try again");
		assertThat(dynoCreate(unknown.toString())).as("no dyno that would read the wrong names").isNull();

		// a name Heroku gave before is used while it cannot answer
		this.jdbc.update("update tenant set attachment_name = 'BACKUPS' where id = ?", UUID.fromString(this.uuid));
		BackupRunId known = new BackupRunId(UUID.randomUUID());
		LaunchHandle handle = this.launcher.launch(request(known));
		assertThat(dynoCreate(known.toString())).isNotNull();
		assertThat(output.getAll()).contains("using the name it was attached under before, BACKUPS");
		this.launcher.stop(handle);
	}

	@Test
	void aFinishedRunGivesItsPlaceToTheNextAcrossBackupsAndVerifications() {
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db\"}");
		this.api.put("/api/v1/databases/PURPLE", "{\"url\": \"postgres://u:" + DB_PASSWORD + "@h/db2\"}");
		this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "acme-backups", "accessKeyId": "AKIAHEROKUMODE", "secretAccessKey": "s3-secret-4"}""");
		this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		String first = this.api.post("/api/v1/databases/DATABASE/backups").text("id");
		Eventually.await(() -> dynoCreate(first) != null, Duration.ofSeconds(30));
		String second = this.api.post("/api/v1/databases/PURPLE/backups").text("id");
		this.dispatcher.dispatch();
		assertThat(this.api.get("/api/v1/backups/" + second).text("status")).as("one place, taken by the first")
			.isEqualTo("QUEUED");
		assertThat(dynoCreate(second)).isNull();
		// A restarted or second web process counts the same.
		HerokuRunLauncher another = new HerokuRunLauncher(this.platform, this.attachments, this.bundle,
				"https://strongroom.test", "standard-1X", Duration.ofHours(1), 1, new LaunchedRunners(this.jdbcClient));
		assertThat(another.capacity()).isZero();

		// The first runner reports its result itself: the watchdog no longer looks at it.
		ApiClient firstRunner = runner(first);
		ApiClient.Response spec = firstRunner.get("/runner/v1/runs/" + first + "/spec");
		String startedAt = spec.text("startedAt").replace("-", "").replace(":", "");
		ApiClient.Response result = firstRunner.post("/runner/v1/runs/" + first + "/result", RunsIntegrationTests
			.result(first, spec.text("addonName") + "/DATABASE/x/" + startedAt + "-" + first + ".dump.zst.enc"));
		assertThat(result.status()).as(result.body()).isEqualTo(204);
		Eventually.await(() -> dynoCreate(second) != null, Duration.ofSeconds(30));
		assertThat(this.api.get("/api/v1/backups/" + second).text("status")).isEqualTo("LAUNCHING");

		// The succeeded backup's verification waits for the place too, and takes it next.
		Eventually.await(() -> "QUEUED".equals(verificationState(first)), Duration.ofSeconds(30));
		this.dispatcher.dispatch();
		assertThat(verificationState(first)).isEqualTo("QUEUED");
		assertThat(runner(second)
			.post("/runner/v1/runs/" + second + "/failure",
					"{\"kind\": \"DUMP_FAILED\", \"message\": \"pg_dump: error: connection refused\"}")
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/backups/" + second).text("status")).isEqualTo("FAILED");
		Eventually.await(() -> dynoCreate("/runner/v1/verifications/") != null, Duration.ofSeconds(30));
		assertThat(verificationState(first)).isEqualTo("LAUNCHING");
		assertThat(dynosUnderWay()).isEqualTo(1);
	}

	ApiClient runner(String runId) {
		JsonNode body = json.readTree(dynoCreate(runId).getBodyAsString());
		return new ApiClient("http://localhost:" + this.port,
				"Bearer " + body.get("env").get(LaunchRequest.TICKET_ENV).asString(), this.bodies);
	}

	String verificationState(String runId) {
		return this.jdbc
			.queryForList("select state from run_verification where run_id = ?", String.class, UUID.fromString(runId))
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Test
	void servesTheRunnerBundleAndItsHash() throws Exception {
		ApiClient anyone = ApiClient.anonymous(this.port, this.bodies);
		ApiClient.Response sha = anyone.get("/runner/bundle/strongroom-runner.tar.gz.sha256");
		assertThat(sha.status()).isEqualTo(200);
		assertThat(sha.body()).isEqualTo(RunnerBundle.sha256(BUNDLE) + "  strongroom-runner.tar.gz\n");
		assertThat(anyone.get("/runner/bundle/strongroom-runner.tar.gz").body()).isEqualTo(Files.readString(BUNDLE));
	}

	/** The dyno create whose body names {@code runId} (or any text of its command). */
	LoggedRequest dynoCreate(String runId) {
		return heroku.findAll(postRequestedFor(urlPathEqualTo("/apps/" + APP_ID + "/dynos")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains(runId))
			.findFirst()
			.orElse(null);
	}

	// The launcher contract

	@Override
	public RunLauncher launcher() {
		return this.launcher;
	}

	@Override
	public LaunchRequest request(BackupRunId run) {
		LaunchRequest request = RunLauncherContract.request(run, "https://strongroom.test", APP_ID);
		return new LaunchRequest(run, TenantId.of(this.uuid), request.callbackUrl(), request.ticket(),
				request.environment(), APP_ID);
	}

	@Override
	public Launched observe(BackupRunId run, LaunchHandle handle) {
		LoggedRequest create = dynoCreate(run.toString());
		assertThat(create).isNotNull();
		JsonNode body = json.readTree(create.getBodyAsString());
		Map<String, String> environment = new HashMap<>();
		body.get("env").properties().forEach((entry) -> environment.put(entry.getKey(), entry.getValue().asString()));
		return new Launched(body.get("command").asString(), environment);
	}

	@Override
	public void end(BackupRunId run, LaunchHandle handle) {
		String dynoId = handle.ref().substring(handle.ref().lastIndexOf('/') + 1);
		heroku.stubFor(get(urlPathEqualTo("/apps/" + APP_ID + "/dynos/" + dynoId)).atPriority(1)
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that process.\"}")));
	}

	@Override
	public LaunchHandle foreignHandle() {
		return new LaunchHandle("heroku", "not-a-dyno-handle");
	}

	@Override
	public void breakLaunching() {
		heroku.stubFor(post(urlPathMatching("/apps/[^/]+/dynos")).atPriority(1)
			.willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"invalid_params\",\"message\":\"Dyno size not available\"}")));
	}

	static Path bundle() {
		try {
			Path file = Files.createTempFile("strongroom-runner", ".tar.gz");
			Files.writeString(file, "a stand-in for the runner bundle " + UUID.randomUUID());
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
