package io.strongroom.heroku.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Strongroom calls Heroku ({@code strongroom.heroku.platform.*}, e.g.
 * {@code STRONGROOM_HEROKU_PLATFORM_MAX_ATTEMPTS}).
 *
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout the longest one HTTP exchange may take
 * @param maxAttempts attempts per call on 429 and 5xx before giving up (the caller may
 * try again later)
 * @param initialBackoff the first wait between attempts; doubles each time
 * @param maxBackoff the longest wait between attempts; a {@code Retry-After} beyond it
 * ends the call so the caller retries later instead of blocking a thread
 * @param rateLimitReserve while {@code RateLimit-Remaining} is at or below this, calls
 * are spaced by {@code rateLimitPause}
 * @param rateLimitPause the spacing while the rate limit is low (Heroku refills about one
 * request per 0.8 s)
 * @param refreshBefore access tokens are refreshed this long before they expire
 */
@ConfigurationProperties("strongroom.heroku.platform")
record PlatformProperties(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("20s") Duration requestTimeout,
		@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("10") int rateLimitReserve,
		@DefaultValue("1s") Duration rateLimitPause, @DefaultValue("5m") Duration refreshBefore) {

	PlatformProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("strongroom.heroku.platform.max-attempts must be at least 1");
		}
	}

}
