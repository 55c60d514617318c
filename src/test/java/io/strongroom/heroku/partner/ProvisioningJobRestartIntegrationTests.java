package io.strongroom.heroku.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.strongroom.StrongroomApplication;
import io.strongroom.secrets.SecretBox;
import io.strongroom.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioning job is durable: a process that answered 202 and stopped before doing
 * the work leaves it in the database, and another process started later on the same
 * database finishes it. The second process also runs with a rotated master key, so the
 * first one's sealed values are re-sealed at start-up and still open.
 */
class ProvisioningJobRestartIntegrationTests {

	@RegisterExtension
	static WireMockExtension heroku = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
		.build();

	private static final String PASSWORD = "restart-password-0123456789";

	private final TestDatabase.Coordinates database = TestDatabase.postgres();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSecondProcessWithARotatedKeyFinishesWhatTheFirstAccepted() throws Exception {
		String oldKey = randomKey();
		String newKey = randomKey();
		String uuid = UUID.randomUUID().toString();
		String syncUuid = UUID.randomUUID().toString();
		String syncRequest = "{\"uuid\":\"%s\",\"plan\":\"basic\",\"region\":\"eu\"}".formatted(syncUuid);
		heroku.stubFor(post("/oauth/token").willReturn(okJson("""
				{"access_token":"restart-access","expires_in":28800,"refresh_token":"restart-refresh"}""")));
		heroku.stubFor(get("/addons/" + uuid).willReturn(okJson("""
				{"id":"%s","app":{"id":"app-1","name":"acme"}}""".formatted(uuid))));
		heroku.stubFor(patch("/addons/" + uuid + "/config").willReturn(okJson("[]")));
		heroku.stubFor(
				post("/addons/" + uuid + "/actions/provision").willReturn(okJson("{\"id\":\"%s\"}".formatted(uuid))));

		String syncAnswer;
		try (ConfigurableApplicationContext first = start(false, oldKey, null)) {
			HttpResponse<String> response = provision(first, """
					{"uuid":"%s","plan":"test","region":"us","oauth_grant":{"code":"restart-grant"}}"""
				.formatted(uuid));
			assertThat(response.statusCode()).isEqualTo(202);
			HttpResponse<String> sync = provision(first, syncRequest);
			assertThat(sync.statusCode()).isEqualTo(200);
			syncAnswer = sync.body();
		}
		assertThat(heroku.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		JdbcTemplate jdbc = jdbc();
		assertThat(jdbc.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class,
				uuid))
			.isEqualTo("PENDING");

		try (ConfigurableApplicationContext second = start(true, newKey, oldKey)) {
			String newKeyId = second.getBean(SecretBox.class).currentKeyId();
			assertThat(jdbc.queryForObject("select api_token_sealed from heroku_provisioning where tenant_id = ?::uuid",
					String.class, syncUuid))
				.startsWith("v1:" + newKeyId + ":");
			HttpResponse<String> replay = provision(second, syncRequest);
			assertThat(replay.statusCode()).isEqualTo(200);
			assertThat(replay.body()).isEqualTo(syncAnswer);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!"PROVISIONED"
				.equals(jdbc.queryForObject("select state from tenant where id = ?::uuid", String.class, uuid))) {
				assertThat(System.nanoTime()).as("provisioned within 60 s").isLessThan(deadline);
				Thread.sleep(100);
			}
			assertThat(jdbc.queryForObject(
					"select access_token_sealed from heroku_oauth_token where tenant_id = ?::uuid", String.class, uuid))
				.startsWith("v1:" + newKeyId + ":");
		}
		heroku.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		heroku.verify(1, patchRequestedFor(urlEqualTo("/addons/" + uuid + "/config")));
		heroku.verify(1, postRequestedFor(urlEqualTo("/addons/" + uuid + "/actions/provision")));
		assertThat(jdbc.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class,
				uuid))
			.isEqualTo("DONE");
	}

	private HttpResponse<String> provision(ConfigurableApplicationContext context, String body) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(context) + "/heroku/resources"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("strongroom:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(boolean jobs, String masterKey, String previousKey) {
		return new SpringApplicationBuilder(StrongroomApplication.class).run("--server.port=0",
				"--strongroom.secrets.master-key=" + masterKey, "--spring.datasource.hikari.maximum-pool-size=5",
				"--strongroom.secrets.master-key-previous=" + ((previousKey != null) ? previousKey : ""),
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.user(),
				"--spring.datasource.password=" + this.database.password(),
				"--strongroom.base-url=https://strongroom.test", "--strongroom.heroku.async-provisioning=true",
				"--strongroom.heroku.jobs.enabled=" + jobs, "--strongroom.heroku.jobs.poll-interval=200ms",
				"--strongroom.heroku.addon-password=" + PASSWORD,
				"--strongroom.heroku.sso-salt=restart-salt-0123456789",
				"--strongroom.heroku.client-secret=restart-client-secret",
				"--strongroom.heroku.api-url=" + heroku.baseUrl(), "--strongroom.heroku.id-url=" + heroku.baseUrl());
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
	}

	private JdbcTemplate jdbc() {
		org.springframework.jdbc.datasource.DriverManagerDataSource dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				this.database.jdbcUrl(), this.database.user(), this.database.password());
		return new JdbcTemplate(dataSource);
	}

}
