package io.strongroom.heroku.partner;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /heroku/resources} (heroku-addon.md §2.2). Unknown fields are ignored:
 * Heroku may add some. {@link #toString()} hides the grant code and the log input URL.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProvisionRequest(@Nullable String uuid, @Nullable String name, @Nullable String plan, @Nullable String region,
		@JsonProperty("callback_url") @Nullable String callbackUrl,
		@JsonProperty("oauth_grant") @Nullable OAuthGrant oauthGrant, @Nullable Map<String, Object> options,
		@JsonProperty("log_input_url") @Nullable String logInputUrl) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OAuthGrant(@Nullable String code, @JsonProperty("expires_at") @Nullable String expiresAt,
			@Nullable String type) {

		@Override
		public String toString() {
			return "OAuthGrant[code=**redacted**, expiresAt=" + this.expiresAt + ", type=" + this.type + "]";
		}

	}

	@Override
	public String toString() {
		return "ProvisionRequest[uuid=" + this.uuid + ", name=" + this.name + ", plan=" + this.plan + ", region="
				+ this.region + ", oauthGrant=" + this.oauthGrant + ", logInputUrl="
				+ ((this.logInputUrl != null) ? "**redacted**" : null) + "]";
	}

}
