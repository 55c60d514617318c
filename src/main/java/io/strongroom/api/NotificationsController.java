package io.strongroom.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.strongroom.notify.InvalidWebhook;
import io.strongroom.notify.Notifications;
import io.strongroom.notify.Webhooks;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is told when backups need attention: added email addresses and an optional webhook
 * ({@code docs/notifications.md}).
 */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationsController {

	/** More addresses than a team needs is a mistake (or abuse of our mail sender). */
	static final int MAX_RECIPIENTS = 20;

	private final Notifications notifications;

	private final Webhooks webhooks;

	NotificationsController(Notifications notifications, Webhooks webhooks) {
		this.notifications = notifications;
		this.webhooks = webhooks;
	}

	@GetMapping
	NotificationsResponse get(@AuthenticationPrincipal ApiTenant tenant) {
		return NotificationsResponse.of(this.notifications.addedRecipients(tenant.id()),
				this.webhooks.describe(tenant.id()).orElse(null), null);
	}

	/**
	 * Changes what the body names and keeps the rest. Addresses are checked first, so a
	 * bad webhook changes nothing and a bad address changes nothing either.
	 */
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	NotificationsResponse put(@AuthenticationPrincipal ApiTenant tenant, @RequestBody NotificationsRequest request) {
		List<String> recipients = request.recipients();
		if (recipients != null && recipients.size() > MAX_RECIPIENTS) {
			throw new InvalidNotificationSettings("recipients",
					"At most " + MAX_RECIPIENTS + " addresses; use a mailing list for more people");
		}
		NotificationsRequest.WebhookRequest webhook = request.webhook();
		if (request.webhookGiven() && webhook != null) {
			String url = webhook.url();
			if (url == null || url.isBlank()) {
				throw new InvalidNotificationSettings("webhook.url",
						"webhook.url is required, like https://hooks.example.com/strongroom; send \"webhook\": null"
								+ " to remove the webhook");
			}
			checkWebhook(url, webhook.secret());
		}
		if (recipients != null) {
			this.notifications.replaceAddedRecipients(tenant.id(), recipients);
		}
		String generated = null;
		if (request.webhookGiven()) {
			if (webhook == null) {
				this.webhooks.remove(tenant.id());
			}
			else {
				Webhooks.CreatedWebhook created = this.webhooks.configure(tenant.id(), webhook.url(), webhook.secret());
				generated = (webhook.secret() == null) ? created.signingSecret().value() : null;
			}
		}
		return NotificationsResponse.of(this.notifications.addedRecipients(tenant.id()),
				this.webhooks.describe(tenant.id()).orElse(null), generated);
	}

	/** Fails before anything is saved, naming the field. */
	private static void checkWebhook(String url, @Nullable String secret) {
		try {
			Webhooks.validate(url, secret);
		}
		catch (InvalidWebhook ex) {
			throw new InvalidNotificationSettings(ex.getMessage().contains("secret") ? "webhook.secret" : "webhook.url",
					ex.getMessage());
		}
	}

}
