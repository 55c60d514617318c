package io.strongroom.heroku;

import org.jspecify.annotations.Nullable;

/**
 * An app as the Platform API describes it.
 *
 * @param id the app's id
 * @param name its current name
 * @param ownerEmail the owner's email (a team's for team apps): the address for mail
 * about the add-on
 * @param ownerId the owner's id
 * @param region the region name ({@code us}, {@code eu}, …)
 */
public record HerokuApp(String id, @Nullable String name, @Nullable String ownerEmail, @Nullable String ownerId,
		@Nullable String region) {

}
