package io.strongroom.heroku.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.heroku.PartnerApiTestSupport;
import io.strongroom.secrets.SecretBoxException;
import io.strongroom.tenant.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Platform API tokens on PostgreSQL: exchanged once, sealed at rest and bound to their
 * add-on, refreshed before they expire and after Heroku rejects them.
 */
class OAuthTokensIntegrationTests extends PartnerApiTestSupport {

	@Autowired
	OAuthTokens tokens;

	@Autowired
	HerokuPlatformClient platform;

	@Test
	void exchangesOnceAndKeepsTheTokensSealedAndBoundToTheirAddon() {
		TenantId first = addonWithoutGrant();
		TenantId second = addonWithoutGrant();

		assertThat(this.tokens.exchangeGrant(first, "code-1")).isTrue();
		assertThat(this.tokens.exchangeGrant(first, "code-1")).isFalse();
		assertThat(this.tokens.exchangeGrant(second, "code-2")).isTrue();

		assertThat(heroku.findAll(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("code-1"))))
			.hasSize(1);
		String sealed = this.jdbc.queryForObject(
				"select access_token_sealed from heroku_oauth_token where tenant_id = ?", String.class, first.value());
		assertThat(sealed).startsWith("v1:").doesNotContain(ACCESS_TOKEN);
		assertThat(this.tokens.current(first)).isEqualTo(ACCESS_TOKEN);
		// a sealed token copied onto another add-on's row does not open there
		this.jdbc.update("update heroku_oauth_token set access_token_sealed = ? where tenant_id = ?", sealed,
				second.value());
		assertThatExceptionOfType(SecretBoxException.class).isThrownBy(() -> this.tokens.current(second));
	}

	@Test
	void refreshesShortlyBeforeTheTokenExpires() {
		TenantId addon = addonWithoutGrant();
		this.tokens.exchangeGrant(addon, "code-" + addon);
		heroku.stubFor(post("/oauth/token").withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(okJson("{\"access_token\":\"refreshed-access\",\"expires_in\":3600}")));
		this.jdbc.update("update heroku_oauth_token set expires_at = ? where tenant_id = ?",
				OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4), addon.value());

		assertThat(this.tokens.current(addon)).isEqualTo("refreshed-access");
		assertThat(this.tokens.current(addon)).isEqualTo("refreshed-access");

		heroku.verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(equalTo(
				"grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN + "&client_secret=" + CLIENT_SECRET)));
		Instant expiresAt = this.jdbc
			.queryForObject("select expires_at from heroku_oauth_token where tenant_id = ?", OffsetDateTime.class,
					addon.value())
			.toInstant();
		assertThat(expiresAt).isBetween(Instant.now().plus(55, ChronoUnit.MINUTES),
				Instant.now().plus(61, ChronoUnit.MINUTES));
		// the refresh answer had no refresh_token: the old one is kept
		assertThat(this.jdbc.queryForObject("select refresh_token_sealed from heroku_oauth_token where tenant_id = ?",
				String.class, addon.value()))
			.startsWith("v1:");
	}

	@Test
	void refreshesOnceAfterHerokuRejectsTheToken() {
		TenantId addon = addonWithoutGrant();
		this.tokens.exchangeGrant(addon, "code-" + addon);
		heroku.stubFor(post("/oauth/token").withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(okJson(
					"{\"access_token\":\"after-401\",\"refresh_token\":\"rotated-refresh\",\"expires_in\":28800}")));
		heroku.stubFor(get("/addons/" + addon).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
			.willReturn(aResponse().withStatus(401).withBody("{\"id\":\"unauthorized\"}")));
		heroku.stubFor(get("/addons/" + addon).withHeader("Authorization", equalTo("Bearer after-401"))
			.willReturn(okJson("{\"id\":\"%s\",\"app\":{\"id\":\"a\"}}".formatted(addon))));

		assertThat(this.platform.addon(addon).appId()).isEqualTo("a");

		heroku.verify(1,
				postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token")));
		assertThat(this.tokens.current(addon)).isEqualTo("after-401");
		heroku.stubFor(post("/oauth/token").withRequestBody(containing("refresh_token=rotated-refresh"))
			.willReturn(okJson("{\"access_token\":\"third\",\"expires_in\":28800}")));
		this.jdbc.update("update heroku_oauth_token set expires_at = ? where tenant_id = ?",
				OffsetDateTime.now(ZoneOffset.UTC), addon.value());
		assertThat(this.tokens.current(addon)).as("the rotated refresh token was stored").isEqualTo("third");
	}

	@Test
	void deprovisionErasesTheTokens() {
		TenantId addon = addonWithoutGrant();
		this.tokens.exchangeGrant(addon, "code-" + addon);
		assertThat(deprovision(addon.toString()).statusCode()).isEqualTo(204);
		assertThat(this.tokens.has(addon)).isFalse();
	}

	private TenantId addonWithoutGrant() {
		String uuid = newUuid();
		assertThat(provision("{\"uuid\":\"%s\",\"plan\":\"test\",\"region\":\"us\"}".formatted(uuid)).statusCode())
			.isEqualTo(200);
		return TenantId.of(uuid);
	}

}
