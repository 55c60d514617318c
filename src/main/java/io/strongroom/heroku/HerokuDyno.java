package io.strongroom.heroku;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A one-off dyno.
 *
 * @param id the dyno's id
 * @param name e.g. {@code run.1234}
 * @param state {@code starting}, {@code up}, {@code crashed}, {@code down}, …
 * @param size e.g. {@code standard-1X}
 * @param createdAt when Heroku created it
 */
public record HerokuDyno(String id, @Nullable String name, @Nullable String state, @Nullable String size,
		@Nullable Instant createdAt) {

}
