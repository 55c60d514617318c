package io.strongroom.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import io.strongroom.support.ApiClient;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.strongroom.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strongroom as a new user meets it: provision through the partner API, then with the
 * token from its answer PUT a database, an S3Mock destination and a generated key, POST a
 * backup, wait for SUCCEEDED, download the object through its link, and restore it with
 * stock {@code openssl}, {@code zstd} and {@code pg_restore} (or {@code mariadb}). The
 * runner is the real one, a child process started by the local launcher. Then the runner
 * is frozen or killed midway: the run fails and no multipart upload is left behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.heroku.addon-id=strongroom", "strongroom.heroku.addon-password=e2e-partner-pass",
				"strongroom.run.stall-timeout=25s", "strongroom.run.watchdog-interval=1s",
				"strongroom.run.dispatch-interval=1s" })
@Import(TestDatabases.class)
@ExtendWith(OutputCaptureExtension.class)
class BackupEndToEndIntegrationTests {

	static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(BackupEndToEndIntegrationTests.class);

	static S3MockServer s3;

	static String bucket;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> bodies = new ArrayList<>();

	@BeforeAll
	static void s3() {
		s3 = S3MockServer.shared();
		bucket = s3.createBucket();
	}

	@Test
	void backsUpPostgresAndTheObjectRestoresWithStockTools(CapturedOutput output) throws Exception {
		TestDatabase.Coordinates source = TestDatabase.postgres();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table customers (id bigint primary key, name text, joined timestamptz,"
					+ " balance numeric(12,2), doc jsonb, photo bytea)");
			statement.execute("insert into customers select g, 'customer ' || g, now() - g * interval '1 day',"
					+ " g * 1.5, jsonb_build_object('n', g), decode(md5(g::text), 'hex')"
					+ " from generate_series(1, 5000) g");
			statement.execute("create table audit_log (id serial primary key, line text)");
			statement.execute("insert into audit_log (line) select 'line ' || g from generate_series(1, 100) g");
		}
		NewUser user = provision();
		BackupDone done = backUp(user, source.url(), List.of("public.audit_log"));
		assertThat(done.run().text("objectKey")).endsWith(".dump.zst.enc").contains("/DATABASE/");
		assertThat(done.run().json().get("statistics").get("tables")).hasSize(1);

		TestDatabase.Coordinates target = TestDatabase.postgres();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("STRONGROOM_ENCRYPTION_KEY", user.key());
		env.put("TARGET_DATABASE_URL",
				"postgres://" + target.user() + "@" + target.host() + ":" + target.port() + "/" + target.name());
		bash("""
				openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_ENCRYPTION_KEY -in backup.enc \\
				  | zstd -d \\
				  | pg_restore --no-owner --no-acl --exit-on-error --dbname "$TARGET_DATABASE_URL"
				""",
				done.file().getParent(), env);
		assertThat(count(target, "select count(*) from customers")).isEqualTo(5000);
		assertThat(count(target, "select sum(id) from customers where doc->>'n' = id::text")).isEqualTo(12502500);
		assertThat(count(target, "select count(*) from information_schema.tables where table_name = 'audit_log'"))
			.as("excluded")
			.isZero();
		assertNoSecretAnywhere(output, user, source.url());
	}

	@Test
	void backsUpMariaDbAndTheObjectRestoresWithStockTools(CapturedOutput output) throws Exception {
		TestDatabase.Coordinates source = TestDatabase.mariadb();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table orders (id bigint primary key, item varchar(100), total decimal(10,2),"
					+ " placed datetime, note text)");
			StringBuilder insert = new StringBuilder("insert into orders values ");
			for (int i = 1; i <= 2000; i++) {
				insert.append((i > 1) ? "," : "")
					.append("(")
					.append(i)
					.append(", 'item ")
					.append(i)
					.append("', ")
					.append(i)
					.append(".25, now(), 'note')");
			}
			statement.execute(insert.toString());
		}
		NewUser user = provision();
		BackupDone done = backUp(user, source.url(), List.of());
		assertThat(done.run().text("objectKey")).endsWith(".sql.zst.enc");
		assertThat(done.run().text("engine")).isEqualTo("mariadb");

		TestDatabase.Coordinates target = TestDatabase.mariadb();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("STRONGROOM_ENCRYPTION_KEY", user.key());
		env.put("DB_HOST", target.host());
		env.put("DB_PORT", Integer.toString(target.port()));
		env.put("DB_USER", target.user());
		env.put("DB_PASSWORD", target.password());
		env.put("DB_NAME", target.name());
		bash("""
				umask 077; printf '[client]\\npassword="%s"\\n' "$DB_PASSWORD" > restore.cnf
				openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_ENCRYPTION_KEY -in backup.enc \\
				  | zstd -d \\
				  | mariadb --defaults-extra-file=restore.cnf --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "$DB_NAME"
				rm restore.cnf
				""",
				done.file().getParent(), env);
		assertThat(count(target, "select count(*) from orders")).isEqualTo(2000);
		assertThat(count(target, "select sum(id) from orders")).isEqualTo(2001000);
		assertNoSecretAnywhere(output, user, source.url());
	}

	@Test
	void aFrozenRunnerFailsAsStalledAndLeavesNoUnfinishedUpload() throws Exception {
		TestDatabase.Coordinates source = bigPostgres();
		NewUser user = provision();
		String id = startBackup(user, source.url());
		ProcessHandle runner = runnerProcess(user, id);
		awaitPendingUpload(user);
		// SIGSTOP: alive but silent, as a hung runner is.
		signal(runner, "STOP");
		Instant frozen = Instant.now();
		await(() -> "FAILED".equals(user.api().get("/api/v1/backups/" + id).text("status")), Duration.ofSeconds(90));
		ApiClient.Response failed = user.api().get("/api/v1/backups/" + id);
		assertThat(failed.json().get("error").get("kind").asString()).isEqualTo("STALLED");
		Duration took = Duration.between(frozen, Instant.now());
		logger.info("Measured: a frozen runner was FAILED (stalled) {} ms after it froze (stall timeout 25 s)",
				took.toMillis());
		assertThat(took).as("the stall timeout (25 s) and a watchdog round").isLessThan(Duration.ofSeconds(45));
		await(() -> !runner.isAlive(), Duration.ofSeconds(30));
		await(() -> pendingUploads(user.addonName()) == 0, Duration.ofSeconds(30));
		assertThat(objects(user.addonName())).as("no object was completed").isZero();
	}

	@Test
	void aKilledRunnerFailsAtOnceAndLeavesNoUnfinishedUpload() throws Exception {
		TestDatabase.Coordinates source = bigPostgres();
		NewUser user = provision();
		String id = startBackup(user, source.url());
		ProcessHandle runner = runnerProcess(user, id);
		awaitPendingUpload(user);
		signal(runner, "KILL");
		Instant killed = Instant.now();
		await(() -> "FAILED".equals(user.api().get("/api/v1/backups/" + id).text("status")), Duration.ofSeconds(60));
		logger.info("Measured: a killed runner was FAILED {} ms after the kill",
				Duration.between(killed, Instant.now()).toMillis());
		assertThat(user.api().get("/api/v1/backups/" + id).json().get("error").get("kind").asString())
			.isEqualTo("RUNNER_EXITED");
		await(() -> pendingUploads(user.addonName()) == 0, Duration.ofSeconds(30));
	}

	record NewUser(ApiClient api, String token, String key, String addonName) {

	}

	record BackupDone(ApiClient.Response run, Path file) {

	}

	/** Provisions through the partner API, as Heroku would, and sets up S3 and a key. */
	NewUser provision() {
		String uuid = UUID.randomUUID().toString();
		String name = "acme-" + uuid.substring(0, 8);
		ApiClient heroku = new ApiClient("http://localhost:" + this.port, "Basic "
				+ Base64.getEncoder().encodeToString("strongroom:e2e-partner-pass".getBytes(StandardCharsets.UTF_8)),
				new ArrayList<>());
		ApiClient.Response provisioned = heroku.post("/heroku/resources", """
				{"uuid": "%s", "name": "%s", "plan": "basic", "region": "amazon-web-services::us-east-1",
				 "callback_url": "https://api.heroku.com/addons/%s", "options": {}}""".formatted(uuid, name, uuid));
		assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(200);
		String token = provisioned.json().get("config").get("STRONGROOM_API_TOKEN").asString();
		ApiClient api = ApiClient.basic(this.port, token, this.bodies);
		ApiClient.Response destination = api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s", "pathStyle": true,
				 "prefix": "backups", "accessKeyId": "%s", "secretAccessKey": "%s"}""".formatted(bucket, s3.endpoint(),
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
		assertThat(destination.status()).as(destination.body()).isEqualTo(200);
		ApiClient.Response tested = api.post("/api/v1/destination/test");
		assertThat(tested.json().get("ok").asBoolean()).as(tested.body()).isTrue();
		ApiClient.Response key = api.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(key.status()).isEqualTo(201);
		this.bodies.remove(key.body());
		return new NewUser(api, token, key.text("key"), name);
	}

	String startBackup(NewUser user, String url) {
		return startBackup(user, url, List.of());
	}

	/**
	 * Saves the database with its exclusions, then asks for the backup: the runner reads
	 * its spec when it starts, so settings saved after the request may come too late.
	 */
	String startBackup(NewUser user, String url, List<String> excluded) {
		ApiClient.Response database = user.api()
			.put("/api/v1/databases/DATABASE", "{\"url\": \"" + url + "\", \"schedule\": {\"frequency\": \"manual\"},"
					+ " \"excludeTables\": " + ApiClient.JSON.writeValueAsString(excluded) + "}");
		assertThat(database.status()).as(database.body()).isEqualTo(201);
		ApiClient.Response tested = user.api().post("/api/v1/databases/DATABASE/test");
		assertThat(tested.json().get("ok").asBoolean()).as(tested.body()).isTrue();
		ApiClient.Response requested = user.api().post("/api/v1/databases/DATABASE/backups");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		return requested.text("id");
	}

	BackupDone backUp(NewUser user, String url, List<String> excluded) throws Exception {
		String id = startBackup(user, url, excluded);
		await(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
			.contains(user.api().get("/api/v1/backups/" + id).text("status")), Duration.ofMinutes(4));
		ApiClient.Response run = user.api().get("/api/v1/backups/" + id);
		assertThat(run.text("status")).as(run.body()).isEqualTo("SUCCEEDED");
		logger.info("Measured: backup {} from request to SUCCEEDED in {} ms (runner total {} ms)", id,
				Duration.between(Instant.parse(run.text("createdAt")), Instant.parse(run.text("finishedAt")))
					.toMillis(),
				run.json().get("durationsMillis").get("total").asLong());
		assertThat(run.text("sha256")).matches("[0-9a-f]{64}");
		ApiClient.Response link = user.api().post("/api/v1/backups/" + id + "/download-url");
		assertThat(link.status()).as(link.body()).isEqualTo(200);
		assertThat(Instant.parse(link.text("expiresAt"))).isBetween(Instant.now().plusSeconds(25 * 60),
				Instant.now().plusSeconds(31 * 60));
		Path folder = Files.createTempDirectory("strongroom-e2e");
		Path file = folder.resolve("backup.enc");
		HttpResponse<Path> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link.text("url"))).build(), HttpResponse.BodyHandlers.ofFile(file));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(Files.size(file)).isEqualTo(run.json().get("bytesOut").asLong());
		return new BackupDone(run, file);
	}

	/** The local launcher records the runner's process id on the run. */
	ProcessHandle runnerProcess(NewUser user, String id) {
		await(() -> findRunner(id).isPresent(), Duration.ofSeconds(60));
		return findRunner(id).orElseThrow();
	}

	Optional<ProcessHandle> findRunner(String id) {
		List<String> pids = this.jdbc.queryForList("select launcher_ref from run_backup where id = ?", String.class,
				UUID.fromString(id));
		return pids.stream()
			.filter((pid) -> pid != null)
			.findFirst()
			.flatMap((pid) -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive);
	}

	void awaitPendingUpload(NewUser user) {
		await(() -> pendingUploads(user.addonName()) > 0, Duration.ofMinutes(2));
	}

	static int pendingUploads(String addonName) {
		return s3Client().listMultipartUploads((request) -> request.bucket(bucket).prefix("backups/" + addonName + "/"))
			.uploads()
			.size();
	}

	static int objects(String addonName) {
		return s3Client().listObjectsV2((request) -> request.bucket(bucket).prefix("backups/" + addonName + "/"))
			.contents()
			.size();
	}

	static S3Client client;

	static synchronized S3Client s3Client() {
		if (client != null) {
			return client;
		}
		client = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(s3.endpoint())
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY)))
			.build();
		return client;
	}

	/**
	 * About 120 MB of random bytes, which no compressor shrinks: a backup long enough to
	 * stop the runner in the middle of its upload.
	 */
	static TestDatabase.Coordinates bigPostgres() throws Exception {
		TestDatabase.Coordinates source = TestDatabase.postgres();
		String randomBytes = String.join(" || ", java.util.Collections.nCopies(16, "md5(random()::text)"));
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table big (id bigint primary key, payload bytea)");
			statement.execute("insert into big select g, decode(" + randomBytes + ", 'hex')"
					+ " from generate_series(1, 470000) g");
		}
		return source;
	}

	static void signal(ProcessHandle process, String signal) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).isZero();
	}

	static long count(TestDatabase.Coordinates db, String sql) throws Exception {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static void bash(String script, Path folder, Map<String, String> env) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(folder.toFile())
			.redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv("PATH"));
		builder.environment().put("HOME", folder.toString());
		builder.environment().putAll(env);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
	}

	void assertNoSecretAnywhere(CapturedOutput output, NewUser user, String databaseUrl) {
		List<String> secrets = new ArrayList<>(List.of(user.key(), user.token(), S3MockServer.SECRET_ACCESS_KEY));
		String password = URI.create(databaseUrl).getUserInfo();
		if (password != null && password.contains(":") && password.length() > password.indexOf(':') + 1) {
			secrets.add(password.substring(password.indexOf(':') + 1));
		}
		for (String secret : secrets) {
			assertThat(output.getAll()).as("logs").doesNotContain(secret);
			assertThat(String.join("\n", this.bodies)).as("responses").doesNotContain(secret);
		}
	}

}
