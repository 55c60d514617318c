package io.strongroom.notify;

import java.net.URI;
import java.util.Objects;

import io.strongroom.runner.Secret;

/**
 * Where a resource wants its notices POSTed, and the secret they are signed with. The URL
 * itself may be a secret (Slack's incoming webhooks are), so it is never logged.
 *
 * @param url an {@code https} (or, for local tests, {@code http}) URL
 * @param signingSecret the HMAC-SHA256 key of the {@code Strongroom-Signature} header
 */
public record WebhookEndpoint(URI url, Secret signingSecret) {

	public WebhookEndpoint {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(signingSecret, "signingSecret");
		if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
			throw new IllegalArgumentException("A webhook URL must start with https://");
		}
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[" + this.url.getHost() + "]";
	}

}
