package io.strongroom.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/notifications}. Each field left out keeps what is saved:
 * {@code recipients} replaces the added addresses (an empty list removes them);
 * {@code webhook} sets the webhook ({@code secret} optional and write-only: left out,
 * Strongroom generates one and answers it once), {@code "webhook": null} removes it.
 */
class NotificationsRequest {

	private @Nullable List<String> recipients;

	private @Nullable WebhookRequest webhook;

	private boolean webhookGiven;

	@JsonProperty("recipients")
	void setRecipients(@Nullable List<String> recipients) {
		this.recipients = recipients;
	}

	@JsonSetter("webhook")
	void setWebhook(@Nullable WebhookRequest webhook) {
		this.webhook = webhook;
		this.webhookGiven = true;
	}

	@Nullable List<String> recipients() {
		return this.recipients;
	}

	@Nullable WebhookRequest webhook() {
		return this.webhook;
	}

	/** Whether the body named the webhook at all (null included: remove it). */
	boolean webhookGiven() {
		return this.webhookGiven;
	}

	@Override
	public String toString() {
		return "NotificationsRequest[recipients=" + this.recipients + ", webhook="
				+ (this.webhookGiven ? ((this.webhook != null) ? "set" : "removed") : "kept") + "]";
	}

	/**
	 * The webhook: where to POST each notice and, optionally, the HMAC key to sign it
	 * with. Both are secrets (Slack's URLs are): never answered back.
	 */
	record WebhookRequest(@Nullable String url, @Nullable String secret) {

		@Override
		public String toString() {
			return "WebhookRequest[**redacted**]";
		}

	}

}
