package io.strongroom.heroku.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.strongroom.StrongroomApplication;
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
 * database finishes it.
 */
class ProvisioningJobRestartIntegrationTests {

	@RegisterExtension
	static WireMockExtension heroku = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)))
		.build();

	private final TestDatabase.Coordinates database = TestDatabase.postgres();

	@Test
	void aSecondProcessFinishesWhatTheFirstAccepted() throws Exception {
		String uuid = UUID.randomUUID().toString();
		heroku.stubFor(post("/oauth/token").willReturn(okJson("""
				{"access_token":"restart-access","expires_in":28800,"refresh_token":"restart-refresh"}""")));
		heroku.stubFor(get("/addons/" + uuid).willReturn(okJson("""
				{"id":"%s","app":{"id":"app-1","name":"acme"}}""".formatted(uuid))));
		heroku.stubFor(patch("/addons/" + uuid + "/config").willReturn(okJson("[]")));
		heroku.stubFor(
				post("/addons/" + uuid + "/actions/provision").willReturn(okJson("{\"id\":\"%s\"}".formatted(uuid))));

		try (ConfigurableApplicationContext first = start(false)) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(first) + "/heroku/resources"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("strongroom:restart-password-0123456789".getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"uuid":"%s","plan":"test","region":"us","oauth_grant":{"code":"restart-grant"}}"""
						.formatted(uuid)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(202);
		}
		assertThat(heroku.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		JdbcTemplate jdbc = jdbc();
		assertThat(jdbc.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class,
				uuid))
			.isEqualTo("PENDING");

		try (ConfigurableApplicationContext second = start(true)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!"PROVISIONED"
				.equals(jdbc.queryForObject("select state from tenant where id = ?::uuid", String.class, uuid))) {
				assertThat(System.nanoTime()).as("provisioned within 60 s").isLessThan(deadline);
				Thread.sleep(100);
			}
		}
		heroku.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		heroku.verify(1, patchRequestedFor(urlEqualTo("/addons/" + uuid + "/config")));
		heroku.verify(1, postRequestedFor(urlEqualTo("/addons/" + uuid + "/actions/provision")));
		assertThat(jdbc.queryForObject("select state from heroku_provisioning where tenant_id = ?::uuid", String.class,
				uuid))
			.isEqualTo("DONE");
	}

	private ConfigurableApplicationContext start(boolean jobs) {
		return new SpringApplicationBuilder(StrongroomApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.user(),
				"--spring.datasource.password=" + this.database.password(),
				"--strongroom.base-url=https://strongroom.test", "--strongroom.heroku.async-provisioning=true",
				"--strongroom.heroku.jobs.enabled=" + jobs, "--strongroom.heroku.jobs.poll-interval=200ms",
				"--strongroom.heroku.addon-password=restart-password-0123456789",
				"--strongroom.heroku.sso-salt=restart-salt-0123456789",
				"--strongroom.heroku.client-secret=restart-client-secret",
				"--strongroom.heroku.api-url=" + heroku.baseUrl(), "--strongroom.heroku.id-url=" + heroku.baseUrl());
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
