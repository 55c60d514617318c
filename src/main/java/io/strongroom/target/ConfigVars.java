package io.strongroom.target;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.strongroom.tenant.TenantId;

/**
 * The customer app's config vars, written through the Platform API ({@code PATCH
 * /addons/{uuid}/config}) in Heroku mode. Implementations set every named var in one call
 * (a {@code null} value unsets it), so the app restarts once; they throw
 * {@link SecretStoreUnavailableException} when Heroku does not accept the change, and
 * never put a value into a log line or an exception message.
 */
interface ConfigVars {

	void set(TenantId tenant, Map<String, @Nullable String> vars);

}
