package io.strongroom.target;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.heroku.HerokuApiException;
import io.strongroom.heroku.HerokuPlatformClient;
import io.strongroom.tenant.TenantId;

/** Config vars through the Platform API ({@code PATCH /addons/{uuid}/config}). */
class HerokuConfigVars implements ConfigVars {

	private final HerokuPlatformClient heroku;

	HerokuConfigVars(HerokuPlatformClient heroku) {
		this.heroku = heroku;
	}

	@Override
	public void set(TenantId tenant, Map<String, @Nullable String> vars) {
		try {
			this.heroku.updateConfig(tenant, vars);
		}
		catch (HerokuApiException ex) {
			// The client's message names the call and status, never a value.
			throw new SecretStoreUnavailableException(
					"Heroku did not accept the config vars " + String.join(", ", vars.keySet()) + " (" + ex.getMessage()
							+ "). Nothing was saved; "
							+ (ex.retryable() ? "try again in a minute." : "check that the add-on is provisioned."),
					ex);
		}
	}

}
