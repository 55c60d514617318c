package io.strongroom.heroku.platform;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.strongroom.heroku.DynoRequest;
import io.strongroom.heroku.HerokuAddon;
import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuApp;
import io.strongroom.heroku.HerokuAttachment;
import io.strongroom.heroku.HerokuDyno;
import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Platform API client against a fake Heroku built from the facts in heroku-addon.md
 * §4.4–§4.7: headers, paths, bodies, the 401 refresh, retries on 429 and 5xx and pacing
 * by {@code RateLimit-Remaining}.
 */
class HerokuPlatformClientContractTests {

	@RegisterExtension
	static WireMockExtension heroku = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final TenantId ADDON = new TenantId(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));

	static final String ACCEPT = "application/vnd.heroku+json; version=3";

	private final FakeTokens tokens = new FakeTokens();

	private final List<Duration> sleeps = new ArrayList<>();

	private RestHerokuPlatformClient client;

	private HerokuHttp http;

	@BeforeEach
	void client() {
		PlatformProperties properties = new PlatformProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
				Duration.ofMillis(100), Duration.ofSeconds(2), 10, Duration.ofMillis(800), Duration.ofMinutes(5));
		this.http = new HerokuHttp(properties, this.sleeps::add);
		this.client = new RestHerokuPlatformClient(this.http, this.tokens, URI.create(heroku.baseUrl()), properties);
	}

	@Test
	void readsTheAddonWithItsAppAsTheAddonItself() {
		heroku.stubFor(get("/addons/" + ADDON).willReturn(okJson("""
				{"id":"%s","name":"strongroom-cubed-12345","state":"provisioning",
				 "app":{"id":"6c8b9c2a-1111-2222-3333-444455556666","name":"acme-web"},
				 "plan":{"id":"x","name":"strongroom:basic"},"config_vars":["STRONGROOM_URL"],"new_field":1}
				""".formatted(ADDON))));

		HerokuAddon addon = this.client.addon(ADDON);

		assertThat(addon).isEqualTo(new HerokuAddon(ADDON.toString(), "strongroom-cubed-12345", "provisioning",
				"6c8b9c2a-1111-2222-3333-444455556666", "acme-web", "strongroom:basic"));
		heroku.verify(getRequestedFor(urlEqualTo("/addons/" + ADDON)).withHeader("Accept", equalTo(ACCEPT))
			.withHeader("Authorization", equalTo("Bearer access-1")));
	}

	@Test
	void readsTheAttachmentsWithTheNameThatIsTheConfigVarPrefixOnEachApp() {
		heroku.stubFor(get("/addons/" + ADDON + "/addon-attachments").willReturn(okJson("""
				[{"id":"a-1","name":"BACKUPS","namespace":null,
				  "addon":{"id":"%s","name":"strongroom-cubed-12345","app":{"id":"6c8b9c2a","name":"acme-web"}},
				  "app":{"id":"6c8b9c2a","name":"acme-web"},
				  "log_input_url":"https://token:t.01234567@1.us.logplex.io/logs","web_url":null},
				 {"id":"a-2","name":"STRONGROOM","app":{"id":"77aa","name":"acme-worker"}}]
				""".formatted(ADDON))));

		List<HerokuAttachment> attachments = this.client.attachments(ADDON);

		assertThat(attachments).containsExactly(
				new HerokuAttachment("BACKUPS", "6c8b9c2a", "acme-web",
						"https://token:t.01234567@1.us.logplex.io/logs"),
				new HerokuAttachment("STRONGROOM", "77aa", "acme-worker", null));
		heroku.verify(getRequestedFor(urlEqualTo("/addons/" + ADDON + "/addon-attachments"))
			.withHeader("Accept", equalTo(ACCEPT))
			.withHeader("Authorization", equalTo("Bearer access-1")));
	}

	@Test
	void readsTheAppOwnersEmail() {
		heroku.stubFor(get("/apps/6c8b9c2a").willReturn(okJson("""
				{"id":"6c8b9c2a","name":"acme-web","owner":{"email":"owner@acme.test","id":"u-1"},
				 "region":{"id":"r","name":"eu"}}""")));

		HerokuApp app = this.client.app(ADDON, "6c8b9c2a");

		assertThat(app).isEqualTo(new HerokuApp("6c8b9c2a", "acme-web", "owner@acme.test", "u-1", "eu"));
	}

	@Test
	void patchesConfigVarsAsHerokusNameValueList() {
		heroku.stubFor(patch("/addons/" + ADDON + "/config").willReturn(okJson("[]")));
		Map<String, @Nullable String> config = new LinkedHashMap<>();
		config.put("STRONGROOM_URL", "https://strongroom.test/api/v1");
		config.put("STRONGROOM_OLD", null);

		this.client.updateConfig(ADDON, config);

		heroku
			.verify(patchRequestedFor(urlEqualTo("/addons/" + ADDON + "/config")).withHeader("Accept", equalTo(ACCEPT))
				.withHeader("Content-Type", equalTo("application/json"))
				.withHeader("Authorization", equalTo("Bearer access-1"))
				.withRequestBody(equalToJson("""
						{"config":[{"name":"STRONGROOM_URL","value":"https://strongroom.test/api/v1"},
						           {"name":"STRONGROOM_OLD","value":null}]}""")));
	}

	@Test
	void marksTheAddonProvisioned() {
		heroku.stubFor(post("/addons/" + ADDON + "/actions/provision")
			.willReturn(okJson("{\"id\":\"%s\",\"state\":\"provisioned\"}".formatted(ADDON))));

		assertThat(this.client.markProvisioned(ADDON).state()).isEqualTo("provisioned");
		heroku.verify(postRequestedFor(urlEqualTo("/addons/" + ADDON + "/actions/provision"))
			.withHeader("Accept", equalTo(ACCEPT))
			.withHeader("Authorization", equalTo("Bearer access-1")));
	}

	@Test
	void startsADetachedDynoAndReadsIt() {
		heroku.stubFor(post("/apps/acme-web/dynos")
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
					{"id":"d-1","name":"run.1234","state":"starting","size":"standard-1X",
					 "created_at":"2026-11-22T03:00:00Z","attach_url":null}""")));
		heroku.stubFor(get("/apps/acme-web/dynos/run.1234")
			.willReturn(okJson("{\"id\":\"d-1\",\"name\":\"run.1234\",\"state\":\"up\"}")));

		HerokuDyno dyno = this.client.createDyno(ADDON, "acme-web", new DynoRequest("strongroom backup",
				Map.of("STRONGROOM_RUN_TICKET", "ticket-secret"), "standard-2X", Duration.ofHours(6)));

		assertThat(dyno.name()).isEqualTo("run.1234");
		assertThat(dyno.createdAt()).hasToString("2026-11-22T03:00:00Z");
		heroku.verify(postRequestedFor(urlEqualTo("/apps/acme-web/dynos")).withRequestBody(equalToJson("""
				{"command":"strongroom backup","attach":false,"type":"run:detached",
				 "env":{"STRONGROOM_RUN_TICKET":"ticket-secret"},"size":"standard-2X","time_to_live":21600}""")));
		assertThat(this.client.dyno(ADDON, "acme-web", "run.1234").state()).isEqualTo("up");
	}

	@Test
	void refreshesTheTokenOnceAfterA401() {
		heroku.stubFor(get("/addons/" + ADDON).withHeader("Authorization", equalTo("Bearer access-1"))
			.willReturn(aResponse().withStatus(401).withBody("{\"id\":\"unauthorized\",\"message\":\"Expired\"}")));
		heroku.stubFor(get("/addons/" + ADDON).withHeader("Authorization", equalTo("Bearer access-2"))
			.willReturn(okJson("{\"id\":\"%s\"}".formatted(ADDON))));

		assertThat(this.client.addon(ADDON).id()).isEqualTo(ADDON.toString());
		assertThat(this.tokens.rejected).containsExactly("access-1");
	}

	@Test
	void givesUpAfterASecond401WithoutLeakingTheToken() {
		heroku.stubFor(get("/addons/" + ADDON)
			.willReturn(aResponse().withStatus(401).withBody("{\"id\":\"unauthorized\",\"message\":\"Invalid\"}")));

		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> this.client.addon(ADDON))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.errorId()).isEqualTo("unauthorized");
			})
			.withMessageNotContaining("access-");
	}

	@Test
	void retriesRateLimitedAndFailingCallsWithGrowingBackoff() {
		heroku.stubFor(patch("/addons/" + ADDON + "/config").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("RateLimit-Remaining", "0")
				.withBody("{\"id\":\"rate_limit\",\"message\":\"Your account reached the API rate limit\"}"))
			.willSetStateTo("503"));
		heroku.stubFor(patch("/addons/" + ADDON + "/config").inScenario("flaky")
			.whenScenarioStateIs("503")
			.willReturn(aResponse().withStatus(503).withHeader("RateLimit-Remaining", "4000"))
			.willSetStateTo("ok"));
		heroku.stubFor(patch("/addons/" + ADDON + "/config").inScenario("flaky")
			.whenScenarioStateIs("ok")
			.willReturn(okJson("[]").withHeader("RateLimit-Remaining", "3999")));

		this.client.updateConfig(ADDON, Map.of("STRONGROOM_URL", "https://x.test"));

		heroku.verify(3, patchRequestedFor(urlEqualTo("/addons/" + ADDON + "/config")));
		// backoff 100 ms, then the pause for RateLimit-Remaining 0, then 200 ms
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofMillis(200));
		assertThat(this.http.rateLimitRemaining()).isEqualTo(3999);
	}

	@Test
	void honoursRetryAfter() {
		heroku.stubFor(get("/addons/" + ADDON).inScenario("retry-after")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("ok"));
		heroku.stubFor(get("/addons/" + ADDON).inScenario("retry-after")
			.whenScenarioStateIs("ok")
			.willReturn(okJson("{\"id\":\"%s\"}".formatted(ADDON))));

		this.client.addon(ADDON);

		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void aRetryAfterBeyondTheLongestBackoffEndsTheCallAsRetryable() {
		heroku
			.stubFor(get("/addons/" + ADDON).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> this.client.addon(ADDON))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
		heroku.verify(1, getRequestedFor(urlEqualTo("/addons/" + ADDON)));
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void stopsAfterMaxAttemptsOnServerErrors() {
		heroku.stubFor(get("/addons/" + ADDON).willReturn(aResponse().withStatus(500)));

		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> this.client.addon(ADDON))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(500);
				assertThat(ex.retryable()).isTrue();
			});
		heroku.verify(4, getRequestedFor(urlEqualTo("/addons/" + ADDON)));
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
	}

	@Test
	void stopsADynoWithAnEmptyPostAndRetriesItLikeARead() {
		heroku.stubFor(post("/apps/acme-web/dynos/d-1/actions/stop").inScenario("stop")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("ok"));
		heroku.stubFor(post("/apps/acme-web/dynos/d-1/actions/stop").inScenario("stop")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));

		this.client.stopDyno(ADDON, "acme-web", "d-1");

		heroku.verify(2,
				postRequestedFor(urlEqualTo("/apps/acme-web/dynos/d-1/actions/stop"))
					.withHeader("Accept", equalTo(ACCEPT))
					.withHeader("Authorization", equalTo("Bearer access-1")));
	}

	@Test
	void stoppingADynoThatIsGoneSucceeds() {
		heroku.stubFor(post("/apps/acme-web/dynos/run.7/actions/stop").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that process.\"}")));

		this.client.stopDyno(ADDON, "acme-web", "run.7");

		heroku.verify(1, postRequestedFor(urlEqualTo("/apps/acme-web/dynos/run.7/actions/stop")));
	}

	@Test
	void aStopHerokuRefusesSaysSo() {
		heroku.stubFor(post("/apps/acme-web/dynos/d-1/actions/stop").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"forbidden\",\"message\":\"You do not have access to the app.\"}")));

		assertThatExceptionOfType(HerokuApiException.class)
			.isThrownBy(() -> this.client.stopDyno(ADDON, "acme-web", "d-1"))
			.withMessageStartingWith("Stopping dyno d-1 of app acme-web failed: HTTP 403 (forbidden)");
	}

	@Test
	void neverRetriesAFailedDynoCreationThatMayHaveHappened() {
		heroku.stubFor(post("/apps/acme-web/dynos").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(HerokuApiException.class)
			.isThrownBy(() -> this.client.createDyno(ADDON, "acme-web", new DynoRequest("x", Map.of(), null, null)));
		heroku.verify(1, postRequestedFor(urlEqualTo("/apps/acme-web/dynos")));
	}

	@Test
	void retriesDynoCreationWhileTheReleaseIsNotReady() {
		heroku.stubFor(post("/apps/acme-web/dynos").inScenario("release")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(409))
			.willSetStateTo("ready"));
		heroku.stubFor(post("/apps/acme-web/dynos").inScenario("release")
			.whenScenarioStateIs("ready")
			.willReturn(okJson("{\"id\":\"d-2\"}")));

		assertThat(this.client.createDyno(ADDON, "acme-web", new DynoRequest("x", Map.of(), null, null)).id())
			.isEqualTo("d-2");
	}

	@Test
	void clientErrorsAreNotRetriedAndNameTheCall() {
		heroku.stubFor(get("/apps/gone-app").willReturn(aResponse().withStatus(404)
			.withBody("{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}")));

		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> this.client.app(ADDON, "gone-app"))
			.withMessage("Reading app gone-app failed: HTTP 404 (not_found): Couldn't find that app.")
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
		heroku.verify(1, getRequestedFor(urlEqualTo("/apps/gone-app")));
	}

	@Test
	void pacesCallsWhileTheRateLimitIsLow() {
		heroku.stubFor(get("/addons/" + ADDON)
			.willReturn(okJson("{\"id\":\"%s\"}".formatted(ADDON)).withHeader("RateLimit-Remaining", "3")));

		this.client.addon(ADDON);
		assertThat(this.sleeps).isEmpty();
		this.client.addon(ADDON);
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(800));
	}

	@Test
	void dynoRequestsNeverPrintTheirEnvironment() {
		assertThat(new DynoRequest("x", Map.of("STRONGROOM_RUN_TICKET", "ticket-secret"), null, null).toString())
			.contains("STRONGROOM_RUN_TICKET")
			.doesNotContain("ticket-secret");
	}

	/** Hands out access-1, then access-2 after a rejection. */
	static final class FakeTokens implements AccessTokenSource {

		final List<String> rejected = new ArrayList<>();

		private String current = "access-1";

		@Override
		public String current(TenantId addon) {
			return this.current;
		}

		@Override
		public String refreshedAfterRejection(TenantId addon, String rejected) {
			this.rejected.add(rejected);
			this.current = "access-" + (this.rejected.size() + 1);
			return this.current;
		}

	}

}
