package io.strongroom.heroku.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Tokens from id.heroku.com. Never printed. */
record TokenGrant(String accessToken, @Nullable String refreshToken, Duration expiresIn) {

	@Override
	public String toString() {
		return "TokenGrant[accessToken=**redacted**, refreshToken=**redacted**, expiresIn=" + this.expiresIn + "]";
	}

}
