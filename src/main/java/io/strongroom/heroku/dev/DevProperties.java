package io.strongroom.heroku.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code /dev} page ({@code strongroom.dev.*}). It exists only outside the
 * {@code heroku} profile.
 *
 * @param allowRemote answer requests from other machines too
 * ({@code STRONGROOM_DEV_ALLOW_REMOTE}); by default only this machine (loopback) may use
 * the page, because it signs anyone in to any add-on of this server
 */
@ConfigurationProperties("strongroom.dev")
public record DevProperties(@DefaultValue("false") boolean allowRemote) {

}
