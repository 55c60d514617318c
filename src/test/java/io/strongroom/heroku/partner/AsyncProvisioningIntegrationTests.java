package io.strongroom.heroku.partner;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.heroku.PartnerApiTestSupport;
import io.strongroom.heroku.platform.OAuthTokens;
import io.strongroom.secrets.SecretBox;
import io.strongroom.system.StrongroomProperties;
import io.strongroom.tenant.ApiTokens;
import io.strongroom.tenant.TenantRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous provisioning (heroku-addon.md §2.2 and the ❗ async row of §6): 202 at
 * once, then the durable job exchanges the grant, reads the add-on, sets the config vars
 * and marks the add-on provisioned, retrying 429 and 5xx.
 */
@TestPropertySource(properties = "strongroom.heroku.async-provisioning=true")
class AsyncProvisioningIntegrationTests extends PartnerApiTestSupport {

	static final String ACCEPT = "application/vnd.heroku+json; version=3";

	@Autowired
	ProvisioningJobRepository jobs;

	@Autowired
	TenantRepository tenants;

	@Autowired
	OAuthTokens tokens;

	@Autowired
	HerokuPlatformClient platform;

	@Autowired
	SecretBox box;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	PartnerProperties properties;

	@Autowired
	StrongroomProperties strongroom;

	@Test
	void answers202ThenExchangesSetsConfigAndMarksProvisionedInOrder() {
		String uuid = newUuid();
		// a slow id.heroku.com proves the exchange is not part of the request
		heroku.stubFor(post("/oauth/token").willReturn(okJson("""
				{"access_token":"%s","expires_in":28800,"refresh_token":"%s"}""".formatted(ACCESS_TOKEN, REFRESH_TOKEN))
			.withFixedDelay(1500)));
		long started = System.nanoTime();
		HttpResponse<String> response = provision(provisionBody(uuid, "basic", "grant-" + uuid));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		JsonNode body = parse(response.body());
		assertThat(body.propertyNames()).containsExactly("id", "message");
		assertThat(body.get("id").asString()).isEqualTo(uuid);
		assertThat(state(uuid)).isEqualTo("PROVISIONING");
		HttpResponse<String> replay = provision(provisionBody(uuid, "basic", "grant-" + uuid));
		assertThat(replay.statusCode()).isEqualTo(202);
		assertThat(parse(replay.body())).isEqualTo(body);

		await("the add-on is provisioned", () -> "PROVISIONED".equals(state(uuid)));

		List<ServeEvent> calls = callsFor(uuid);
		assertThat(calls).extracting((e) -> e.getRequest().getMethod().value() + " " + e.getRequest().getUrl())
			.containsExactly("POST /oauth/token", "GET /addons/" + uuid, "GET /addons/" + uuid + "/addon-attachments",
					"PATCH /addons/" + uuid + "/config", "POST /addons/" + uuid + "/actions/provision");
		assertThat(calls.get(0).getRequest().getBodyAsString())
			.isEqualTo("grant_type=authorization_code&code=grant-" + uuid + "&client_secret=" + CLIENT_SECRET);
		for (ServeEvent call : calls.subList(1, 5)) {
			assertThat(call.getRequest().getHeader("Accept")).isEqualTo(ACCEPT);
			assertThat(call.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
		}
		JsonNode config = parse(calls.get(3).getRequest().getBodyAsString()).get("config");
		assertThat(config.get(0).get("name").asString()).isEqualTo("STRONGROOM_URL");
		assertThat(config.get(0).get("value").asString()).isEqualTo("https://strongroom.test/api/v1");
		assertThat(config.get(1).get("name").asString()).isEqualTo("STRONGROOM_API_TOKEN");
		String token = config.get(1).get("value").asString();
		assertThat(ApiTokens.hash(token)).isEqualTo(
				this.jdbc.queryForObject("select api_token_hash from tenant where id = ?::uuid", String.class, uuid));
		assertThat(this.jdbc.queryForMap("select * from heroku_provisioning where tenant_id = ?::uuid", uuid))
			.containsEntry("state", "DONE")
			.containsEntry("api_token_sealed", null)
			.containsEntry("grant_code_sealed", null);
		assertThat(this.jdbc.queryForObject("select heroku_app_id from tenant where id = ?::uuid", String.class, uuid))
			.isEqualTo(APP_ID);
		assertThat(
				this.jdbc.queryForObject("select attachment_name from tenant where id = ?::uuid", String.class, uuid))
			.as("the name its config vars have on the app")
			.isEqualTo("STRONGROOM");
	}

	@Test
	void retriesRateLimitsAndServerErrorsWithinACallAndAcrossAttempts() {
		String uuid = newUuid();
		String config = "/addons/" + uuid + "/config";
		// five 500s exhaust one call's attempts, so the job retries later; a 429 precedes
		// them
		String state = Scenario.STARTED;
		String[] answers = { "429", "500", "500", "500", "500", "500" };
		for (int i = 0; i < answers.length; i++) {
			heroku.stubFor(patch(config).inScenario("config")
				.whenScenarioStateIs(state)
				.willReturn(
						aResponse().withStatus(Integer.parseInt(answers[i])).withHeader("RateLimit-Remaining", "100"))
				.willSetStateTo("after-" + i));
			state = "after-" + i;
		}
		heroku.stubFor(patch(config).inScenario("config").whenScenarioStateIs(state).willReturn(okJson("[]")));
		heroku.stubFor(post("/addons/" + uuid + "/actions/provision").inScenario("provision")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		heroku.stubFor(post("/addons/" + uuid + "/actions/provision").inScenario("provision")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"id\":\"%s\",\"state\":\"provisioned\"}".formatted(uuid))));

		assertThat(provision(provisionBody(uuid, "test", "grant-" + uuid)).statusCode()).isEqualTo(202);

		await("the add-on is provisioned", () -> "PROVISIONED".equals(state(uuid)));
		assertThat(callsFor(uuid))
			.extracting((e) -> e.getRequest().getMethod().value() + " " + e.getResponse().getStatus())
			.containsExactly("POST 200", "GET 200", "GET 200", "PATCH 429", "PATCH 500", "PATCH 500", "PATCH 500",
					"PATCH 500", "PATCH 500", "PATCH 200", "POST 503", "POST 200");
		assertThat(this.jdbc.queryForObject("select attempts from heroku_provisioning where tenant_id = ?::uuid",
				Integer.class, uuid))
			.isZero();
	}

	@Test
	void workersInSeveralProcessesClaimEachJobOnce() throws Exception {
		// extra workers as other web processes would run them, racing this context's own
		List<ProvisioningWorker> workers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			workers.add(new ProvisioningWorker(this.jobs, this.tenants, this.tokens, this.platform, this.box,
					new TransactionTemplate(this.transactionManager), this.properties,
					Provisioning.apiUrl(this.strongroom), Clock.systemUTC()));
		}
		List<String> uuids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			uuids.add(newUuid());
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> running = new ArrayList<>();
			for (ProvisioningWorker worker : workers) {
				running.add(pool.submit(() -> {
					go.await();
					long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
					while (System.nanoTime() < until) {
						worker.runDue();
					}
					return null;
				}));
			}
			go.countDown();
			for (String uuid : uuids) {
				assertThat(provision(provisionBody(uuid, "test", "grant-" + uuid)).statusCode()).isEqualTo(202);
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (String uuid : uuids) {
			await("add-on " + uuid + " is provisioned", () -> "PROVISIONED".equals(state(uuid)));
			assertThat(heroku.findAll(postRequestedFor(urlEqualTo("/oauth/token"))
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=grant-" + uuid))))
				.hasSize(1);
			assertThat(heroku.findAll(postRequestedFor(urlEqualTo("/addons/" + uuid + "/actions/provision"))))
				.hasSize(1);
		}
	}

	private String state(String uuid) {
		return this.jdbc.queryForObject("select state from tenant where id = ?::uuid", String.class, uuid);
	}

	/**
	 * Heroku calls for one add-on, oldest first (the token call is matched by its grant).
	 */
	private static List<ServeEvent> callsFor(String uuid) {
		List<ServeEvent> events = new ArrayList<>(heroku.getAllServeEvents());
		events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
		return events.stream()
			.filter((e) -> e.getRequest().getUrl().contains(uuid)
					|| e.getRequest().getBodyAsString().contains("code=grant-" + uuid))
			.toList();
	}

}
