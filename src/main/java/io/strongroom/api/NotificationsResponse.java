package io.strongroom.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.strongroom.notify.Webhooks;

/**
 * Who is told about the add-on's backups. {@code recipients} are the addresses added
 * here; the app owner (Heroku) or, when unknown, the add-on's users are always told too.
 * The webhook shows its host only; {@code signingSecret} is in the answer that generated
 * it and never again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationsResponse(List<String> recipients, String alsoTold, @Nullable Webhook webhook,
		@Nullable String signingSecret) {

	static final String ALSO_TOLD = "the Heroku app's owner, or the add-on's users when the owner is not known";

	static NotificationsResponse of(List<String> recipients, Webhooks.@Nullable WebhookView webhook,
			@Nullable String signingSecret) {
		return new NotificationsResponse(recipients, ALSO_TOLD,
				(webhook != null) ? new Webhook(webhook.host(), webhook.since()) : null, signingSecret);
	}

	/** The webhook as far as it may be shown. */
	record Webhook(String host, Instant since) {

	}

}
