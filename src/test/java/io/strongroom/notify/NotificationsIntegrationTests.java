package io.strongroom.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.strongroom.run.BackupFailed;
import io.strongroom.run.BackupRunId;
import io.strongroom.run.BackupVerified;
import io.strongroom.run.FailureKinds;
import io.strongroom.run.Verification;
import io.strongroom.runner.FailureKind;
import io.strongroom.runner.Secret;
import io.strongroom.schedule.ScheduleFields;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DatabaseSettings;
import io.strongroom.target.DatabaseView;
import io.strongroom.target.TargetId;
import io.strongroom.target.Targets;
import io.strongroom.support.TestDatabases;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import io.strongroom.tenant.TenantRole;
import io.strongroom.tenant.TenantUser;
import io.strongroom.tenant.TenantUserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Notifications end to end on PostgreSQL: outcomes in, the outbox worker out to a real
 * SMTP server (GreenMail), a webhook (WireMock) and a log input (a local HTTP server),
 * with a test clock.
 */
@SpringBootTest(properties = { "strongroom.notify.worker.enabled=false", "strongroom.base-url=https://strongroom.test",
		// the dispatcher stays silent after start-up: the missed-slot test finds it late
		"strongroom.schedule.dispatch-interval=1h", "spring.mail.properties.mail.smtp.connectiontimeout=3000",
		"spring.mail.properties.mail.smtp.timeout=3000" })
@Import({ TestDatabases.class, NotificationsIntegrationTests.Fakes.class })
class NotificationsIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final WireMockServer webhook = started(new WireMockServer(wireMockConfig().dynamicPort()));

	static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	DeliveryStore store;

	@Autowired
	TenantRepository tenants;

	@Autowired
	Recipients recipients;

	@Autowired
	Webhooks webhooks;

	@Autowired
	TenantUserRepository users;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MissedSlotSweep missedSlots;

	@Autowired
	Targets targets;

	@Autowired
	JdbcClient jdbc;

	GreenMail smtp;

	@BeforeEach
	void reset() {
		this.clock.set(T0);
		webhook.resetAll();
		// deliveries due from earlier tests would otherwise be sent in this one
		while (this.worker.runOnce() > 0) {
			this.clock.advance(Duration.ofHours(2));
		}
		this.clock.set(T0);
	}

	@AfterEach
	void stopSmtp() {
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@AfterAll
	static void stopWebhook() {
		webhook.stop();
	}

	void startSmtp() {
		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
		this.smtp.start();
	}

	TenantId tenant(String appName, String logInputUrl) {
		return tenant(appName, logInputUrl, "basic");
	}

	TenantId tenant(String appName, String logInputUrl, String plan) {
		TenantId id = new TenantId(UUID.randomUUID());
		Tenant tenant = Tenant.provisioning(id, "strongroom-" + appName, plan, "amazon-web-services::us-east-1", null,
				logInputUrl, null, T0.minus(Duration.ofDays(30)));
		tenant.appKnown("app-" + id.value(), appName);
		this.tenants.save(tenant);
		this.users.save(TenantUser.firstSignIn(id, "u-" + id.value(), "dev@" + appName + ".example", TenantRole.ADMIN,
				T0.minus(Duration.ofDays(30))));
		return id;
	}

	void failed(TenantId tenant, Instant at) {
		this.notifications.backupFinished(BackupOutcome.failed(tenant, "DATABASE", UUID.randomUUID(), at,
				FailureKind.AUTHENTICATION_FAILED, "FATAL: password authentication failed for user \"strongroom\""));
	}

	void succeeded(TenantId tenant, Instant at) {
		this.notifications.backupFinished(
				BackupOutcome.succeeded(tenant, "DATABASE", UUID.randomUUID(), at, 1_000_000, Duration.ofSeconds(9)));
	}

	void drain() {
		while (this.worker.runOnce() > 0) {
			// until nothing is due
		}
	}

	@Test
	void smtpDownThenUpDeliversExactlyOneMail() throws Exception {
		TenantId tenant = tenant("down-then-up", null);
		failed(tenant, T0);
		failed(tenant, T0); // the same failure twice: still one notice per recipient
		this.notifications.backupFinished(BackupOutcome.failed(tenant, "DATABASE", UUID.randomUUID(), T0,
				FailureKind.AUTHENTICATION_FAILED, "again"));

		assertThat(this.worker.runOnce()).isEqualTo(1);
		SentNotice pending = this.notifications.recent(tenant, 10).get(0);
		assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(pending.attempts()).isEqualTo(1);
		assertThat(pending.lastError()).startsWith("SMTP failed: ConnectException");

		startSmtp();
		assertThat(this.worker.runOnce()).as("not due before the backoff").isZero();
		this.clock.advance(Duration.ofSeconds(30));
		drain();
		this.clock.advance(Duration.ofDays(1));
		drain();

		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("[Strongroom] Backup of DATABASE on down-then-up failed");
		assertThat(received[0].getAllRecipients()).extracting(Object::toString)
			.containsExactly("dev@down-then-up.example");
		assertThat(this.notifications.recent(tenant, 10)).singleElement().satisfies((notice) -> {
			assertThat(notice.status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(notice.attempts()).isEqualTo(2);
		});
	}

	@Test
	void aChangedPasswordMailsTheCauseAndPuttingItRightMailsOneRecovery() throws Exception {
		startSmtp();
		TenantId tenant = tenant("password-changed", null);
		this.notifications.replaceAddedRecipients(tenant, List.of("oncall@password-changed.example"));
		succeeded(tenant, T0);
		for (int hour = 1; hour <= 5; hour++) {
			failed(tenant, T0.plus(Duration.ofHours(hour)));
		}
		succeeded(tenant, T0.plus(Duration.ofHours(6)));
		succeeded(tenant, T0.plus(Duration.ofHours(7)));
		drain();

		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(Arrays.stream(received).map(this::subjectAndTo)).containsExactlyInAnyOrder(
				"[Strongroom] Backup of DATABASE on password-changed failed -> dev@password-changed.example",
				"[Strongroom] Backup of DATABASE on password-changed failed -> oncall@password-changed.example",
				"[Strongroom] Backups of DATABASE on password-changed work again -> dev@password-changed.example",
				"[Strongroom] Backups of DATABASE on password-changed work again -> oncall@password-changed.example");
		MimeMessage failure = Arrays.stream(received)
			.filter((m) -> subjectAndTo(m).contains("failed -> dev@"))
			.findFirst()
			.orElseThrow();
		assertThat(GreenMailUtil.getBody(failure)).contains("The database refused the user name or password")
			.contains("save the new connection string")
			.contains("password authentication failed")
			.contains("Content-Type: text/plain; charset=UTF-8")
			.contains("Content-Type: text/html;charset=UTF-8");
		assertThat(failure.getHeader("Message-ID")[0]).matches("<[0-9a-f]{64}@strongroom>");
		assertThat(failure.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
	}

	@Test
	void aDatabaseStillFailingIsRemindedOnTheTimer() {
		startSmtp();
		TenantId tenant = tenant("still-failing", null);
		failed(tenant, T0);
		drain();
		this.clock.advance(Duration.ofHours(23));
		this.notifications.remindStillFailing();
		assertThat(this.notifications.recent(tenant, 10)).hasSize(1);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.notifications.remindStillFailing()).isPositive();
		this.notifications.remindStillFailing();
		assertThat(this.notifications.recent(tenant, 10)).extracting(SentNotice::kind)
			.containsExactly("STILL_FAILING", "FIRST_FAILURE");
		drain();
		// other tests' databases are failing too; only this one's mails count here
		assertThat(Arrays.stream(this.smtp.getReceivedMessages())
			.map(this::subjectAndTo)
			.filter((mail) -> mail.contains("still-failing.example")))
			.containsExactly("[Strongroom] Backup of DATABASE on still-failing failed -> dev@still-failing.example",
					"[Strongroom] Backups of DATABASE on still-failing are still failing -> dev@still-failing.example");
	}

	@Test
	void theWebhookIsSignedAndRetriedWithBackoffUntilItAnswers() throws Exception {
		startSmtp();
		TenantId tenant = tenant("hooked", null);
		Webhooks.CreatedWebhook created = this.webhooks.configure(tenant, webhook.baseUrl() + "/hook");
		assertThat(created.host()).isEqualTo("localhost");
		webhook.stubFor(post("/hook").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		webhook.stubFor(
				post("/hook").inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));

		failed(tenant, T0);
		drain();
		assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
		this.clock.advance(Duration.ofSeconds(29));
		drain();
		assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/hook")))).as("backoff").hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		drain();
		this.clock.advance(Duration.ofHours(3));
		drain();

		List<LoggedRequest> calls = webhook.findAll(postRequestedFor(urlEqualTo("/hook")));
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).getBodyAsString()).isEqualTo(calls.get(1).getBodyAsString());
		LoggedRequest delivered = calls.get(1);
		assertThat(WebhookClientTests.verify(delivered.getHeader("Strongroom-Signature"), delivered.getBody(),
				created.signingSecret().value(), T0.plusSeconds(30)))
			.isTrue();
		assertThat(delivered.getHeader("Strongroom-Event")).isEqualTo("first_failure");
		assertThat(delivered.getBodyAsString()).startsWith("{\"id\":\"" + delivered.getHeader("Strongroom-Delivery"))
			.contains("\"type\":\"first_failure\"")
			.contains("\"text\":\"*Backup of DATABASE on hooked failed*\\nThe backup of DATABASE on hooked failed at"
					+ " 2026-11-20 03:00 UTC.\\n> FATAL: password authentication failed for user \\\"strongroom\\\"")
			.contains("\"database\":\"DATABASE\"")
			.contains("\"failure\":\"AUTHENTICATION_FAILED\"");
		assertThat(this.notifications.recent(tenant, 10)).filteredOn((n) -> n.channel() == Channel.WEBHOOK)
			.singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo(DeliveryStatus.SENT));
	}

	@Test
	void everyOutcomeWritesALineToTheAppsLogInOneRequest() throws Exception {
		try (CapturingHttpServer logplex = new CapturingHttpServer(204)) {
			URI url = logplex.uri("token:t.5a1d0c3e-1111-2222-3333-444455556666", "/logs");
			TenantId tenant = tenant("logged", url.toString());
			UUID run = UUID.fromString("6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");
			this.notifications.backupFinished(
					BackupOutcome.succeeded(tenant, "DATABASE", run, T0, 47_185_920, Duration.ofSeconds(12)));
			this.notifications.verificationFinished(new VerificationOutcome(tenant, "DATABASE", run,
					VerificationOutcome.Status.PASSED, null, "", T0.plusSeconds(30)));
			drain();

			assertThat(logplex.requests).hasSize(1);
			assertThat(LogplexClientTests.frames(logplex.requests.get(0).body())).containsExactly(
					"<190>1 2026-11-20T03:00:00.000000+00:00 strongroom strongroom DATABASE - - backup succeeded"
							+ " database=DATABASE run=6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f size=47.2MB bytes=47185920"
							+ " duration=12s",
					"<190>1 2026-11-20T03:00:30.000000+00:00 strongroom strongroom DATABASE - - verification passed"
							+ " database=DATABASE run=6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f");
			assertThat(logplex.requests.get(0).header("Logplex-Msg-Count")).isEqualTo("2");
		}
	}

	@Test
	void withoutSmtpMailIsLoggedAndKeptForTheDashboard() {
		TenantId tenant = tenant("embedded", null);
		failed(tenant, T0);
		DeliveryWorker embedded = new DeliveryWorker(this.store, new MailChannel(null, "Strongroom <n@x.invalid>"),
				null, null, null, this.tenants, this.recipients,
				new NotifyProperties.Worker(true, Duration.ofSeconds(10), 50, Duration.ofMinutes(5),
						Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3), Duration.ofMinutes(15),
						Duration.ofMinutes(5), Duration.ofMinutes(30), 100, Duration.ofMinutes(1)),
				this.clock);
		embedded.runOnce();
		assertThat(this.notifications.recent(tenant, 10)).singleElement().satisfies((notice) -> {
			assertThat(notice.status()).isEqualTo(DeliveryStatus.LOGGED);
			assertThat(notice.subject()).isEqualTo("[Strongroom] Backup of DATABASE on embedded failed");
			assertThat(notice.text()).contains("save the new connection string");
		});
	}

	@Test
	void theAppOwnerIsLookedUpWhenSentAndToldInsteadOfTheUsersAndAddedAddressesToo() {
		startSmtp();
		TenantId tenant = tenant("owned", null);
		Fakes.owned = tenant;
		this.notifications.replaceAddedRecipients(tenant,
				List.of("ops@owned.example", "OPS@owned.example", "owner@owned.example"));
		failed(tenant, T0);
		assertThat(this.notifications.recent(tenant, 10)).extracting(SentNotice::recipient)
			.containsExactlyInAnyOrder("owner", "ops@owned.example", "owner@owned.example");
		assertThat(this.notifications.addedRecipients(tenant)).containsExactly("ops@owned.example",
				"owner@owned.example");
		drain();
		// the owner also added themselves: one mail each, not two
		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).map(this::subjectAndTo))
			.filteredOn((mail) -> mail.contains("owned.example"))
			.containsExactlyInAnyOrder("[Strongroom] Backup of DATABASE on owned failed -> ops@owned.example",
					"[Strongroom] Backup of DATABASE on owned failed -> owner@owned.example");
		assertThat(this.notifications.recent(tenant, 10))
			.allSatisfy((notice) -> assertThat(notice.status()).isIn(DeliveryStatus.SENT, DeliveryStatus.GAVE_UP));
	}

	@Test
	void anAddressThatIsNotAMailboxIsRefusedAndNothingChanges() {
		TenantId tenant = tenant("refused", null);
		this.notifications.replaceAddedRecipients(tenant, List.of("a@refused.example"));
		assertThatExceptionOfType(InvalidRecipient.class)
			.isThrownBy(() -> this.notifications.replaceAddedRecipients(tenant,
					List.of("b@refused.example", "app123@heroku.com")))
			.withMessage("app123@heroku.com is a Heroku app id, not a mailbox; give a person's address");
		assertThatExceptionOfType(InvalidRecipient.class)
			.isThrownBy(() -> this.notifications.replaceAddedRecipients(tenant, List.of("Ops <ops@x.example>")))
			.withMessage("'Ops <ops@x.example>' is not an email address like ops@example.com");
		assertThat(this.notifications.addedRecipients(tenant)).containsExactly("a@refused.example");
	}

	@Test
	void aRemovedAddOnIsNeitherMailedNorReminded() {
		TenantId tenant = tenant("removed", null);
		failed(tenant, T0);
		this.transactions.executeWithoutResult((tx) -> {
			Tenant removed = this.tenants.findById(tenant.value()).orElseThrow();
			removed.deprovision(T0.plusSeconds(60));
			this.events.publishEvent(new TenantDeprovisioned(tenant, T0.plusSeconds(60)));
		});
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.notifications.recent(tenant, 10)).singleElement()
				.satisfies((notice) -> assertThat(notice.lastError()).isEqualTo("the add-on was removed")));
		this.clock.advance(Duration.ofDays(2));
		this.notifications.remindStillFailing();
		assertThat(this.notifications.recent(tenant, 10)).hasSize(1)
			.allSatisfy((notice) -> assertThat(notice.status()).isEqualTo(DeliveryStatus.GAVE_UP));
	}

	@Test
	void aFailedVerificationEventMailsThatTheBackupFailedVerification() {
		startSmtp();
		TenantId tenant = tenant("unverified", null);
		UUID run = UUID.randomUUID();
		publish(new BackupVerified(tenant, new BackupRunId(run), new TargetId(UUID.randomUUID()), DatabaseLabel.DEFAULT,
				Verification.FAILED, false, FailureKinds.INTEGRITY,
				"HMAC mismatch: the object was changed after it was written", T0));
		awaitRecorded(tenant, 1);
		drain();
		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).map(this::subjectAndTo))
			.filteredOn((mail) -> mail.contains("unverified.example"))
			.containsExactly("[Strongroom] A backup of DATABASE on unverified failed verification"
					+ " -> dev@unverified.example");
		assertThat(GreenMailUtil.getBody(mailTo("dev@unverified.example")))
			.contains("HMAC mismatch: the object was changed after it was written")
			.contains("Failure: INTEGRITY")
			.contains("changed or truncated in the bucket");
	}

	@Test
	void aStalledRunEventMailsThatTheBackupStalledAndARedeliveryTellsNobodyAgain() {
		startSmtp();
		TenantId tenant = tenant("stalled", null);
		BackupFailed stalled = new BackupFailed(tenant, new BackupRunId(UUID.randomUUID()),
				new TargetId(UUID.randomUUID()), DatabaseLabel.DEFAULT, FailureKinds.STALLED,
				"no heartbeat for 10 minutes; the runner was stopped", T0);
		publish(stalled);
		awaitRecorded(tenant, 1);
		publish(stalled);
		drain();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			drain();
			assertThat(this.notifications.recent(tenant, 10)).hasSize(1);
		});
		assertThat(Arrays.stream(this.smtp.getReceivedMessages()).map(this::subjectAndTo))
			.filteredOn((mail) -> mail.contains("stalled.example"))
			.containsExactly(
					"[Strongroom] A backup of DATABASE on stalled stalled and was stopped" + " -> dev@stalled.example");
	}

	@Test
	void aSlotWithoutARunIsToldOnceEvenBySweepsInTwoProcessesAndRemindedOnce() throws Exception {
		startSmtp();
		TenantId tenant = tenant("missed", null);
		this.targets.saveDatabase(tenant, DatabaseLabel.DEFAULT,
				new DatabaseSettings(new Secret("postgres://backup:pw@127.0.0.1:5432/shop"),
						new ScheduleFields("daily", null, "04:00", null, null, "UTC"), null, null, null, null));
		this.clock.set(Instant.parse("2026-11-20T04:59:00Z"));
		assertThat(this.missedSlots.sweep()).as("within the grace period").isZero();
		this.clock.set(Instant.parse("2026-11-20T05:01:00Z"));
		// two web processes sweeping at the same moment
		List<Integer> told = twice(() -> this.missedSlots.sweep());
		assertThat(told).as("the second waited for the first's ledger row and found it told")
			.containsExactlyInAnyOrder(1, 0);
		this.missedSlots.sweep();
		drain();
		assertThat(this.notifications.recent(tenant, 10)).extracting(SentNotice::kind)
			.containsExactly("SCHEDULE_MISSED");
		assertThat(mailsTo("dev@missed.example")).containsExactly(
				"[Strongroom] The scheduled backup of DATABASE on missed did not run -> dev@missed.example");

		this.clock.set(Instant.parse("2026-11-21T05:02:00Z"));
		twice(() -> this.notifications.remindStillFailing());
		this.notifications.remindStillFailing();
		drain();
		assertThat(this.notifications.recent(tenant, 10)).extracting(SentNotice::kind)
			.containsExactly("STILL_FAILING", "SCHEDULE_MISSED");
		// the next day's slot was missed too: told in the log, not mailed again the same
		// day
		this.clock.set(Instant.parse("2026-11-21T05:03:00Z"));
		this.missedSlots.sweep();
		assertThat(this.notifications.recent(tenant, 10)).hasSize(2);
	}

	@Test
	void slotsMissedWhileEveryProcessWasDownAreToldOnceInOneNotice() throws Exception {
		startSmtp();
		TenantId tenant = tenant("outage", "http://127.0.0.1:" + webhook.port() + "/logs/outage", "pro");
		DatabaseView database = this.targets
			.saveDatabase(tenant, DatabaseLabel.DEFAULT,
					new DatabaseSettings(new Secret("postgres://backup:pw@127.0.0.1:5432/shop"),
							new ScheduleFields("hourly", 0, null, null, null, "UTC"), null, null, null, null))
			.database();
		this.clock.set(Instant.parse("2026-11-20T03:10:00Z"));
		assertThat(this.missedSlots.sweep()).isZero();
		// the 06:00 slot had its run; nothing else ran while every process was down
		// from 03:10 to 09:10 (no sweep, no dispatcher)
		succeededRun(tenant, database, Instant.parse("2026-11-20T06:00:00Z"), Instant.parse("2026-11-20T06:05:00Z"),
				Instant.parse("2026-11-20T06:20:00Z"));

		this.clock.set(Instant.parse("2026-11-20T09:10:00Z"));
		assertThat(twice(() -> this.missedSlots.sweep())).as("two processes back at once")
			.containsExactlyInAnyOrder(4, 0);
		assertThat(this.missedSlots.sweep()).as("a second sweep finds nothing new").isZero();
		this.clock.set(Instant.parse("2026-11-20T09:40:00Z"));
		assertThat(this.missedSlots.sweep()).isZero();
		drain();
		String detail = "4 scheduled backups from 2026-11-20T04:00:00Z to 2026-11-20T08:00:00Z did not start:"
				+ " no backup started within 60 minutes of their slots";
		assertThat(this.notifications.recent(tenant, 10)).extracting(SentNotice::kind)
			.containsExactlyInAnyOrder("SCHEDULE_MISSED", Notifications.OUTCOME);
		assertThat(mailsTo("dev@outage.example")).containsExactly(
				"[Strongroom] The scheduled backup of DATABASE on outage did not run -> dev@outage.example");
		assertThat(GreenMailUtil.getBody(mailTo("dev@outage.example"))).contains(detail).doesNotContain("06:00:00Z");
		assertThat(this.notifications.recent(tenant, 10))
			.filteredOn((notice) -> notice.kind().equals(Notifications.OUTCOME))
			.singleElement()
			.satisfies((line) -> assertThat(line.text()).isEqualTo("backup missed database=DATABASE slots=4"
					+ " first=2026-11-20T04:00:00Z last=2026-11-20T08:00:00Z grace=3600s"));

		// the 09:00 slot is missed too: counted, not mailed again the same day
		this.clock.set(Instant.parse("2026-11-20T10:05:00Z"));
		assertThat(this.missedSlots.sweep()).isEqualTo(1);
		assertThat(mailsTo("dev@outage.example")).hasSize(1);
	}

	@Test
	void aRemovedDatabaseOrAddOnLeavesNoLedger() {
		TenantId tenant = tenant("ledger", null, "pro");
		this.targets.saveDatabase(tenant, DatabaseLabel.DEFAULT,
				new DatabaseSettings(new Secret("postgres://backup:pw@127.0.0.1:5432/shop"),
						new ScheduleFields("hourly", 0, null, null, null, "UTC"), null, null, null, null));
		DatabaseLabel other = new DatabaseLabel("OTHER");
		this.targets.saveDatabase(tenant, other,
				new DatabaseSettings(new Secret("postgres://backup:pw@127.0.0.1:5432/other"),
						new ScheduleFields("hourly", 30, null, null, null, "UTC"), null, null, null, null));
		this.missedSlots.sweep();
		assertThat(ledgerRows(tenant)).isEqualTo(2);

		this.targets.deleteDatabase(tenant, other);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledgerRows(tenant)).isEqualTo(1));
		this.missedSlots.sweep();
		assertThat(ledgerRows(tenant)).isEqualTo(1);

		this.transactions.executeWithoutResult(
				(tx) -> this.events.publishEvent(new TenantDeprovisioned(tenant, this.clock.instant())));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledgerRows(tenant)).isZero());
	}

	long ledgerRows(TenantId tenant) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notify_missed_slot_ledger WHERE tenant_id = :tenant")
			.param("tenant", tenant.value())
			.query(Long.class)
			.single();
	}

	/** A scheduled run that went from {@code launched} to {@code finished}. */
	void succeededRun(TenantId tenant, DatabaseView database, Instant slot, Instant launched, Instant finished) {
		this.jdbc.sql("""
				INSERT INTO run_backup (id, tenant_id, target_id, database_label, origin, slot, state, verification,
				    created_at, launched_at, started_at, finished_at)
				VALUES (:id, :tenant, :target, :label, 'SCHEDULE', :slot, 'SUCCEEDED', 'PENDING', :slot, :launched,
				    :launched, :finished)
				""")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant.value())
			.param("target", database.id().value())
			.param("label", database.label().value())
			.param("slot", DeliveryStore.time(slot))
			.param("launched", DeliveryStore.time(launched))
			.param("finished", DeliveryStore.time(finished))
			.update();
	}

	<T> List<T> twice(java.util.concurrent.Callable<T> task) throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
			java.util.concurrent.Callable<T> synchronised = () -> {
				start.await();
				return task.call();
			};
			List<java.util.concurrent.Future<T>> futures = pool.invokeAll(List.of(synchronised, synchronised));
			List<T> results = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	void publish(Object event) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
	}

	void awaitRecorded(TenantId tenant, int deliveries) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.notifications.recent(tenant, 10)).hasSize(deliveries));
	}

	MimeMessage mailTo(String address) {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.filter((m) -> subjectAndTo(m).endsWith("-> " + address))
			.findFirst()
			.orElseThrow();
	}

	List<String> mailsTo(String address) {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.map(this::subjectAndTo)
			.filter((mail) -> mail.endsWith("-> " + address))
			.toList();
	}

	String subjectAndTo(MimeMessage message) {
		try {
			return message.getSubject() + " -> " + message.getAllRecipients()[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static WireMockServer started(WireMockServer server) {
		server.start();
		return server;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fakes {

		static volatile TenantId owned;

		@Bean
		@Primary
		MutableClock notifyTestClock() {
			return new MutableClock(T0);
		}

		@Bean
		@Primary
		AppOwnerLookup testOwners() {
			return (tenant) -> tenant.equals(owned) ? Optional.of("owner@owned.example") : Optional.empty();
		}

	}

}
