package io.strongroom.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.strongroom.support.ApiClient;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

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
	void anotherAddOnNeverSeesOrChangesThisOnesSettings() {
		this.api.put("/api/v1/databases/DATABASE", "{\"url\": \"postgres://u:" + PASSWORD + "@h/a\"}");
		this.api.put("/api/v1/destination", "{\"type\": \"filesystem\", \"path\": \"/srv/a\"}");
		TestTenants.Created other = TestTenants.create(this.tenants, "basic");
		ApiClient intruder = ApiClient.bearer(this.port, other.token(), this.bodies);
		assertThat(intruder.get("/api/v1/databases").json().get("items")).isEmpty();
		assertProblem(intruder.get("/api/v1/databases/DATABASE"), 404, "database_not_found");
		assertProblem(intruder.delete("/api/v1/databases/DATABASE"), 404, "database_not_found");
		assertProblem(intruder.post("/api/v1/databases/DATABASE/test"), 404, "database_not_found");
		assertProblem(intruder.get("/api/v1/destination"), 404, "destination_not_found");
		assertThat(this.api.get("/api/v1/databases/DATABASE").status()).isEqualTo(200);
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
	void publishesOpenApiAndSwaggerUi() {
		ApiClient.Response docs = ApiClient.anonymous(this.port, this.bodies).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/databases/{label}").doesNotContain("/heroku/resources");
		assertThat(ApiClient.anonymous(this.port, this.bodies).get("/swagger-ui/index.html").status()).isEqualTo(200);
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
