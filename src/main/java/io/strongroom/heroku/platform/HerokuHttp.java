package io.strongroom.heroku.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import io.strongroom.heroku.HerokuApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Sends one request to Heroku with retries: exponential backoff on 429 and 5xx (and, for
 * calls safe to repeat, on I/O errors), honouring {@code Retry-After}, and pacing all
 * calls while {@code RateLimit-Remaining} is low. Logs name the call and the status,
 * never a header or a body.
 */
final class HerokuHttp {

	private static final Log logger = LogFactory.getLog(HerokuHttp.class);

	/** What may be retried. */
	enum Retry {

		/** Repeating the call is harmless: retry 429, 5xx and I/O errors. */
		SAFE,

		/** The call creates something: retry only when Heroku did nothing (429, 409). */
		ONLY_WHEN_NOTHING_HAPPENED

	}

	/** An answer: any status, the caller decides. */
	record Response(int status, HttpHeaders headers, byte[] body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/** Waits; tests replace it to record the backoff instead of sleeping. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private final HttpClient client;

	private final PlatformProperties properties;

	private final Sleeper sleeper;

	private final AtomicLong rateLimitRemaining = new AtomicLong(Long.MAX_VALUE);

	HerokuHttp(PlatformProperties properties, Sleeper sleeper) {
		this(HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build(), properties, sleeper);
	}

	HerokuHttp(HttpClient client, PlatformProperties properties, Sleeper sleeper) {
		this.client = client;
		this.properties = properties;
		this.sleeper = sleeper;
	}

	Response send(String call, HttpRequest request, Retry retry) {
		Duration backoff = this.properties.initialBackoff();
		for (int attempt = 1;; attempt++) {
			paceWhileRateLimitIsLow();
			Response response;
			try {
				HttpResponse<byte[]> answer = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				response = new Response(answer.statusCode(), answer.headers(), answer.body());
			}
			catch (IOException ex) {
				boolean retryable = retry == Retry.SAFE;
				if (!retryable || attempt >= this.properties.maxAttempts()) {
					throw new HerokuApiException(
							call + " failed: no answer from Heroku (" + ex.getClass().getSimpleName() + ")", 0, null,
							retryable, null);
				}
				logger.warn(call + ": no answer (" + ex.getClass().getSimpleName() + "), attempt " + attempt + " of "
						+ this.properties.maxAttempts() + "; retrying in " + backoff.toMillis() + " ms");
				pause(call, backoff);
				backoff = next(backoff);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new HerokuApiException(call + " was interrupted", 0, null, true, null);
			}
			recordRateLimit(response.headers());
			if (!shouldRetry(response.status(), retry)) {
				return response;
			}
			Duration wait = retryAfter(response.headers()).orElse(backoff);
			if (attempt >= this.properties.maxAttempts() || wait.compareTo(this.properties.maxBackoff()) > 0) {
				return response;
			}
			logger.warn(call + ": HTTP " + response.status() + ", attempt " + attempt + " of "
					+ this.properties.maxAttempts() + "; retrying in " + wait.toMillis() + " ms");
			pause(call, wait);
			backoff = next(backoff);
		}
	}

	private static boolean shouldRetry(int status, Retry retry) {
		if (status == 429) {
			return true;
		}
		if (retry == Retry.ONLY_WHEN_NOTHING_HAPPENED) {
			return status == 409;
		}
		return status >= 500;
	}

	private Duration next(Duration backoff) {
		Duration doubled = backoff.multipliedBy(2);
		return (doubled.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : doubled;
	}

	private static java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
		OptionalLong seconds = headers.firstValueAsLong("Retry-After");
		return seconds.isPresent() && seconds.getAsLong() >= 0
				? java.util.Optional.of(Duration.ofSeconds(seconds.getAsLong())) : java.util.Optional.empty();
	}

	private void recordRateLimit(HttpHeaders headers) {
		headers.firstValue("RateLimit-Remaining").ifPresent((value) -> {
			try {
				this.rateLimitRemaining.set(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				// a malformed header must not break the call; keep the last known value
			}
		});
	}

	private void paceWhileRateLimitIsLow() {
		if (this.rateLimitRemaining.get() <= this.properties.rateLimitReserve()) {
			logger.debug("RateLimit-Remaining is " + this.rateLimitRemaining.get() + "; pacing Heroku calls");
			pause("pacing", this.properties.rateLimitPause());
			// one token refills per pause; assume it is ours until Heroku says otherwise
			this.rateLimitRemaining.incrementAndGet();
		}
	}

	long rateLimitRemaining() {
		return this.rateLimitRemaining.get();
	}

	private void pause(String call, Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HerokuApiException(call + " was interrupted", 0, null, true, ex);
		}
	}

}
