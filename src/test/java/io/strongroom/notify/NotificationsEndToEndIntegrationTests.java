package io.strongroom.notify;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.strongroom.support.ApiClient;
import io.strongroom.support.PasswordPostgres;
import io.strongroom.support.S3MockServer;
import io.strongroom.support.TestDatabase;
import io.strongroom.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.strongroom.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's "done when", as a new user meets it: provision through the partner API
 * (with a log input URL), set a destination (S3Mock), a key, a recipient and a webhook
 * through the REST API, and back up a database on a PostgreSQL that checks passwords,
 * with the real local launcher and runner. Then the password changes under Strongroom:
 * one failure mail naming the cause, no second mail for the next failure, a reminder only
 * a day later (test clock), and one "work again" mail once the URL is put right. Mail
 * goes to GreenMail; the webhook and the log input are local HTTP servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.heroku.addon-id=strongroom", "strongroom.heroku.addon-password=notify-e2e-pass",
				"strongroom.run.dispatch-interval=1s", "strongroom.run.watchdog-interval=1s",
				"strongroom.notify.worker.poll-interval=500ms", "strongroom.notify.worker.reminder-check=1s",
				"strongroom.notify.worker.missed-check=1h", "strongroom.notify.worker.retry-events=2s" })
@Import({ TestDatabases.class, NotificationsEndToEndIntegrationTests.TestClock.class })
class NotificationsEndToEndIntegrationTests {

	static final int SMTP_PORT = NotificationsIntegrationTests.freePort();

	static GreenMail smtp;

	static S3MockServer s3;

	static String bucket;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void start() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
		smtp.start();
		s3 = S3MockServer.shared();
		bucket = s3.createBucket();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	OffsetClock clock;

	final List<String> bodies = new ArrayList<>();

	@Test
	void aChangedPasswordMailsTheCauseOnceRemindsADayLaterAndPuttingItRightMailsOneRecovery() throws Exception {
		try (CapturingHttpServer logplex = new CapturingHttpServer(204);
				CapturingHttpServer hook = new CapturingHttpServer(200)) {
			String logUrl = logplex.uri("token:t.5a1d0c3e-1111-2222-3333-444455556666", "/logs").toString();
			NewUser user = provision(logUrl);
			String ops = "ops@" + user.addonName() + ".example";
			ApiClient.Response settings = user.api().put("/api/v1/notifications", """
					{"recipients": ["%s"], "webhook": {"url": "%s"}}""".formatted(ops, hook.uri(null, "/hook")));
			assertThat(settings.status()).as(settings.body()).isEqualTo(200);
			String signingSecret = settings.text("signingSecret");
			assertThat(signingSecret).startsWith("whsec_");
			ApiClient.Response read = user.api().get("/api/v1/notifications");
			assertThat(read.json().get("recipients").get(0).asString()).isEqualTo(ops);
			assertThat(read.json().get("webhook").get("host").asString()).isEqualTo("127.0.0.1");
			assertThat(read.body()).doesNotContain(signingSecret).doesNotContain("/hook");

			TestDatabase.Coordinates db = PasswordPostgres.create();
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("create table orders (id bigint primary key, item text)");
				statement.execute("insert into orders select g, 'item ' || g from generate_series(1, 1000) g");
			}
			ApiClient.Response database = user.api()
				.put("/api/v1/databases/DATABASE",
						"{\"url\": \"" + db.url() + "\", \"schedule\": {\"frequency\": \"manual\"}}");
			assertThat(database.status()).as(database.body()).isEqualTo(201);

			String first = backUp(user, "SUCCEEDED");
			awaitLogLine(logplex, "backup succeeded", first);
			assertThat(mailsTo(ops)).as("a first success is no news").isEmpty();

			String newPassword = "rotated-" + UUID.randomUUID();
			TestDatabase.Coordinates rotated = PasswordPostgres.changePassword(db, newPassword);
			String failed = backUp(user, "FAILED");
			assertThat(user.api().get("/api/v1/backups/" + failed).json().get("error").get("kind").asString())
				.isEqualTo("AUTHENTICATION_FAILED");
			await(() -> mailsTo(ops).size() == 1, Duration.ofSeconds(60));
			MimeMessage failure = mailsTo(ops).get(0);
			assertThat(failure.getSubject()).startsWith("[Strongroom] Backup of DATABASE on ").endsWith(" failed");
			assertThat(text(failure)).contains("The database refused the user name or password")
				.contains("password authentication failed")
				.contains("save the new connection string")
				.doesNotContain(db.password())
				.doesNotContain(newPassword);
			awaitLogLine(logplex, "backup failed", failed);
			await(() -> hook.requests.size() == 1, Duration.ofSeconds(30));
			CapturingHttpServer.Request posted = hook.requests.get(0);
			assertThat(posted.header("Strongroom-Event")).isEqualTo("first_failure");
			assertThat(WebhookClientTests.verify(posted.header("Strongroom-Signature"), posted.body(), signingSecret,
					this.clock.instant()))
				.isTrue();
			assertThat(new String(posted.body(), StandardCharsets.UTF_8))
				.contains("\"failure\":\"AUTHENTICATION_FAILED\"")
				.contains("\"run\":\"" + failed + "\"");

			String again = backUp(user, "FAILED");
			// the worker sends a pass's mails before its log lines: once this run's line
			// is
			// in, a mail of the same outcome would have been sent
			awaitLogLine(logplex, "backup failed", again);
			Thread.sleep(1500);
			assertThat(mailsTo(ops)).as("no second mail for the same failure streak").hasSize(1);

			this.clock.advance(Duration.ofHours(23));
			Thread.sleep(2500);
			assertThat(mailsTo(ops)).as("no reminder before a day has passed").hasSize(1);
			this.clock.advance(Duration.ofHours(1).plusMinutes(1));
			await(() -> mailsTo(ops).size() == 2, Duration.ofSeconds(30));
			assertThat(mailsTo(ops).get(1).getSubject()).endsWith(" are still failing");
			assertThat(text(mailsTo(ops).get(1))).contains("password authentication failed");

			ApiClient.Response fixed = user.api()
				.put("/api/v1/databases/DATABASE", "{\"url\": \"" + rotated.url() + "\"}");
			assertThat(fixed.status()).as(fixed.body()).isIn(200, 201);
			String recovered = backUp(user, "SUCCEEDED");
			awaitLogLine(logplex, "backup succeeded", recovered);
			await(() -> mailsTo(ops).size() == 3, Duration.ofSeconds(30));
			Thread.sleep(1500);
			List<MimeMessage> mails = mailsTo(ops);
			assertThat(mails).hasSize(3);
			assertThat(mails.get(2).getSubject()).startsWith("[Strongroom] Backups of DATABASE on ")
				.endsWith(" work again");
			assertThat(hook.requests).extracting((request) -> request.header("Strongroom-Event"))
				.containsExactly("first_failure", "still_failing", "recovered");
			assertThat(logplex.requests).allSatisfy((request) -> {
				assertThat(request.header("Content-Type")).isEqualTo("application/logplex-1");
				assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
					.encodeToString("token:t.5a1d0c3e-1111-2222-3333-444455556666".getBytes(StandardCharsets.UTF_8)));
			});
			for (String body : this.bodies) {
				assertThat(body).doesNotContain(db.password()).doesNotContain(newPassword);
			}
		}
	}

	@Test
	void notificationSettingsAreValidatedAndEachAddOnSeesOnlyItsOwn() {
		NewUser first = provision(null);
		NewUser second = provision(null);
		ApiClient.Response bad = first.api().put("/api/v1/notifications", "{\"recipients\": [\"not-an-address\"]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("code")).isEqualTo("invalid_request");
		assertThat(bad.text("field")).isEqualTo("recipients");
		assertThat(bad.text("detail")).contains("not an email address like ops@example.com");
		ApiClient.Response plainHttp = first.api()
			.put("/api/v1/notifications",
					"{\"recipients\": [\"a@first.example\"], \"webhook\": {\"url\": \"http://hooks.example.com/x\"}}");
		assertThat(plainHttp.status()).isEqualTo(400);
		assertThat(plainHttp.text("field")).isEqualTo("webhook.url");
		assertThat(plainHttp.text("detail")).isEqualTo("The webhook URL must start with https://");
		ApiClient.Response shortSecret = first.api()
			.put("/api/v1/notifications",
					"{\"webhook\": {\"url\": \"https://hooks.example.com/x\", \"secret\": \"short\"}}");
		assertThat(shortSecret.status()).isEqualTo(400);
		assertThat(shortSecret.text("field")).isEqualTo("webhook.secret");
		assertThat(first.api().get("/api/v1/notifications").json().get("recipients")).as("nothing changed").isEmpty();

		ApiClient.Response set = first.api()
			.put("/api/v1/notifications", "{\"recipients\": [\"a@first.example\"], \"webhook\": {\"url\":"
					+ " \"https://hooks.example.com/x\", \"secret\": \"my-own-signing-secret-1234\"}}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().has("signingSecret")).as("a secret the customer chose is not answered").isFalse();
		assertThat(set.body()).doesNotContain("my-own-signing-secret-1234").doesNotContain("/x");
		assertThat(second.api().get("/api/v1/notifications").json().get("recipients")).isEmpty();
		assertThat(second.api().get("/api/v1/notifications").json().has("webhook")).isFalse();

		ApiClient.Response kept = first.api().put("/api/v1/notifications", "{\"recipients\": []}");
		assertThat(kept.json().get("recipients")).isEmpty();
		assertThat(kept.json().get("webhook").get("host").asString()).as("left out: kept")
			.isEqualTo("hooks.example.com");
		ApiClient.Response removed = first.api().put("/api/v1/notifications", "{\"webhook\": null}");
		assertThat(removed.json().has("webhook")).isFalse();
	}

	record NewUser(ApiClient api, String addonName) {

	}

	/** Provisions through the partner API, as Heroku would, and sets up S3 and a key. */
	NewUser provision(String logInputUrl) {
		String uuid = UUID.randomUUID().toString();
		String name = "acme-" + uuid.substring(0, 8);
		ApiClient heroku = new ApiClient("http://localhost:" + this.port, "Basic "
				+ Base64.getEncoder().encodeToString("strongroom:notify-e2e-pass".getBytes(StandardCharsets.UTF_8)),
				new ArrayList<>());
		String logInput = (logInputUrl != null) ? ", \"log_input_url\": \"" + logInputUrl + "\"" : "";
		ApiClient.Response provisioned = heroku.post("/heroku/resources", """
				{"uuid": "%s", "name": "%s", "plan": "basic", "region": "amazon-web-services::us-east-1",
				 "callback_url": "https://api.heroku.com/addons/%s", "options": {}%s}""".formatted(uuid, name, uuid,
				logInput));
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
		this.bodies.remove(key.body());
		return new NewUser(api, name);
	}

	/** Asks for a backup and waits until it ends in the expected state. */
	String backUp(NewUser user, String expected) {
		ApiClient.Response requested = user.api().post("/api/v1/databases/DATABASE/backups");
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		String id = requested.text("id");
		await(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
			.contains(user.api().get("/api/v1/backups/" + id).text("status")), Duration.ofMinutes(3));
		ApiClient.Response run = user.api().get("/api/v1/backups/" + id);
		assertThat(run.text("status")).as(run.body()).isEqualTo(expected);
		return id;
	}

	static void awaitLogLine(CapturingHttpServer logplex, String outcome, String runId) {
		await(() -> logplex.requests.stream()
			.flatMap((request) -> LogplexClientTests.frames(request.body()).stream())
			.anyMatch((frame) -> frame.contains(" - - " + outcome + " ") && frame.contains("run=" + runId)),
				Duration.ofSeconds(60));
	}

	/** The plain-text part, decoded. */
	static String text(MimeMessage message) throws Exception {
		return text((Object) message.getContent());
	}

	private static String text(Object content) throws Exception {
		if (content instanceof String string) {
			return string;
		}
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				jakarta.mail.BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
					String text = text(part.getContent());
					if (!text.isEmpty()) {
						return text;
					}
				}
			}
		}
		return "";
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Real time, moved forward by the test: runners and timers keep working. */
	static final class OffsetClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
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
			return Instant.now().plus(this.offset);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		OffsetClock notifyEndToEndClock() {
			return new OffsetClock();
		}

	}

}
