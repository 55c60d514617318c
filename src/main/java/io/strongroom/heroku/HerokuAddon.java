package io.strongroom.heroku;

import org.jspecify.annotations.Nullable;

/**
 * An add-on as the Platform API describes it. {@code appId} is stable; {@code appName}
 * changes when the customer renames the app.
 *
 * @param id the add-on's uuid
 * @param name the add-on's globally unique name
 * @param state {@code provisioning}, {@code provisioned} or {@code deprovisioned}
 * @param appId the owning app's id
 * @param appName the owning app's current name
 * @param planName the plan as {@code strongroom:basic}
 */
public record HerokuAddon(String id, @Nullable String name, @Nullable String state, @Nullable String appId,
		@Nullable String appName, @Nullable String planName) {

}
