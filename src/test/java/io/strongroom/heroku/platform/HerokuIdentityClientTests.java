package io.strongroom.heroku.platform;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.strongroom.heroku.HerokuApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** id.heroku.com's token endpoint as heroku-addon.md §4.2 and §4.3 describe it. */
class HerokuIdentityClientTests {

	@RegisterExtension
	static WireMockExtension id = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PlatformProperties properties = new PlatformProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
			3, Duration.ofMillis(10), Duration.ofSeconds(1), 10, Duration.ofMillis(10), Duration.ofMinutes(5));

	private HerokuIdentityClient client(String secret) {
		return new HerokuIdentityClient(new HerokuHttp(this.properties, (d) -> {
		}), URI.create(id.baseUrl() + "/"), secret, this.properties);
	}

	@Test
	void exchangesTheGrantWithExactlyTheThreeFormFields() {
		id.stubFor(post("/oauth/token").willReturn(okJson("""
				{"access_token":"a-1","expires_in":28800,"refresh_token":"r-1","token_type":"Bearer",
				 "user_id":"u","session_nonce":null}""")));

		TokenGrant grant = client("client-secret-1").exchange("grant code/+=");

		assertThat(grant.accessToken()).isEqualTo("a-1");
		assertThat(grant.refreshToken()).isEqualTo("r-1");
		assertThat(grant.expiresIn()).isEqualTo(Duration.ofHours(8));
		assertThat(grant.toString()).doesNotContain("a-1", "r-1");
		id.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withRequestBody(
					equalTo("grant_type=authorization_code&code=grant+code%2F%2B%3D&client_secret=client-secret-1")));
	}

	@Test
	void refreshesWithTheRefreshToken() {
		id.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\":\"a-2\",\"expires_in\":600}")));

		TokenGrant grant = client("client-secret-1").refresh("r-1");

		assertThat(grant.accessToken()).isEqualTo("a-2");
		assertThat(grant.refreshToken()).isNull();
		assertThat(grant.expiresIn()).isEqualTo(Duration.ofMinutes(10));
		id.verify(postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(equalTo("grant_type=refresh_token&refresh_token=r-1&client_secret=client-secret-1")));
	}

	@Test
	void aRefusedGrantIsNotRetriedAndItsMessageHoldsNoSecret() {
		id.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"code grant-secret-1 was used\"}")));

		assertThatExceptionOfType(HerokuApiException.class)
			.isThrownBy(() -> client("client-secret-1").exchange("grant-secret-1"))
			.withMessage("Exchanging the OAuth grant failed: id.heroku.com answered HTTP 400 (invalid_grant)")
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
		id.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void serverErrorsAreRetriedThenReportedAsRetryable() {
		id.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(502)));

		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> client("s").exchange("c"))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
		id.verify(3, postRequestedFor(urlEqualTo("/oauth/token")));
	}

	@Test
	void withoutAClientSecretNothingIsSent() {
		HerokuIdentityClient client = client("");
		assertThat(client.configured()).isFalse();
		assertThatExceptionOfType(HerokuApiException.class).isThrownBy(() -> client.exchange("c"))
			.withMessageContaining("HEROKU_CLIENT_SECRET");
		id.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
	}

}
