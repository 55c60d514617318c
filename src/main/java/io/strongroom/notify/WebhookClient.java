package io.strongroom.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a notice's JSON to a webhook, signed. One attempt; the outbox retries with
 * backoff. The URL is never put into a log line or an exception message.
 */
final class WebhookClient {

	private final HttpClient http;

	private final String userAgent;

	private final Duration timeout;

	private final Clock clock;

	WebhookClient(HttpClient http, String userAgent, Duration timeout, Clock clock) {
		this.http = http;
		this.userAgent = userAgent;
		this.timeout = timeout;
		this.clock = clock;
	}

	void post(WebhookEndpoint endpoint, String deliveryId, String event, String json) throws DeliveryFailure {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(endpoint.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", this.userAgent)
			.header("Strongroom-Delivery", deliveryId)
			.header("Strongroom-Event", event)
			.header(WebhookSigner.HEADER, WebhookSigner.header(endpoint.signingSecret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new DeliveryFailure(
					"webhook at " + endpoint.url().getHost() + " failed: " + ex.getClass().getSimpleName(), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("interrupted", true);
		}
		int status = response.statusCode();
		if (status / 100 == 2) {
			return;
		}
		// timeouts, rate limits and server errors pass; other client errors will not
		boolean retryable = status == 408 || status == 429 || status >= 500;
		throw new DeliveryFailure("webhook at " + endpoint.url().getHost() + " answered " + status, retryable);
	}

}
