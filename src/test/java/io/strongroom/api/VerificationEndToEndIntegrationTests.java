package io.strongroom.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import io.strongroom.run.BackupVerified;
import io.strongroom.run.FailureKinds;
import io.strongroom.run.Verification;
import io.strongroom.support.ApiClient;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;
import io.strongroom.support.TestTenants;
import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.strongroom.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restore verification as a customer meets it, with the real runner's {@code verify}
 * started by the local launcher, PostgreSQL and S3Mock: a backup is verified PASSED (its
 * checksums, its archive read through, and a restore into the customer's empty
 * verification database whose row counts match), the verification database is left empty;
 * then the object is corrupted in the bucket, a verification asked for through the API is
 * FAILED, {@link BackupVerified} says so, and the add-on's recipient gets one mail (to
 * GreenMail) saying the object was changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.run.stall-timeout=60s", "strongroom.run.watchdog-interval=1s",
				"strongroom.run.dispatch-interval=1s", "strongroom.verify.retry-delay=2s",
				"strongroom.notify.worker.poll-interval=500ms" })
@Import({ TestDatabases.class, VerificationEndToEndIntegrationTests.Events.class })
class VerificationEndToEndIntegrationTests {

	static final org.slf4j.Logger logger = org.slf4j.LoggerFactory
		.getLogger(VerificationEndToEndIntegrationTests.class);

	/** Started with the class, so its port is known when the context starts. */
	static final GreenMail smtp = started(new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));

	static S3MockServer s3;

	static String bucket;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	static GreenMail started(GreenMail mail) {
		mail.start();
		return mail;
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	TenantRepository tenants;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Events events;

	final List<String> bodies = new ArrayList<>();

	@BeforeAll
	static void s3() {
		s3 = S3MockServer.shared();
		bucket = s3.createBucket();
	}

	@Test
	void aBackupIsVerifiedPassedAndACorruptedObjectIsCaught() throws Exception {
		TestDatabase.Coordinates source = TestDatabase.postgres();
		try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table customers (id bigint primary key, name text, joined timestamptz)");
			statement.execute("insert into customers select g, 'customer ' || g, now() - g * interval '1 day'"
					+ " from generate_series(1, 3000) g");
			statement.execute("create schema sales");
			statement.execute("create table sales.orders (id serial primary key, customer bigint, total numeric)");
			statement.execute("insert into sales.orders (customer, total) select g % 100, g * 1.5"
					+ " from generate_series(1, 700) g");
		}
		TestDatabase.Coordinates scratch = TestDatabase.postgres();
		TestTenants.Created tenant = TestTenants.create(this.tenants, "pro");
		ApiClient api = ApiClient.bearer(this.port, tenant.token(), this.bodies);
		ApiClient.Response destination = api.put("/api/v1/destination", """
				{"type": "s3", "bucket": "%s", "region": "us-east-1", "endpoint": "%s", "pathStyle": true,
				 "prefix": "backups", "accessKeyId": "%s", "secretAccessKey": "%s"}""".formatted(bucket, s3.endpoint(),
				S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY));
		assertThat(destination.status()).as(destination.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/encryption-key", "{\"generate\": true}").status()).isEqualTo(201);
		ApiClient.Response database = api.put("/api/v1/databases/DATABASE", """
				{"url": "%s", "verificationUrl": "%s"}""".formatted(source.url(), scratch.url()));
		assertThat(database.status()).as(database.body()).isEqualTo(201);
		String ops = "ops@" + tenant.name() + ".example";
		assertThat(api.put("/api/v1/notifications", "{\"recipients\": [\"" + ops + "\"]}").status()).isEqualTo(200);

		String backup = api.post("/api/v1/databases/DATABASE/backups").text("id");
		await(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
			.contains(api.get("/api/v1/backups/" + backup).text("status")), Duration.ofMinutes(4));
		assertThat(api.get("/api/v1/backups/" + backup).text("status")).isEqualTo("SUCCEEDED");

		// The automatic verification, with a restore test into the verification database.
		await(() -> !"PENDING".equals(api.get("/api/v1/backups/" + backup).text("verification")),
				Duration.ofMinutes(4));
		ApiClient.Response verified = api.get("/api/v1/backups/" + backup);
		JsonNode first = newestVerification(api, backup);
		assertThat(verified.text("verification")).as(verified.body() + "\n" + log(first)).isEqualTo("PASSED");
		assertThat(first.get("restoreTest").asString()).isEqualTo("existing");
		assertThat(first.get("restoreTested").asBoolean()).as(first.toString()).isTrue();
		assertThat(verified.text("verificationDetail")).isNotBlank();
		logger.info("Measured: backup {} verified PASSED with a restore test, {} ms from start to end", backup,
				Duration
					.between(Instant.parse(first.get("startedAt").asString()),
							Instant.parse(first.get("finishedAt").asString()))
					.toMillis());
		assertThat(userTables(scratch)).as("the runner drops what it restored").isZero();
		assertThat(this.events.of(backup).result()).isEqualTo(Verification.PASSED);

		// Corrupt one byte in the middle of the object, then ask again.
		String objectKey = verified.text("objectKey");
		byte[] object = s3Client().getObjectAsBytes((request) -> request.bucket(bucket).key(objectKey)).asByteArray();
		object[object.length / 2] ^= 0x5A;
		s3Client().putObject((request) -> request.bucket(bucket).key(objectKey), RequestBody.fromBytes(object));
		ApiClient.Response requested = api.post("/api/v1/backups/" + backup + "/verify");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		String second = requested.text("id");
		await(() -> List.of("PASSED", "FAILED", "SKIPPED")
			.contains(newestVerification(api, backup).get("status").asString()), Duration.ofMinutes(4));
		JsonNode caught = newestVerification(api, backup);
		assertThat(caught.get("id").asString()).isEqualTo(second);
		assertThat(caught.get("status").asString()).as(caught + "\n" + log(caught)).isEqualTo("FAILED");
		ApiClient.Response failed = api.get("/api/v1/backups/" + backup);
		assertThat(failed.text("verification")).isEqualTo("FAILED");
		logger.info("A corrupted object was reported as: {}", failed.text("verificationDetail"));
		BackupVerified event = this.events.of(backup);
		assertThat(event.result()).isEqualTo(Verification.FAILED);
		assertThat(event.failure()).isEqualTo(FailureKinds.INTEGRITY);
		assertThat(event.detail()).isEqualTo(failed.text("verificationDetail"));
		assertThat(userTables(scratch)).as("the verification database is left empty").isZero();

		// the recipient hears of it once; the verification that passed sent nothing
		await(() -> smtp.getReceivedMessages().length > 0, Duration.ofSeconds(60));
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ops);
		assertThat(mail.getSubject())
			.isEqualTo("[Strongroom] A backup of DATABASE on " + tenant.name() + " failed verification");
		assertThat(GreenMailUtil.getBody(mail)).contains("Failure: INTEGRITY")
			.contains("changed or truncated in the bucket")
			.contains("Run: " + backup);
		assertThat(String.join("\n", this.bodies)).doesNotContain(S3MockServer.SECRET_ACCESS_KEY);
	}

	JsonNode newestVerification(ApiClient api, String backup) {
		return api.get("/api/v1/backups/" + backup + "/verifications").json().get("items").get(0);
	}

	/** The runner's output, for an assertion's message. */
	String log(JsonNode verification) {
		return String.join("\n",
				this.jdbc.queryForList(
						"select line from run_verification_log where verification_id = ? order by line_no",
						String.class, UUID.fromString(verification.get("id").asString())));
	}

	static long userTables(TestDatabase.Coordinates db) throws Exception {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from information_schema.tables"
						+ " where table_schema not in ('pg_catalog', 'information_schema')")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static S3Client s3Client() {
		return S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(s3.endpoint())
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3MockServer.ACCESS_KEY_ID, S3MockServer.SECRET_ACCESS_KEY)))
			.build();
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

}
