package io.strongroom.target;

import java.util.List;
import java.util.Map;

import io.strongroom.runner.Engine;
import io.strongroom.runner.Secret;
import io.strongroom.tenant.TenantId;

/**
 * Everything needed to start one backup of one database: what goes into the runner's spec
 * (names of environment variables, never their values) and, for runners that Strongroom
 * starts itself, the environment holding the secrets. In Heroku mode {@code environment}
 * is empty: the dyno inherits the customer's config vars, under the names
 * {@code configVars} gives (the add-on's attachment name is their prefix).
 */
public record RunnableTarget(TenantId tenant, String addonName, TargetId target, DatabaseLabel label, Engine engine,
		String databaseUrlEnv, List<String> excludeTables, Map<String, Object> options, DestinationAccess destination,
		String encryptionKeyEnv, Map<String, Secret> environment, AppConfigVars configVars) {

	@Override
	public String toString() {
		return "RunnableTarget[" + this.tenant + "/" + this.label + "]";
	}

}
