package io.strongroom.heroku;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.strongroom.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The whole application on PostgreSQL, reached over real HTTP, with Heroku (Platform API
 * and id.heroku.com) faked by WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "strongroom.base-url=https://strongroom.test", "logging.level.io.strongroom=DEBUG",
				"strongroom.heroku.jobs.poll-interval=200ms", "strongroom.heroku.jobs.initial-backoff=100ms",
				"strongroom.heroku.platform.initial-backoff=20ms", "strongroom.heroku.platform.rate-limit-pause=20ms",
				// the suite keeps many contexts open on one PostgreSQL; keep this one's
				// share small
				"spring.datasource.hikari.maximum-pool-size=5", "spring.datasource.hikari.minimum-idle=1" })
@Import({ TestDatabases.class, TenantEventsRecorder.class })
// closed after each class: the whole suite shares one PostgreSQL's connection limit with
// other work trees
@DirtiesContext
public abstract class PartnerApiTestSupport {

	public static final String ADDON_ID = "strongroom";

	public static final String PASSWORD = "addon-password-0123456789abcdef";

	public static final String CLIENT_SECRET = "client-secret-01234567-89ab-cdef";

	public static final String ACCESS_TOKEN = "heroku-access-token-4f1c";

	public static final String REFRESH_TOKEN = "heroku-refresh-token-9b2e";

	public static final String APP_ID = "6c8b9c2a-1111-2222-3333-444455556666";

	/**
	 * One fake Heroku for the whole test JVM, so an application context always finds it
	 * at the URL it was started with.
	 */
	protected static final WireMockServer heroku = startHeroku();

	protected static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void heroku(DynamicPropertyRegistry registry) {
		registry.add("strongroom.heroku.api-url", heroku::baseUrl);
		registry.add("strongroom.heroku.id-url", heroku::baseUrl);
		registry.add("strongroom.heroku.addon-id", () -> ADDON_ID);
		registry.add("strongroom.heroku.addon-password", () -> PASSWORD);
		registry.add("strongroom.heroku.sso-salt", () -> "sso-salt-0123456789abcdef");
		registry.add("strongroom.heroku.client-secret", () -> CLIENT_SECRET);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected TenantEventsRecorder events;

	protected final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void fakeHeroku() {
		heroku.resetAll();
		stubHeroku();
		this.events.clear();
	}

	/** A Heroku that accepts everything; tests override single stubs. */
	protected static void stubHeroku() {
		heroku.stubFor(post("/oauth/token").willReturn(okJson("""
				{"access_token":"%s","expires_in":28800,"refresh_token":"%s","token_type":"Bearer"}"""
			.formatted(ACCESS_TOKEN, REFRESH_TOKEN))));
		heroku.stubFor(get(urlPathMatching("/addons/[0-9a-f-]+")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("RateLimit-Remaining", "4000")
			.withTransformers("response-template")
			.withBody("""
					{"id":"{{request.pathSegments.[1]}}","name":"strongroom-cubed-1","state":"provisioning",
					 "app":{"id":"%s","name":"acme-web"},"plan":{"name":"strongroom:test"}}""".formatted(APP_ID))));
		heroku.stubFor(patch(urlPathMatching("/addons/[0-9a-f-]+/config")).willReturn(okJson("[]")));
		heroku.stubFor(get(urlPathMatching("/addons/[0-9a-f-]+/addon-attachments"))
			.willReturn(okJson(attachments(new String[] { "STRONGROOM", APP_ID, "acme-web" }))));
		heroku.stubFor(post(urlPathMatching("/addons/[0-9a-f-]+/actions/provision"))
			.willReturn(okJson("{\"id\":\"x\",\"state\":\"provisioned\"}")));
	}

	/**
	 * The body of {@code GET /addons/{uuid}/addon-attachments} (heroku-addon.md §4.5,
	 * §5): one attachment per {@code {name, app id, app name}}, each with its own log
	 * input URL, which holds a credential.
	 */
	protected static String attachments(String[]... attachments) {
		StringBuilder body = new StringBuilder("[");
		for (String[] attachment : attachments) {
			if (body.length() > 1) {
				body.append(',');
			}
			body.append("""
					{"id":"%s","name":"%s","app":{"id":"%s","name":"%s"},"addon":{"name":"strongroom-cubed-1"},
					 "log_input_url":"https://token:t.%s@1.us.logplex.io/logs"}""".formatted(UUID.randomUUID(),
					attachment[0], attachment[1], attachment[2], LOG_TOKEN));
		}
		return body.append(']').toString();
	}

	/** The credential in every fake attachment's log input URL. */
	public static final String LOG_TOKEN = "logplex-credential-6d1e";

	private static WireMockServer startHeroku() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-heroku-stop"));
		return server;
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	protected static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A request as Heroku sends it: Basic auth, JSON, Heroku's Accept header. */
	protected HttpRequest.Builder heroku(String path) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic(ADDON_ID, PASSWORD))
			.header("Content-Type", "application/json")
			.header("Accept", "application/vnd.heroku-addons+json; version=3");
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected HttpResponse<String> provision(String body) {
		return send(heroku("/heroku/resources").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	protected HttpResponse<String> changePlan(String uuid, String body) {
		return send(heroku("/heroku/resources/" + uuid).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	protected HttpResponse<String> deprovision(String uuid) {
		return send(heroku("/heroku/resources/" + uuid).DELETE().build());
	}

	/** Heroku's v3 provision request (heroku-addon.md §6), with an unknown field. */
	protected static String provisionBody(String uuid, String plan, String grantCode) {
		return """
				{"uuid":"%s","name":"strongroom-cubed-1","plan":"%s",
				 "region":"amazon-web-services::us-east-1","callback_url":"https://api.heroku.com/addons/%s",
				 "oauth_grant":{"code":"%s","expires_at":"2026-11-22T00:05:00Z","type":"authorization_code"},
				 "options":{"foo":"bar"},"log_input_url":"https://token:t.%s@1.us.logplex.io/logs",
				 "a_field_heroku_added_later":{"nested":[1,2,3]}}""".formatted(uuid, plan, uuid, grantCode, uuid);
	}

	protected static String newUuid() {
		return UUID.randomUUID().toString();
	}

	protected static JsonNode parse(String body) {
		return json.readTree(body);
	}

	protected static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
