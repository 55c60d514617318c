package io.strongroom.api;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.strongroom.support.ApiClient;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.S3ProxyServer;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.Targets;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API for databases, destination and key over real HTTP on PostgreSQL: tokens,
 * plan limits, problem details for bad input, masked reads, tenant isolation, and no
 * secret in any response or log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabases.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiIntegrationTests {

	static final String PASSWORD = "s3cr3t-P@ss/word";

	static final String S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	Targets targets;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> bodies = new ArrayList<>();

	TestTenants.Created tenant;

	ApiClient api;

	@BeforeEach
	void tenant() {
		this.tenant = TestTenants.create(this.tenants, "basic");
		this.api = ApiClient.bearer(this.port, this.tenant.token(), this.bodies);
	}

	@Test
	void refusesRequestsWithoutAValidTokenWithAProblemDetail() {
		ApiClient.Response none = ApiClient.anonymous(this.port, this.bodies).get("/api/v1/databases");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.isProblem()).isTrue();
		assertThat(none.text("code")).isEqualTo("unauthorized");
		assertThat(none.text("type")).isEqualTo("urn:strongroom:problem:unauthorized");
		assertThat(ApiClient.bearer(this.port, "sr_wrong", this.bodies).get("/api/v1/databases").status())
			.isEqualTo(401);
		assertThat(ApiClient.basic(this.port, "sr_wrong", this.bodies).get("/api/v1/databases").status())
			.isEqualTo(401);
		assertThat(ApiClient.basic(this.port, this.tenant.token(), this.bodies).get("/api/v1/databases").status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/databases").status()).isEqualTo(200);
	}

	@Test
	void deprovisionedAddOnsTokenNoLongerWorks() {
		var saved = this.tenants.findById(this.tenant.id().value()).orElseThrow();
		saved.deprovision(java.time.Instant.now());
		this.tenants.save(saved);
		assertThat(this.api.get("/api/v1/databases").status()).isEqualTo(401);
	}

	@Test
	void addsThenReplacesADatabaseAndShowsItsUrlMasked(CapturedOutput output) {
		String url = "postgres://backup:" + PASSWORD.replace("@", "%40").replace("/", "%2F")
				+ "@db.example.com:5432/app";
		ApiClient.Response created = this.api.put("/api/v1/databases/DATABASE", """
				{"url": "%s", "schedule": {"frequency": "daily", "time": "03:00", "timezone": "Europe/Berlin"},
				 "excludeTables": ["public.audit_log"], "options": {"noComments": true}}""".formatted(url));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.text("url")).isEqualTo("postgres://backup:****@db.example.com:5432/app");
		assertThat(created.text("engine")).isEqualTo("postgres");
		assertThat(created.json().get("schedule").get("time").asString()).isEqualTo("03:00");
		assertThat(created.json().get("excludeTables").get(0).asString()).isEqualTo("public.audit_log");
		ApiClient.Response replaced = this.api.put("/api/v1/databases/DATABASE", """
				{"schedule": {"frequency": "weekly", "dayOfWeek": "SUNDAY", "time": "04:30"}}""");
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.text("url")).as("the URL is kept when not sent").contains("db.example.com");
		assertThat(replaced.json().get("excludeTables")).isEmpty();
		ApiClient.Response list = this.api.get("/api/v1/databases");
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(this.api.get("/api/v1/databases/DATABASE").json().get("schedule").get("frequency").asString())
			.isEqualTo("weekly");
		assertNoSecretIn(output, PASSWORD, PASSWORD.replace("@", "%40").replace("/", "%2F"));
	}

	@Test
	void refusesBadDatabaseSettingsWithAProblemNamingTheField(CapturedOutput output) {
		assertProblem(this.api.put("/api/v1/databases/lower", "{\"url\": \"postgres://u:p@h/db\"}"), 400,
				"invalid_request");
		ApiClient.Response scheme = this.api.put("/api/v1/databases/DATABASE",
				"{\"url\": \"oracle://u:" + PASSWORD + "@h/db\"}");
		assertProblem(scheme, 400, "invalid_request");
		assertThat(scheme.text("field")).isEqualTo("url");
		assertProblem(this.api.put("/api/v1/databases/DATABASE", "{}"), 400, "invalid_request");
		assertProblem(this.api.put("/api/v1/databases/DATABASE",
				"{\"url\": \"postgres://u:p@h/db\", \"schedule\": {\"frequency\": \"daily\", \"time\": \"25:00\"}}"),
				400, "invalid_schedule");
		ApiClient.Response option = this.api.put("/api/v1/databases/DATABASE",
				"{\"url\": \"postgres://u:p@h/db\", \"options\": {\"file\": \"/etc/passwd\"}}");
		assertProblem(option, 400, "invalid_request");
		assertThat(option.text("field")).isEqualTo("options");
		assertProblem(
				this.api.put("/api/v1/databases/DATABASE",
						"{\"url\": \"postgres://u:p@h/db\", \"excludeTables\": [\"no-schema\"]}"),
				400, "invalid_request");
		assertProblem(this.api.put("/api/v1/databases/DATABASE", "{\"url\": "), 400, "malformed_request");
		ApiClient.Response type = this.api.put("/api/v1/databases/DATABASE", "{\"excludeTables\": {\"a\": 1}}");
		assertProblem(type, 400, "malformed_request");
		assertThat(type.text("field")).isEqualTo("excludeTables");
		assertProblem(this.api.send("PUT", "/api/v1/databases/DATABASE", "url=x", "text/plain"), 415,
				"unsupported_media_type");
		assertProblem(this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + "x".repeat(300_000) + "\"}"), 413,
				"body_too_large");
		assertProblem(this.api.get("/api/v1/nothing-here"), 404, "not_found");
		assertProblem(this.api.get("/api/v1/databases/NOPE"), 404, "database_not_found");
		assertProblem(this.api.get("/api/v1/databases/no%20such"), 404, "database_not_found");
		assertProblem(this.api.delete("/api/v1/databases/NOPE"), 404, "database_not_found");
		assertNoSecretIn(output, PASSWORD);
	}

	@Test
	void enforcesThePlansLimitsWith402() {
		assertThat(this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:p@h/a\"}").status())
			.isEqualTo(201);
		assertThat(this.api.put("/api/v1/databases/PURPLE", "{\"url\": \"mysql://u:p@h/b\"}").status()).isEqualTo(201);
		ApiClient.Response third = this.api.put("/api/v1/databases/GREEN", "{\"url\": \"postgres://u:p@h/c\"}");
		assertProblem(third, 402, "plan_limit");
		assertThat(third.text("detail")).contains("basic plan allows 2 databases");
		ApiClient.Response hourly = this.api.put("/api/v1/databases/DATABASE",
				"{\"schedule\": {\"frequency\": \"hourly\", \"minute\": 15}}");
		assertProblem(hourly, 402, "plan_limit");
		assertThat(hourly.text("detail")).contains("daily, weekly, monthly");
		assertThat(this.api.get("/api/v1/databases/DATABASE").json().get("schedule").get("frequency").asString())
			.as("a refused save changes nothing")
			.isEqualTo("manual");
	}

	@Test
	void deletesADatabase() {
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:p@h/a\"}");
		assertThat(this.api.delete("/api/v1/databases/DATABASE").status()).isEqualTo(204);
		assertProblem(this.api.get("/api/v1/databases/DATABASE"), 404, "database_not_found");
		assertThat(this.api.put("/api/v1/databases/DATABASE", "{}").status()).as("its URL is gone too").isEqualTo(400);
	}

	@Test
	void savesAnS3DestinationWithWriteOnlyCredentials(CapturedOutput output) {
		assertProblem(this.api.get("/api/v1/destination"), 404, "destination_not_found");
		ApiClient.Response saved = this.api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "my-backups", "region": "eu-central-1", "prefix": "/team/backups/",
				 "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "%s"}""".formatted(S3_SECRET));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.text("accessKeyId")).isEqualTo("****************MPLE");
		assertThat(saved.text("prefix")).isEqualTo("team/backups");
		assertThat(saved.text("secretAccessKeyFingerprint")).hasSize(16);
		assertThat(saved.json().get("pathStyle").asBoolean()).isFalse();
		ApiClient.Response kept = this.api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "other-bucket", "endpoint": "http://127.0.0.1:9090", "pathStyle": true}""");
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.text("secretAccessKeyFingerprint")).isEqualTo(saved.text("secretAccessKeyFingerprint"));
		assertThat(kept.text("region")).isEqualTo("us-east-1");
		assertThat(this.api.get("/api/v1/destination").text("bucket")).isEqualTo("other-bucket");
		assertNoSecretIn(output, S3_SECRET, "AKIAIOSFODNN7EXAMPLE");
	}

	@Test
	void refusesBadDestinations() {
		assertProblem(this.api.put("/api/v1/destination", "{\"type\": \"ftp\"}"), 400, "invalid_request");
		assertProblem(this.api.put("/api/v1/destination", "{\"type\": \"s3\", \"bucket\": \"b\"}"), 400,
				"invalid_request");
		assertProblem(this.api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "Bad_Bucket", "accessKeyId": "a", "secretAccessKey": "b"}"""), 400,
				"invalid_request");
		assertProblem(this.api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "good-bucket"}"""), 400, "invalid_request");
		assertProblem(this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "good-bucket", "endpoint": "ftp://x", "accessKeyId": "abc", "secretAccessKey": "def"}"""),
				400, "invalid_request");
		assertProblem(this.api.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"relative\"}"), 400,
				"invalid_request");
		assertProblem(this.api.put("/api/v1/destination", "[1, 2]"), 400, "malformed_request");
	}

	@Test
	void savesAFilesystemDestinationWhereTheOperatorAllowsIt() {
		ApiClient.Response saved = this.api.put("/api/v1/destination",
				"{\"type\": \"filesystem\", \"path\": \"/var/backups/strongroom\"}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.text("type")).isEqualTo("filesystem");
		assertThat(saved.text("prefix")).isEqualTo("backups");
	}

	@Test
	void generatesAKeyShownOnceOrTakesTheCustomersOwn(CapturedOutput output) {
		ApiClient.Response generated = this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(generated.status()).isEqualTo(201);
		String key = generated.text("key");
		assertThat(key).matches("[0-9a-f]{64}");
		assertThat(generated.text("fingerprint")).hasSize(16);
		assertThat(generated.json().has("previousFingerprint")).as("the first key replaces nothing").isFalse();
		assertThat(generated.json().has("warning")).isFalse();
		assertProblem(this.api.post("/api/v1/encryption-key", "{\"key\": \"too short\"}"), 400, "invalid_request");
		assertProblem(this.api.post("/api/v1/encryption-key", "{}"), 400, "invalid_request");
		assertProblem(
				this.api.post("/api/v1/encryption-key", "{\"generate\": true, \"key\": \"" + "k".repeat(40) + "\"}"),
				400, "invalid_request");
		String own = "correct horse battery staple, and then some more";
		ApiClient.Response mine = this.api.post("/api/v1/encryption-key", "{\"key\": \"" + own + "\"}");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).doesNotContain(own).doesNotContain("\"key\"");
		assertThat(mine.text("fingerprint")).isNotEqualTo(generated.text("fingerprint"));
		assertThat(mine.text("previousFingerprint")).isEqualTo(generated.text("fingerprint"));
		assertThat(mine.text("warning")).contains(generated.text("fingerprint"))
			.contains("Backups made until now were encrypted with that key and can only be decrypted with it");
		ApiClient.Response again = this.api.post("/api/v1/encryption-key", "{\"key\": \"" + own + "\"}");
		assertThat(again.json().has("warning")).as("the same key again replaces nothing").isFalse();
		ApiClient.Response regenerated = this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(regenerated.status()).isEqualTo(201);
		assertThat(regenerated.text("previousFingerprint")).isEqualTo(mine.text("fingerprint"));
		assertThat(regenerated.text("warning")).contains(mine.text("fingerprint"));
		this.bodies.remove(regenerated.body());
		this.bodies.remove(generated.body());
		assertNoSecretIn(output, key, own, regenerated.text("key"));
	}

	@Test
	void anotherAddOnNeverSeesOrChangesThisOnesSettings() throws Exception {
		this.api.put("/api/v1/databases/DATABASE",
				"{\"url\": \"postgres://u:" + PASSWORD + "@h/a\", \"excludeTables\": [\"public.audit_log\"]}");
		this.api.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"/srv/a\"}");
		String fingerprint = this.api.post("/api/v1/encryption-key", "{\"key\": \"" + "k".repeat(40) + "\"}")
			.text("fingerprint");
		String database = this.api.get("/api/v1/databases/DATABASE").body();
		String destination = this.api.get("/api/v1/destination").body();
		List<Map<String, Object>> sealed = sealedSecrets(this.tenant);
		TestTenants.Created other = TestTenants.create(this.tenants, "basic");
		ApiClient intruder = ApiClient.bearer(this.port, other.token(), this.bodies);
		assertThat(intruder.get("/api/v1/databases").json().get("items")).isEmpty();
		assertProblem(intruder.get("/api/v1/databases/DATABASE"), 404, "database_not_found");
		assertProblem(intruder.delete("/api/v1/databases/DATABASE"), 404, "database_not_found");
		assertProblem(intruder.post("/api/v1/databases/DATABASE/test"), 404, "database_not_found");
		assertProblem(intruder.get("/api/v1/destination"), 404, "destination_not_found");
		assertProblem(intruder.post("/api/v1/destination/test"), 409, "not_configured");
		// The same label, a destination and a key: each a resource of the other add-on's
		// own.
		TestDatabase.Coordinates its = TestDatabase.postgres();
		ApiClient.Response created = intruder.put("/api/v1/databases/DATABASE",
				"{\"url\": \"" + its.url() + "\", \"excludeTables\": [\"public.other\"]}");
		assertThat(created.status()).as("its own, new database").isEqualTo(201);
		assertThat(intruder.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"/srv/b\"}").status())
			.isEqualTo(200);
		ApiClient.Response key = intruder.post("/api/v1/encryption-key", "{\"generate\": true}");
		assertThat(key.status()).isEqualTo(201);
		assertThat(key.json().has("previousFingerprint")).as("its first key replaces nothing").isFalse();
		ApiClient.Response tested = intruder.post("/api/v1/databases/DATABASE/test");
		assertThat(tested.json().get("ok").asBoolean()).as("its own URL was tested: " + tested.body()).isTrue();
		ApiClient.Response destinationTested = intruder.post("/api/v1/destination/test");
		assertThat(destinationTested.text("message")).contains("/srv/b").doesNotContain("/srv/a");
		assertThat(intruder.get("/api/v1/databases").json().get("items")).hasSize(1);
		// This add-on's settings, masked URL, key and sealed secrets are as they were.
		assertThat(this.api.get("/api/v1/databases/DATABASE").body()).isEqualTo(database)
			.contains("postgres://u:****@h:5432/a")
			.contains("public.audit_log");
		assertThat(this.api.get("/api/v1/destination").body()).isEqualTo(destination).contains("/srv/a");
		assertThat(this.targets.encryptionKeyFingerprint(this.tenant.id())).contains(fingerprint);
		assertThat(this.targets.databaseUrl(this.tenant.id(), new DatabaseLabel("DATABASE")).orElseThrow().value())
			.isEqualTo("postgres://u:" + PASSWORD + "@h/a");
		assertThat(sealedSecrets(this.tenant)).isEqualTo(sealed);
		assertThat(this.api.get("/api/v1/databases").json().get("items")).hasSize(1);
		TestDatabase.drop(its);
	}

	@Test
	void secretsAreSealedAtRestAndNoTableHoldsOneInClear() {
		String password = "db-pw-" + UUID.randomUUID().toString().replace("-", "");
		String accessKeyId = "AKIA"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
		String secretAccessKey = "s3-secret-" + UUID.randomUUID();
		assertThat(this.api
			.put("/api/v1/databases/DATABASE",
					"{\"url\": \"postgres://backup:" + password + "@db.example.com:5432/app\"}")
			.status()).isEqualTo(201);
		assertThat(this.api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "sealed-backups", "region": "eu-central-1",
				 "accessKeyId": "%s", "secretAccessKey": "%s"}""".formatted(accessKeyId, secretAccessKey)).status())
			.isEqualTo(200);
		ApiClient.Response generated = this.api.post("/api/v1/encryption-key", "{\"generate\": true}");
		String key = generated.text("key");
		List<Map<String, Object>> rows = sealedSecrets(this.tenant);
		assertThat(rows).extracting((row) -> row.get("name"))
			.containsExactlyInAnyOrder("database/DATABASE/url", "destination/access-key-id",
					"destination/secret-access-key", "encryption-key");
		assertThat(rows).allSatisfy(
				(row) -> assertThat((String) row.get("sealed")).as("sealed: version, master key id, AES-GCM data")
					.matches("v1:[0-9a-f]{8}:[A-Za-z0-9_-]{40,}"));
		assertNoTableHolds(password, accessKeyId, secretAccessKey, key);
	}

	@Test
	void testsAConnectionToARealPostgresDatabase() throws Exception {
		TestDatabase.Coordinates db = TestDatabase.postgres();
		try (var connection = db.connect(); var statement = connection.createStatement()) {
			statement.execute("create table items (id int primary key, name text)");
		}
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + db.url() + "\"}");
		ApiClient.Response report = this.api.post("/api/v1/databases/DATABASE/test");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().get("ok").asBoolean()).isTrue();
		assertThat(report.text("serverVersion")).startsWith("15");
		assertThat(report.text("dumpClientPath")).endsWith("/pg_dump");
		assertThat(report.text("dumpClientVersion")).startsWith("pg_dump (PostgreSQL) 15.");
		assertThat(report.json().get("tables").asInt()).isEqualTo(1);
		assertThat(report.json().get("canWrite").asBoolean()).as("postgres is a superuser").isTrue();
		ApiClient.Response wrong = this.api.post("/api/v1/databases/DATABASE/test",
				"{\"url\": \"postgres://nobody:" + PASSWORD + "@127.0.0.1:5432/" + db.name() + "\"}");
		assertThat(wrong.json().get("ok").asBoolean()).isFalse();
		assertThat(wrong.text("errorKind")).isIn("AUTHENTICATION_FAILED", "PERMISSION_DENIED");
		assertThat(wrong.body()).doesNotContain(PASSWORD);
		ApiClient.Response refused = this.api.post("/api/v1/databases/DATABASE/test",
				"{\"url\": \"postgres://u:p@127.0.0.1:1/db\"}");
		assertThat(refused.text("errorKind")).isEqualTo("CONNECTION_REFUSED");
	}

	@Test
	void testsAConnectionToARealMariaDbDatabase() throws Exception {
		TestDatabase.Coordinates db = TestDatabase.mariadb();
		try (var connection = db.connect(); var statement = connection.createStatement()) {
			statement.execute("create table items (id int primary key, name text)");
		}
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + db.url() + "\"}");
		ApiClient.Response report = this.api.post("/api/v1/databases/DATABASE/test");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().get("ok").asBoolean()).as(report.body()).isTrue();
		assertThat(report.text("engine")).isEqualTo("mariadb");
		assertThat(report.text("dumpClientPath")).matches(".*/(mariadb-dump|mysqldump)");
		assertThat(report.text("dumpClientVersion")).contains("MariaDB");
		assertThat(report.json().get("tables").asInt()).isEqualTo(1);
	}

	@Test
	void aConnectionTestLeavesOutTheTablesTheDatabaseExcludes() throws Exception {
		TestDatabase.Coordinates db = TestDatabase.postgres();
		String role = "sr_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "';"
					+ " CREATE TABLE items (id int); CREATE TABLE payroll (id int); GRANT SELECT ON items TO " + role);
		}
		try {
			String url = "postgres://" + role + ":" + PASSWORD.replace("@", "%40").replace("/", "%2F") + "@" + db.host()
					+ ":" + db.port() + "/" + db.name();
			this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"" + url + "\"}");
			ApiClient.Response refused = this.api.post("/api/v1/databases/DATABASE/test");
			assertThat(refused.json().get("ok").asBoolean()).as(refused.body()).isFalse();
			assertThat(refused.text("errorKind")).isEqualTo("PERMISSION_DENIED");
			assertThat(refused.json().get("unreadableTables").get(0).asString()).isEqualTo("public.payroll");
			this.api.put("/api/v1/databases/DATABASE", "{\"excludeTables\": [\"public.payroll\"]}");
			ApiClient.Response excluded = this.api.post("/api/v1/databases/DATABASE/test");
			assertThat(excluded.json().get("ok").asBoolean()).as(excluded.body()).isTrue();
			assertThat(excluded.json().get("tables").asInt()).isEqualTo(1);
			assertThat(excluded.json().get("canWrite").asBoolean()).isFalse();
		}
		finally {
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
			}
			TestDatabase.drop(db);
		}
	}

	@Test
	void aDestinationTestNamesTheMissingBucket() {
		S3MockServer s3 = S3MockServer.shared();
		this.api.put("/api/v1/destination",
				"""
						{"type": "s3", "bucket": "missing-%s", "endpoint": "%s", "accessKeyId": "%s", "secretAccessKey": "%s"}"""
					.formatted(this.tenant.name(), s3.endpoint(), S3MockServer.ACCESS_KEY_ID,
							S3MockServer.SECRET_ACCESS_KEY));
		ApiClient.Response report = this.api.post("/api/v1/destination/test");
		assertThat(report.status()).as("the request was fine; the finding is not").isEqualTo(200);
		assertThat(report.json().get("ok").asBoolean()).isFalse();
		assertThat(report.text("failedStep")).isEqualTo("access");
		assertThat(report.text("reason")).isEqualTo("NO_SUCH_BUCKET");
		assertThat(report.text("message")).contains("missing-" + this.tenant.name());
		String bucket = s3.createBucket();
		this.api.put("/api/v1/destination",
				"{\"type\": \"s3\", \"bucket\": \"" + bucket + "\", \"endpoint\": \"" + s3.endpoint() + "\"}");
		ApiClient.Response fixed = this.api.post("/api/v1/destination/test");
		assertThat(fixed.json().get("ok").asBoolean()).as(fixed.body()).isTrue();
	}

	@Test
	void aDestinationTestWithWrongCredentialsIsAccessDenied(CapturedOutput output) {
		String wrong = "wrong-secret-" + UUID.randomUUID();
		try (S3ProxyServer signed = S3ProxyServer.start()) {
			this.api.put("/api/v1/destination", """
					{"type": "s3", "bucket": "%s", "endpoint": "%s", "accessKeyId": "%s", "secretAccessKey": "%s"}"""
				.formatted(S3ProxyServer.BUCKET, signed.endpoint(), S3ProxyServer.IDENTITY, wrong));
			ApiClient.Response report = this.api.post("/api/v1/destination/test");
			assertThat(report.status()).isEqualTo(200);
			assertThat(report.json().get("ok").asBoolean()).isFalse();
			assertThat(report.text("failedStep")).isEqualTo("access");
			assertThat(report.text("reason")).isEqualTo("ACCESS_DENIED");
			assertThat(report.text("message")).contains("Check the access key id");
			this.api.put("/api/v1/destination", """
					{"type": "s3", "bucket": "%s", "endpoint": "%s", "accessKeyId": "%s", "secretAccessKey": "%s"}"""
				.formatted(S3ProxyServer.BUCKET, signed.endpoint(), S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL));
			ApiClient.Response right = this.api.post("/api/v1/destination/test");
			assertThat(right.json().get("ok").asBoolean()).as(right.body()).isTrue();
		}
		assertNoSecretIn(output, wrong);
	}

	@Test
	void publishesOpenApiAndSwaggerUi() {
		ApiClient.Response docs = ApiClient.anonymous(this.port, this.bodies).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/databases/{label}").doesNotContain("/heroku/resources");
		assertThat(ApiClient.anonymous(this.port, this.bodies).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	List<Map<String, Object>> sealedSecrets(TestTenants.Created tenant) {
		return this.jdbc.queryForList("select name, sealed from target_secret where tenant_id = ? order by name",
				tenant.id().value());
	}

	/**
	 * Reads every row of every table of Strongroom's database, binary columns too, and
	 * fails if one holds a secret in clear.
	 */
	void assertNoTableHolds(String... secrets) {
		List<String> tables = this.jdbc.queryForList("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""",
				String.class);
		assertThat(tables).contains("public.target_secret", "public.target_database", "public.target_destination");
		for (String table : tables) {
			this.jdbc.query("select * from " + table, (ResultSet rs) -> {
				for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
					Object value = rs.getObject(column);
					String text = (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.ISO_8859_1)
							: String.valueOf(value);
					for (String secret : secrets) {
						assertThat(text).as(table + "." + rs.getMetaData().getColumnName(column))
							.doesNotContain(secret);
					}
				}
			});
		}
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.text("code")).as(response.body()).isEqualTo(code);
		assertThat(response.text("type")).isEqualTo("urn:strongroom:problem:" + code);
		assertThat(response.text("detail")).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.strongroom");
	}

	void assertNoSecretIn(CapturedOutput output, String... secrets) {
		for (String secret : secrets) {
			assertThat(output.getAll()).as("logs").doesNotContain(secret);
			for (String body : this.bodies) {
				assertThat(body).as("a response").doesNotContain(secret);
			}
		}
	}

}
