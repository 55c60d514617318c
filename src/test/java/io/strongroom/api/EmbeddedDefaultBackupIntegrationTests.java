package io.strongroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.strongroom.heroku.sso.Browser;
import io.strongroom.support.ApiClient;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.strongroom.support.Eventually.await;
import static io.strongroom.api.BackupEndToEndIntegrationTests.bash;
import static io.strongroom.api.BackupEndToEndIntegrationTests.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's first Done-when bullet as written: on the embedded default (H2, no profile,
 * no settings), a new user provisions through {@code /dev}, takes the API token from that
 * page, PUTs the local PostgreSQL (then MariaDB), an S3Mock destination and a generated
 * key, POSTs a backup, sees it SUCCEED, downloads the object through its link and
 * restores it with stock {@code openssl}, {@code zstd} and {@code pg_restore} (or
 * {@code mariadb}). The runner is the real one, started by the local launcher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.run.dispatch-interval=1s", "strongroom.run.watchdog-interval=1s" })
@DirtiesContext
class EmbeddedDefaultBackupIntegrationTests {

	static final Path DATA = temporaryDataFolder();

	static final Pattern TOKEN = Pattern.compile("id=\"config-STRONGROOM_API_TOKEN\">([^<]+)<");

	static S3MockServer s3;

	static String bucket;

	@LocalServerPort
	int port;

	final List<String> bodies = new ArrayList<>();

	@DynamicPropertySource
	static void embedded(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("strongroom")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
		registry.add("strongroom.secrets.key-file", () -> DATA.resolve("master.key").toString());
	}

	@BeforeAll
	static void s3() {
		s3 = S3MockServer.shared();
		bucket = s3.createBucket();
	}

	@Test
	void aNewUserBacksUpPostgresFromTheDevPageAndRestoresWithStockTools() throws Exception {
		TestDatabase.Coordinates source = TestDatabase.postgres();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table orders (id bigint primary key, note text)");
			statement.execute("insert into orders select g, 'order ' || g from generate_series(1, 2000) g");
		}
		ApiClient api = newUser();
		Path file = backUp(api, source.url());
		TestDatabase.Coordinates target = TestDatabase.postgres();
		bash("""
				openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:BACKUP_KEY -in backup.enc \\
				  | zstd -d \\
				  | pg_restore --no-owner --no-acl --exit-on-error --dbname "$TARGET_DATABASE_URL"
				""", file.getParent(), Map.of("BACKUP_KEY", this.key, "TARGET_DATABASE_URL",
				"postgres://" + target.user() + "@" + target.host() + ":" + target.port() + "/" + target.name()));
		assertThat(count(target, "select count(*) from orders")).isEqualTo(2000);
	}

	@Test
	void aNewUserBacksUpMariaDbFromTheDevPageAndRestoresWithStockTools() throws Exception {
		TestDatabase.Coordinates source = TestDatabase.mariadb();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table orders (id bigint primary key, note text)");
			statement.execute("insert into orders (id, note) select seq, concat('order ', seq) from seq_1_to_2000");
		}
		ApiClient api = newUser();
		Path file = backUp(api, source.url());
		TestDatabase.Coordinates target = TestDatabase.mariadb();
		Files.writeString(file.getParent().resolve("restore.cnf"), "[client]\npassword=" + target.password() + "\n");
		bash("""
				openssl enc -d -aes-256-cbc -pbkdf2 -iter 100000 -md sha256 -pass env:BACKUP_KEY -in backup.enc \\
				  | zstd -d \\
				  | mariadb --defaults-extra-file=restore.cnf --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "$DB_NAME"
				""",
				file.getParent(), Map.of("BACKUP_KEY", this.key, "DB_HOST", target.host(), "DB_PORT",
						Integer.toString(target.port()), "DB_USER", target.user(), "DB_NAME", target.name()));
		assertThat(count(target, "select count(*) from orders")).isEqualTo(2000);
	}

	private String key;

	/** Provisions through the /dev page and reads the token it shows once. */
	private ApiClient newUser() throws Exception {
		Browser browser = new Browser(this.port);
		HttpResponse<String> dev = browser.get("/dev");
		assertThat(dev.statusCode()).isEqualTo(200);
		HttpResponse<String> provisioned = browser.postForm("/dev/provision",
				Map.of("plan", "basic", "_csrf", Browser.csrf(dev.body())));
		assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(200);
		Matcher token = TOKEN.matcher(provisioned.body());
		assertThat(token.find()).as(provisioned.body()).isTrue();
		ApiClient api = ApiClient.basic(this.port, token.group(1).trim(), this.bodies);
		ApiClient.Response destination = api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s", "pathStyle": true,
				 "accessKeyId": "%s", "secretAccessKey": "%s"}""".formatted(bucket, s3.endpoint(),
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
		assertThat(destination.status()).as(destination.body()).isEqualTo(200);
		this.key = generateKey(api);
		return api;
	}

	private static String generateKey(ApiClient api) {
		ApiClient.Response key = api.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(key.status()).as(key.body()).isEqualTo(201);
		return key.text("key");
	}

	private Path backUp(ApiClient api, String url) throws Exception {
		ApiClient.Response database = api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + url + "\"}");
		assertThat(database.status()).as(database.body()).isEqualTo(201);
		ApiClient.Response requested = api.post("/api/v1/databases/DATABASE/backups");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		String id = requested.text("id");
		await(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
			.contains(api.get("/api/v1/backups/" + id).text("status")), Duration.ofMinutes(4));
		ApiClient.Response run = api.get("/api/v1/backups/" + id);
		assertThat(run.text("status")).as(run.body()).isEqualTo("SUCCEEDED");
		ApiClient.Response link = api.post("/api/v1/backups/" + id + "/download-url");
		assertThat(link.status()).as(link.body()).isEqualTo(200);
		Path file = Files.createTempDirectory("strongroom-embedded-e2e").resolve("backup.enc");
		HttpResponse<Path> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link.text("url"))).build(), HttpResponse.BodyHandlers.ofFile(file));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(Files.size(file)).isEqualTo(run.json().get("bytesOut").asLong());
		return file;
	}

	private static Path temporaryDataFolder() {
		try {
			return Files.createTempDirectory("strongroom-embedded-backup-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
