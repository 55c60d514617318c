package io.strongroom.system;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's Heroku settings (environment variables in brackets). Under the
 * {@code heroku} profile every secret must be set to a real value, or Strongroom refuses
 * to start and names it. In the embedded default, blank secrets are generated at start-up
 * so the {@code /dev} page works.
 *
 * @param addonId the manifest {@code id}, the Basic-auth user of partner calls
 * ({@code HEROKU_ADDON_ID})
 * @param addonPassword the manifest {@code api.password} ({@code HEROKU_ADDON_PASSWORD})
 * @param ssoSalt the manifest {@code api.sso_salt} ({@code HEROKU_SSO_SALT})
 * @param clientSecret the add-on's OAuth client secret ({@code HEROKU_CLIENT_SECRET})
 * @param apiUrl the Platform API ({@code HEROKU_API_URL})
 * @param idUrl Heroku's identity service ({@code HEROKU_ID_URL})
 */
@ConfigurationProperties("strongroom.heroku")
public record HerokuProperties(@DefaultValue("strongroom") String addonId, @Nullable String addonPassword,
		@Nullable String ssoSalt, @Nullable String clientSecret, @DefaultValue("https://api.heroku.com") URI apiUrl,
		@DefaultValue("https://id.heroku.com") URI idUrl) {

	@Override
	public String toString() {
		return "HerokuProperties[addonId=" + this.addonId + ", addonPassword=**redacted**, ssoSalt=**redacted**"
				+ ", clientSecret=**redacted**, apiUrl=" + this.apiUrl + ", idUrl=" + this.idUrl + "]";
	}

}
