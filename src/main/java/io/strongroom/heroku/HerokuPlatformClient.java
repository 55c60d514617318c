package io.strongroom.heroku;

import java.util.List;
import java.util.Map;

import io.strongroom.tenant.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Heroku's Platform API, called with one add-on's own OAuth token (heroku-addon.md §4).
 * <p>
 * Contract every implementation keeps:
 * <ul>
 * <li>Each call authenticates with the access token of {@code addon}, refreshing it
 * shortly before it expires and once after a 401; it sends
 * {@code Accept: application/vnd.heroku+json; version=3}.</li>
 * <li>429 and 5xx answers are retried with exponential backoff (honouring
 * {@code Retry-After}), and calls are paced while {@code RateLimit-Remaining} is low.
 * Calls that would not be safe to repeat ({@link #createDyno}) are retried only when
 * Heroku says nothing was done (429, 409).</li>
 * <li>Failures throw {@link HerokuApiException}; it says whether retrying later may help,
 * and neither it nor any log line contains a token or a config var value.</li>
 * <li>Calls block the calling thread; never call them inside a database transaction or an
 * HTTP request that Heroku waits on.</li>
 * </ul>
 */
public interface HerokuPlatformClient {

	/** {@code GET /addons/{uuid}}: the add-on, its app and its state. */
	HerokuAddon addon(TenantId addon);

	/**
	 * {@code GET /addons/{uuid}/addon-attachments}: every app the add-on is attached to,
	 * and under which name (the prefix of its config vars there).
	 */
	List<HerokuAttachment> attachments(TenantId addon);

	/** {@code GET /apps/{app}}: the app, with its owner's email (for mail, never SSO). */
	HerokuApp app(TenantId addon, String appIdOrName);

	/**
	 * {@code PATCH /addons/{uuid}/config}: sets (or, with a {@code null} value, removes)
	 * config vars on every app the add-on is attached to. After provisioning this
	 * releases and restarts those apps.
	 */
	void updateConfig(TenantId addon, Map<String, @Nullable String> configVars);

	/**
	 * {@code POST /addons/{uuid}/actions/provision}: completes asynchronous provisioning.
	 */
	HerokuAddon markProvisioned(TenantId addon);

	/**
	 * {@code POST /apps/{app}/dynos}: starts a detached one-off dyno on the customer's
	 * app. Not idempotent: a retry after an unclear failure could start a second dyno, so
	 * only 429 and 409 (release not ready) are retried.
	 */
	HerokuDyno createDyno(TenantId addon, String appIdOrName, DynoRequest request);

	/** {@code GET /apps/{app}/dynos/{dyno}}. */
	HerokuDyno dyno(TenantId addon, String appIdOrName, String dynoIdOrName);

	/**
	 * {@code POST /apps/{app}/dynos/{dyno}/actions/stop}: stops a dyno (a one-off dyno is
	 * not restarted). A dyno that is already gone (404) counts as stopped; repeating the
	 * call is harmless, so it is retried like a read.
	 */
	void stopDyno(TenantId addon, String appIdOrName, String dynoIdOrName);

}
