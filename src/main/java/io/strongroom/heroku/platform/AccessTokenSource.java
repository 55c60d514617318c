package io.strongroom.heroku.platform;

import io.strongroom.tenant.TenantId;

/** Where the Platform API client gets an add-on's access token. */
interface AccessTokenSource {

	/**
	 * A token valid for at least the configured margin, refreshed first if needed.
	 * @throws io.strongroom.heroku.HerokuApiException if the add-on has no tokens or the
	 * refresh failed
	 */
	String current(TenantId addon);

	/**
	 * A fresh token after Heroku rejected {@code rejected} with 401; if another thread or
	 * process already refreshed it, that newer token.
	 */
	String refreshedAfterRejection(TenantId addon, String rejected);

}
