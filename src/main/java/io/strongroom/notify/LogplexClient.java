package io.strongroom.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Posts log lines to an app's log input URL. The URL carries Basic credentials
 * ({@code https://token:t.<uuid>@1.us.logplex.io/logs}); they go into the
 * {@code Authorization} header and never into a log line or an exception message.
 */
final class LogplexClient {

	static final String CONTENT_TYPE = "application/logplex-1";

	private final HttpClient http;

	private final String userAgent;

	private final Duration timeout;

	LogplexClient(HttpClient http, String userAgent, Duration timeout) {
		this.http = http;
		this.userAgent = userAgent;
		this.timeout = timeout;
	}

	/**
	 * Sends the messages in one request.
	 * @param frameId the same on every retry of the same messages, so logplex can drop a
	 * duplicate
	 * @throws DeliveryFailure when the request fails or is not answered with 2xx
	 */
	void post(URI logInputUrl, List<String> messages, String frameId) throws DeliveryFailure {
		byte[] body = LogplexFrames.body(messages);
		URI target;
		String authorization = null;
		try {
			target = new URI(logInputUrl.getScheme(), null, logInputUrl.getHost(), logInputUrl.getPort(),
					logInputUrl.getPath(), logInputUrl.getQuery(), null);
			String userInfo = logInputUrl.getRawUserInfo();
			if (userInfo != null) {
				authorization = "Basic " + Base64.getEncoder()
					.encodeToString(
							URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new DeliveryFailure("the log input URL is not a valid URL", false);
		}
		// a byte array publisher sends Content-Length; logplex rejects chunked bodies
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(this.timeout)
			.header("Content-Type", CONTENT_TYPE)
			.header("User-Agent", this.userAgent)
			.header("Logplex-Msg-Count", Integer.toString(messages.size()))
			.header("Logplex-Frame-Id", frameId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new DeliveryFailure("log input at " + target.getHost() + " failed: " + ex.getClass().getSimpleName(),
					true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("interrupted", true);
		}
		if (response.statusCode() / 100 != 2) {
			// a 4xx may mean the URL was rotated: the next attempt reads it again
			throw new DeliveryFailure("log input at " + target.getHost() + " answered " + response.statusCode(), true);
		}
	}

}
