/**
 * Strongroom calling Heroku: id.heroku.com's token endpoint, each add-on's sealed OAuth
 * tokens, and the Platform API client behind
 * {@link io.strongroom.heroku.HerokuPlatformClient}. Internal to the {@code heroku}
 * module.
 */
@org.jspecify.annotations.NullMarked
package io.strongroom.heroku.platform;
