package io.strongroom.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

import io.strongroom.retention.Pruning;
import io.strongroom.run.BackupDeletion;
import io.strongroom.run.BackupRunId;
import io.strongroom.run.RunState;
import io.strongroom.run.RunView;
import io.strongroom.run.Runs;
import io.strongroom.run.Verification;
import io.strongroom.support.ApiClient;
import io.strongroom.support.Eventually;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.TargetId;
import io.strongroom.target.Targets;
import io.strongroom.tenant.TenantId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention as a new user meets it, with real backups: the real runner (local launcher)
 * dumps a real PostgreSQL database into S3Mock, a test clock moves across five days, and
 * each day's schedule slot is delivered to the run service. With "keep 3 daily" the
 * backups of the three newest days remain, plus the first one because it is the newest
 * that passed verification; the others' objects and manifests are gone from the bucket;
 * objects planted in the same prefix survive. Then a delete fails (the destination
 * answers 503 to every DELETE): the backup stays DELETING, is no longer offered, and a
 * later sweep finishes it. The retention-preview and statistics endpoints are read along
 * the way, with bad input and another add-on's label.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.heroku.addon-id=strongroom", "strongroom.heroku.addon-password=retention-pass",
				"strongroom.run.dispatch-interval=1s", "strongroom.run.watchdog-interval=1s",
				"strongroom.retention.sweep-interval=0", "strongroom.notify.worker.enabled=false",
				// verified only where the test asks: the first backup becomes the newest
				// verified
				"strongroom.verify.automatic=false" })
@Import({ TestDatabases.class, RetentionEndToEndIntegrationTests.TestClock.class })
class RetentionEndToEndIntegrationTests {

	static final Instant DAY_1 = Instant.parse("2026-11-17T03:00:00Z");

	static S3MockServer s3;

	static String bucket;

	static S3Client client;

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Runs runs;

	@Autowired
	Targets targets;

	@Autowired
	Pruning pruning;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> bodies = new ArrayList<>();

	@BeforeAll
	static void s3() {
		s3 = S3MockServer.shared();
		bucket = s3.createBucket();
		client = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(s3.endpoint())
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY)))
			.build();
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@Test
	void aDailyScheduleKeepingThreeDailyKeepsThreeDaysPlusTheNewestVerifiedAndNothingForeignIsTouched()
			throws Exception {
		this.clock.set(DAY_1.minus(Duration.ofHours(1)));
		TestDatabase.Coordinates source = TestDatabase.postgres();
		sql(source, "create table customers (id bigint primary key, name text)",
				"insert into customers select g, 'customer ' || g from generate_series(1, 1000) g");
		NewUser user = provision("basic");
		ApiClient.Response database = user.api()
			.put("/api/v1/databases/DATABASE", """
					{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}, "retention": {"keepDaily": 3}}"""
				.formatted(source.url()));
		assertThat(database.status()).as(database.body()).isEqualTo(201);
		assertThat(database.json().get("retention").get("keepDaily").asInt()).isEqualTo(3);
		assertThat(database.json().get("retention").get("summary").asString()).isEqualTo("daily 3");
		TenantId tenant = tenantOf(user);
		TargetId target = this.targets.database(tenant, new DatabaseLabel("DATABASE")).orElseThrow().id();
		String prefix = "backups/" + user.addonName() + "/";

		List<RunView> days = new ArrayList<>();
		for (int day = 0; day < 5; day++) {
			if (day == 2) {
				sql(source, "insert into customers select g, 'customer ' || g from generate_series(1001, 1500) g",
						"create table orders (id bigint primary key)",
						"insert into orders select g from generate_series(1, 20) g");
			}
			if (day == 4) {
				sql(source, "drop table orders");
				// planted before the prune that deletes: a customer's file, a copy named
				// like a backup, and an object claiming to be another run's
				put(prefix + "DATABASE/2026/11/18/customer-notes.txt", Map.of());
				put(prefix + "DATABASE/2026/11/18/copy.dump.zst.enc",
						Map.of("strongroom-run", UUID.randomUUID().toString()));
				put(prefix + "unrelated.bin", Map.of());
			}
			Instant slot = DAY_1.plus(Duration.ofDays(day));
			this.clock.set(slot);
			RunView run = this.runs.slotDue(tenant, target, slot).orElseThrow();
			days.add(awaitSucceeded(tenant, run.id()));
			if (day == 0) {
				verify(user, tenant, run);
			}
		}
		assertThat(days).extracting(RunView::slot)
			.containsExactly(DAY_1, DAY_1.plus(Duration.ofDays(1)), DAY_1.plus(Duration.ofDays(2)),
					DAY_1.plus(Duration.ofDays(3)), DAY_1.plus(Duration.ofDays(4)));

		// pruning runs after each success, after commit, on another thread
		RunView second = days.get(1);
		await(() -> this.runs.find(tenant, second.id()).deletion() == BackupDeletion.DELETED);
		List<RunView> kept = List.of(days.get(0), days.get(2), days.get(3), days.get(4));
		for (RunView run : kept) {
			assertThat(this.runs.find(tenant, run.id()).deletion()).as(run.slot().toString())
				.isEqualTo(BackupDeletion.NONE);
		}
		Set<String> keys = keys(prefix);
		assertThat(keys).doesNotContain(second.objectKey(), second.objectKey() + ".manifest.json");
		for (RunView run : kept) {
			assertThat(keys).contains(run.objectKey(), run.objectKey() + ".manifest.json");
		}
		assertThat(keys).contains(prefix + "DATABASE/2026/11/18/customer-notes.txt",
				prefix + "DATABASE/2026/11/18/copy.dump.zst.enc", prefix + "unrelated.bin");
		assertThat(keys).hasSize(2 * kept.size() + 3);

		// the deleted backup is no longer offered; the API says so
		ApiClient.Response gone = user.api().post("/api/v1/backups/" + second.id() + "/download-url");
		assertThat(gone.status()).as(gone.body()).isEqualTo(410);
		assertThat(gone.text("code")).isEqualTo("backup_deleted");
		assertThat(user.api().get("/api/v1/backups/" + second.id()).text("deletion")).isEqualTo("DELETED");
		assertThat(user.api().post("/api/v1/backups/" + days.get(0).id() + "/download-url").status()).isEqualTo(200);

		// the preview explains what stays
		ApiClient.Response preview = user.api().get("/api/v1/databases/DATABASE/retention-preview");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("delete")).isEmpty();
		assertThat(reasons(preview.json().get("keep"))).containsExactly("newest successful, daily 2026-11-21",
				"daily 2026-11-20", "daily 2026-11-19", "newest verified");

		// statistics: every backup, deleted ones too, with the change since the one
		// before
		ApiClient.Response statistics = user.api()
			.get("/api/v1/databases/DATABASE/statistics?from=2026-11-17&to=2026-11-22T00:00:00Z");
		assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
		JsonNode items = statistics.json().get("items");
		assertThat(items).hasSize(5);
		assertThat(items.get(0).get("backupId").asString()).isEqualTo(days.get(0).id().toString());
		assertThat(items.get(0).get("change").get("tablesAdded").get(0).asString()).isEqualTo("public.customers");
		assertThat(items.get(1).get("change").get("rows").asLong()).isZero();
		assertThat(items.get(1).get("change").get("sinceBackupId").asString()).isEqualTo(days.get(0).id().toString());
		JsonNode third = items.get(2);
		assertThat(third.get("tableCount").asInt()).isEqualTo(2);
		assertThat(third.get("rows").asLong()).isEqualTo(1520);
		assertThat(third.get("change").get("rows").asLong()).isEqualTo(520);
		assertThat(third.get("change").get("tableCount").asInt()).isEqualTo(1);
		assertThat(third.get("change").get("tablesAdded").get(0).asString()).isEqualTo("public.orders");
		assertThat(third.get("change").get("bytes").asLong()).isPositive();
		JsonNode fifth = items.get(4);
		assertThat(fifth.get("change").get("tablesRemoved").get(0).asString()).isEqualTo("public.orders");
		assertThat(fifth.get("change").get("rows").asLong()).isEqualTo(-20);
		ApiClient.Response lastTwo = user.api().get("/api/v1/databases/DATABASE/statistics?from=2026-11-20");
		assertThat(lastTwo.json().get("items")).hasSize(2);
		assertThat(lastTwo.json().get("items").get(0).get("change").get("sinceBackupId").asString())
			.as("the change of the first is since the backup before the range")
			.isEqualTo(days.get(2).id().toString());

		aFailedDeleteStaysDeletingAndALaterSweepFinishesIt(user, tenant, days.get(2), prefix);
		aPersonDeletesABackupThePolicyKeeps(user, days.get(0), prefix);
	}

	/** A real verification (the runner's integrity check) that the backup passes. */
	void verify(NewUser user, TenantId tenant, RunView run) {
		ApiClient.Response asked = user.api().post("/api/v1/backups/" + run.id() + "/verify");
		assertThat(asked.status()).as(asked.body()).isEqualTo(202);
		await(() -> this.runs.find(tenant, run.id()).verification() != Verification.PENDING);
		RunView verified = this.runs.find(tenant, run.id());
		assertThat(verified.verification()).as(verified.verificationDetail()).isEqualTo(Verification.PASSED);
	}

	void aPersonDeletesABackupThePolicyKeeps(NewUser user, RunView newestVerified, String prefix) {
		NewUser other = provision("basic");
		assertThat(other.api().delete("/api/v1/backups/" + newestVerified.id()).status()).as("another add-on's")
			.isEqualTo(404);
		assertThat(keys(prefix)).contains(newestVerified.objectKey());
		ApiClient.Response deleted = user.api().delete("/api/v1/backups/" + newestVerified.id());
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(keys(prefix)).doesNotContain(newestVerified.objectKey(),
				newestVerified.objectKey() + ".manifest.json");
		assertThat(keys(prefix)).contains(prefix + "DATABASE/2026/11/18/customer-notes.txt");
		assertThat(user.api().get("/api/v1/backups/" + newestVerified.id()).text("deletion")).isEqualTo("DELETED");
		ApiClient.Response again = user.api().delete("/api/v1/backups/" + newestVerified.id());
		assertThat(again.status()).as(again.body()).isEqualTo(410);
		assertThat(again.text("code")).isEqualTo("backup_deleted");
	}

	void aFailedDeleteStaysDeletingAndALaterSweepFinishesIt(NewUser user, TenantId tenant, RunView third, String prefix)
			throws Exception {
		try (DeleteRefusingProxy proxy = new DeleteRefusingProxy(s3.endpoint())) {
			destination(user, proxy.endpoint());
			ApiClient.Response changed = user.api().put("/api/v1/databases/DATABASE", """
					{"schedule": {"frequency": "daily", "time": "03:00"}, "retention": {"keepDaily": 2}}""");
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			ApiClient.Response preview = user.api().get("/api/v1/databases/DATABASE/retention-preview");
			assertThat(preview.json().get("delete")).hasSize(1);
			assertThat(preview.json().get("delete").get(0).get("id").asString()).isEqualTo(third.id().toString());
			assertThat(reasons(preview.json().get("delete"))).containsExactly("no rule keeps it");

			this.pruning.sweep();
			assertThat(proxy.refusedDeletes()).isPositive();
			assertThat(this.runs.find(tenant, third.id()).deletion()).isEqualTo(BackupDeletion.DELETING);
			ApiClient.Response deleting = user.api().post("/api/v1/backups/" + third.id() + "/download-url");
			assertThat(deleting.status()).as(deleting.body()).isEqualTo(409);
			assertThat(deleting.text("code")).isEqualTo("backup_deleting");
			assertThat(keys(prefix)).contains(third.objectKey(), third.objectKey() + ".manifest.json");
			assertThat(reasons(user.api().get("/api/v1/databases/DATABASE/retention-preview").json().get("delete")))
				.containsExactly("deletion started earlier, retrying");
		}
		// the destination is back
		destination(user, s3.endpoint());
		this.pruning.sweep();
		assertThat(this.runs.find(tenant, third.id()).deletion()).isEqualTo(BackupDeletion.DELETED);
		assertThat(keys(prefix)).doesNotContain(third.objectKey(), third.objectKey() + ".manifest.json")
			.contains(prefix + "DATABASE/2026/11/18/customer-notes.txt",
					prefix + "DATABASE/2026/11/18/copy.dump.zst.enc", prefix + "unrelated.bin");
		assertThat(user.api().post("/api/v1/backups/" + third.id() + "/download-url").status()).isEqualTo(410);
	}

	@Test
	void theBackupsOfARemovedDatabaseSurviveSweepsAndOnlyAPersonDeletesThem() throws Exception {
		this.clock.set(DAY_1);
		TestDatabase.Coordinates source = TestDatabase.postgres();
		sql(source, "create table notes (id bigint primary key)", "insert into notes values (1), (2), (3)");
		NewUser user = provision("basic");
		// three backups on one day: "last 3" keeps them all, the plan's defaults (one a
		// day) only the newest
		ApiClient.Response database = user.api()
			.put("/api/v1/databases/DATABASE", """
					{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}, "retention": {"keepLast": 3}}"""
				.formatted(source.url()));
		assertThat(database.status()).as(database.body()).isEqualTo(201);
		TenantId tenant = tenantOf(user);
		TargetId target = this.targets.database(tenant, new DatabaseLabel("DATABASE")).orElseThrow().id();
		String prefix = "backups/" + user.addonName() + "/";
		List<RunView> backups = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			Instant slot = DAY_1.plus(Duration.ofHours(6L * run));
			this.clock.set(slot);
			backups.add(awaitSucceeded(tenant, this.runs.slotDue(tenant, target, slot).orElseThrow().id()));
		}

		ApiClient.Response removed = user.api().delete("/api/v1/databases/DATABASE");
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		// at once (before the removal's listener has run) and after it
		this.pruning.sweep();
		await(() -> this.jdbc.queryForObject(
				"select count(*) from retention_hold where tenant_id = ? and database_label = 'DATABASE'", Long.class,
				tenant.value()) == 3);
		this.clock.set(DAY_1.plus(Duration.ofDays(200)));
		this.pruning.sweep();
		assertRemain(tenant, backups, prefix);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from retention_policy where tenant_id = ? and database_label = 'DATABASE'", Long.class,
				tenant.value()))
			.as("no policy is stored for a database that is gone")
			.isZero();

		// the label again: the plan's defaults govern the new database's backups, not the
		// held ones
		ApiClient.Response again = user.api().put("/api/v1/databases/DATABASE", """
				{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}}""".formatted(source.url()));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("retention").get("summary").asString()).isEqualTo("daily 7, weekly 4, monthly 3");
		TargetId newTarget = this.targets.database(tenant, new DatabaseLabel("DATABASE")).orElseThrow().id();
		Instant slot = DAY_1.plus(Duration.ofDays(200));
		RunView newest = awaitSucceeded(tenant, this.runs.slotDue(tenant, newTarget, slot).orElseThrow().id());
		this.pruning.sweep();
		assertRemain(tenant, backups, prefix);
		ApiClient.Response preview = user.api().get("/api/v1/databases/DATABASE/retention-preview");
		assertThat(preview.json().get("delete")).isEmpty();
		assertThat(reasons(preview.json().get("keep"))).containsExactly(
				"newest successful, daily 2027-06-05, weekly 2027-W22, monthly 2027-06",
				"held: kept after the database was removed on 2026-11-17",
				"held: kept after the database was removed on 2026-11-17",
				"held: kept after the database was removed on 2026-11-17");
		assertThat(this.runs.find(tenant, newest.id()).deletion()).isEqualTo(BackupDeletion.NONE);

		// a person deletes one
		RunView first = backups.get(0);
		assertThat(user.api().delete("/api/v1/backups/" + first.id()).status()).isEqualTo(204);
		assertThat(keys(prefix)).doesNotContain(first.objectKey(), first.objectKey() + ".manifest.json");
		assertThat(reasons(user.api().get("/api/v1/databases/DATABASE/retention-preview").json().get("keep")))
			.hasSize(3);
	}

	void assertRemain(TenantId tenant, List<RunView> backups, String prefix) {
		Set<String> keys = keys(prefix);
		for (RunView backup : backups) {
			assertThat(this.runs.find(tenant, backup.id()).deletion()).as(backup.slot().toString())
				.isEqualTo(BackupDeletion.NONE);
			assertThat(keys).contains(backup.objectKey(), backup.objectKey() + ".manifest.json");
		}
	}

	@Test
	void retentionSettingsAreCheckedAgainstThePlanAndShown() {
		this.clock.set(DAY_1);
		NewUser user = provision("basic");
		String url = TestDatabase.postgres().url();
		ApiClient.Response tooLong = user.api()
			.put("/api/v1/databases/DATABASE",
					"""
							{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}, "retention": {"keepMonthly": 12}}"""
						.formatted(url));
		assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(402);
		assertThat(tooLong.text("code")).isEqualTo("plan_limit");
		assertThat(tooLong.text("detail")).isEqualTo("The basic plan does not allow this retention policy:"
				+ " keep monthly 12 lowered to 3 (the plan keeps backups for 92d)");
		assertThat(user.api().get("/api/v1/databases/DATABASE").status()).as("nothing was saved").isEqualTo(404);

		for (String bad : List.of("{\"keepDaily\": -1}", "{\"keepDaily\": 1.5}", "{\"keepDaily\": \"three\"}",
				"{\"keepWithin\": \"soon\"}", "{\"zone\": \"Mars/Olympus\"}", "{\"keepForever\": true}")) {
			ApiClient.Response refused = user.api()
				.put("/api/v1/databases/DATABASE", """
						{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}, "retention": %s}"""
					.formatted(url, bad));
			assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("invalid_request");
			assertThat(refused.text("field")).startsWith("retention.");
		}

		// a new database shows the plan's defaults
		ApiClient.Response added = user.api().put("/api/v1/databases/DATABASE", """
				{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00"}}""".formatted(url));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("retention").get("summary").asString()).isEqualTo("daily 7, weekly 4, monthly 3");
		ApiClient.Response set = user.api().put("/api/v1/databases/DATABASE", """
				{"schedule": {"frequency": "daily", "time": "03:00"},
				 "retention": {"keepWithin": "36h", "keepWeekly": 2, "zone": "Europe/Berlin"}}""");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		JsonNode shown = user.api().get("/api/v1/databases/DATABASE").json().get("retention");
		assertThat(shown.get("keepWithin").asString()).isEqualTo("36h");
		assertThat(shown.get("keepWeekly").asInt()).isEqualTo(2);
		assertThat(shown.get("keepDaily").asInt()).isZero();
		assertThat(shown.get("zone").asString()).isEqualTo("Europe/Berlin");
		// left out, the saved settings stay
		user.api().put("/api/v1/databases/DATABASE", "{\"schedule\": {\"frequency\": \"manual\"}}");
		assertThat(user.api().get("/api/v1/databases/DATABASE").json().get("retention").get("summary").asString())
			.isEqualTo("within 36h, weekly 2");
	}

	@Test
	void previewAndStatisticsRefuseBadInputAndOtherAddonsLabels() {
		this.clock.set(DAY_1);
		NewUser owner = provision("basic");
		NewUser other = provision("basic");
		String url = TestDatabase.postgres().url();
		assertThat(owner.api()
			.put("/api/v1/databases/PRIVATE", "{\"url\": \"" + url + "\", \"schedule\": {\"frequency\": \"manual\"}}")
			.status()).isEqualTo(201);

		ApiClient.Response empty = owner.api().get("/api/v1/databases/PRIVATE/retention-preview");
		assertThat(empty.status()).as(empty.body()).isEqualTo(200);
		assertThat(empty.json().get("delete")).isEmpty();
		assertThat(empty.json().get("keep")).isEmpty();
		ApiClient.Response noStatistics = owner.api().get("/api/v1/databases/PRIVATE/statistics");
		assertThat(noStatistics.status()).as(noStatistics.body()).isEqualTo(200);
		assertThat(noStatistics.json().get("items")).isEmpty();

		for (String path : List.of("/api/v1/databases/PRIVATE/retention-preview",
				"/api/v1/databases/PRIVATE/statistics", "/api/v1/databases/NOPE/statistics",
				"/api/v1/databases/no%20such/retention-preview")) {
			ApiClient.Response hidden = other.api().get(path);
			assertThat(hidden.status()).as(path + " " + hidden.body()).isEqualTo(404);
			assertThat(hidden.text("code")).isEqualTo("database_not_found");
		}
		for (String query : List.of("from=yesterday", "to=2026-13-01", "from=2026-11-20&to=2026-11-19",
				"from=2024-01-01&to=2026-01-01", "from=2026-11-20T00:00:00")) {
			ApiClient.Response bad = owner.api().get("/api/v1/databases/PRIVATE/statistics?" + query);
			assertThat(bad.status()).as(query + " " + bad.body()).isEqualTo(400);
			assertThat(bad.text("code")).isEqualTo("invalid_request");
			assertThat(bad.text("field")).isIn("from", "to");
		}
		assertThat(owner.api()
			.get("/api/v1/databases/PRIVATE/statistics?from=2026-11-20T00:00:00%2B01:00&to=2026-11-21")
			.status()).isEqualTo(200);
	}

	record NewUser(ApiClient api, String addonName) {

	}

	NewUser provision(String plan) {
		String uuid = UUID.randomUUID().toString();
		String name = "ret-" + uuid.substring(0, 8);
		ApiClient heroku = new ApiClient("http://localhost:" + this.port, "Basic "
				+ Base64.getEncoder().encodeToString("strongroom:retention-pass".getBytes(StandardCharsets.UTF_8)),
				new ArrayList<>());
		ApiClient.Response provisioned = heroku.post("/heroku/resources", """
				{"uuid": "%s", "name": "%s", "plan": "%s", "region": "amazon-web-services::us-east-1",
				 "callback_url": "https://api.heroku.com/addons/%s", "options": {}}""".formatted(uuid, name, plan,
				uuid));
		assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
		String token = provisioned.json().get("config").get("STRONGROOM_API_TOKEN").asString();
		ApiClient api = ApiClient.basic(this.port, token, this.bodies);
		ApiClient.Response destination = api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s", "pathStyle": true,
				 "prefix": "backups", "accessKeyId": "%s", "secretAccessKey": "%s"}""".formatted(bucket, s3.endpoint(),
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
		assertThat(destination.status()).as(destination.body()).isEqualTo(200);
		ApiClient.Response key = api.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(key.status()).isEqualTo(201);
		return new NewUser(api, name);
	}

	/**
	 * Points the add-on's destination at another endpoint; the saved credentials stay.
	 */
	static void destination(NewUser user, URI endpoint) {
		ApiClient.Response changed = user.api().put("/api/v1/destination", """
				{"type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s", "pathStyle": true,
				 "prefix": "backups"}""".formatted(bucket, endpoint));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	TenantId tenantOf(NewUser user) {
		return new TenantId(
				this.jdbc.queryForObject("select id from tenant where name = ?", UUID.class, user.addonName()));
	}

	RunView awaitSucceeded(TenantId tenant, BackupRunId id) {
		await(() -> !this.runs.find(tenant, id).status().isActive());
		RunView run = this.runs.find(tenant, id);
		assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunState.SUCCEEDED);
		return run;
	}

	static List<String> reasons(JsonNode backups) {
		List<String> reasons = new ArrayList<>();
		for (JsonNode backup : backups) {
			List<String> each = new ArrayList<>();
			backup.get("reasons").forEach((reason) -> each.add(reason.asString()));
			reasons.add(String.join(", ", each));
		}
		return reasons;
	}

	static void put(String key, Map<String, String> metadata) {
		client.putObject((request) -> request.bucket(bucket).key(key).metadata(metadata),
				RequestBody.fromString("not Strongroom's"));
	}

	static Set<String> keys(String prefix) {
		return Set.copyOf(client.listObjectsV2((request) -> request.bucket(bucket).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList());
	}

	static void sql(TestDatabase.Coordinates database, String... statements) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static void await(Callable<Boolean> condition) {
		Eventually.await(condition, Duration.ofMinutes(3));
	}

	/**
	 * An S3 endpoint whose reads work and whose deletes fail: HEAD goes through to
	 * S3Mock, everything else is answered 503 SlowDown, as an overloaded S3 answers.
	 */
	static final class DeleteRefusingProxy implements AutoCloseable {

		private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
				"upgrade", "date", "via", "warning", "from", "transfer-encoding");

		private final HttpServer server;

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final URI target;

		private volatile int refused;

		DeleteRefusingProxy(URI target) throws IOException {
			this.target = target;
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		URI endpoint() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		}

		int refusedDeletes() {
			return this.refused;
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				if (!"HEAD".equals(exchange.getRequestMethod())) {
					if ("DELETE".equals(exchange.getRequestMethod())) {
						this.refused++;
					}
					byte[] body = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
						.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/xml");
					exchange.sendResponseHeaders(503, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
					return;
				}
				HttpRequest.Builder forward = HttpRequest
					.newBuilder(this.target.resolve(
							exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
									? "?" + exchange.getRequestURI().getRawQuery() : "")))
					.method("HEAD", HttpRequest.BodyPublishers.noBody());
				exchange.getRequestHeaders().forEach((name, values) -> {
					if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
						values.forEach((value) -> forward.header(name, value));
					}
				});
				HttpResponse<Void> answer = this.http.send(forward.build(), HttpResponse.BodyHandlers.discarding());
				answer.headers().map().forEach((name, values) -> {
					if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
						exchange.getResponseHeaders().put(name, values);
					}
				});
				answer.headers()
					.firstValue("content-length")
					.ifPresent((length) -> exchange.getResponseHeaders().set("Content-Length", length));
				exchange.sendResponseHeaders(answer.statusCode(), -1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

	/** A test clock that only moves when told to. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock retentionTestClock() {
			return new MutableClock(DAY_1);
		}

	}

}
