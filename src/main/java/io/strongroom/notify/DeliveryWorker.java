package io.strongroom.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantId;
import io.strongroom.tenant.TenantRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Sends what the outbox holds: claims due deliveries, sends each on its channel, and
 * records the result: sent, or failed with the next attempt after a doubling backoff, or
 * given up after {@code give-up-after}. Log lines of one resource go in one request. A
 * delivery is marked only after its attempt, so nothing is lost; a claim is exclusive, so
 * nothing is sent twice by two workers.
 */
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryStore store;

	private final MailChannel mail;

	private final WebhookClient webhooks;

	private final LogplexClient logplex;

	private final ObjectProvider<WebhookEndpoints> endpoints;

	private final TenantRepository tenants;

	private final Recipients recipients;

	private final NotifyProperties.Worker settings;

	private final Clock clock;

	DeliveryWorker(DeliveryStore store, MailChannel mail, WebhookClient webhooks, LogplexClient logplex,
			ObjectProvider<WebhookEndpoints> endpoints, TenantRepository tenants, Recipients recipients,
			NotifyProperties.Worker settings, Clock clock) {
		this.store = store;
		this.mail = mail;
		this.webhooks = webhooks;
		this.logplex = logplex;
		this.endpoints = endpoints;
		this.tenants = tenants;
		this.recipients = recipients;
		this.settings = settings;
		this.clock = clock;
	}

	/** One pass over the due deliveries; returns how many were attempted. */
	int runOnce() {
		List<Delivery> claimed = this.store.claimDue(this.clock.instant(), this.settings.batchSize(),
				this.settings.lease());
		Map<TenantId, List<Delivery>> logLines = new LinkedHashMap<>();
		for (Delivery delivery : claimed) {
			switch (delivery.channel()) {
				case EMAIL -> attempt(delivery, () -> mail(delivery));
				case WEBHOOK -> attempt(delivery, () -> webhook(delivery));
				case LOG -> logLines.computeIfAbsent(delivery.tenant(), (t) -> new ArrayList<>()).add(delivery);
			}
		}
		logLines.forEach(this::logLines);
		return claimed.size();
	}

	private DeliveryStatus mail(Delivery delivery) throws DeliveryFailure {
		if (!Recipients.OWNER.equals(delivery.recipient())) {
			return this.mail.send(delivery, List.of(delivery.recipient()));
		}
		// the owner, looked up now; an added address of the same event already has its
		// own mail
		List<String> owners = this.recipients.ownerAddresses(delivery.tenant());
		if (owners.isEmpty()) {
			throw new DeliveryFailure("nobody to tell: no app owner known and no users", false);
		}
		List<String> to = owners.stream()
			.filter((email) -> !this.store.exists(delivery.eventKey(), Channel.EMAIL, email))
			.toList();
		// every owner address is also an added one, mailed by its own delivery
		return to.isEmpty() ? DeliveryStatus.SENT : this.mail.send(delivery, to);
	}

	private DeliveryStatus webhook(Delivery delivery) throws DeliveryFailure {
		WebhookEndpoints endpoints = this.endpoints.getIfAvailable();
		Optional<WebhookEndpoint> endpoint = (endpoints != null) ? endpoints.endpointFor(delivery.tenant())
				: Optional.empty();
		if (endpoint.isEmpty()) {
			throw new DeliveryFailure("the resource has no webhook any more", false);
		}
		this.webhooks.post(endpoint.get(), delivery.idempotencyKey(), delivery.kind().toLowerCase(Locale.ROOT),
				(delivery.payload() != null) ? delivery.payload() : "{}");
		return DeliveryStatus.SENT;
	}

	private void logLines(TenantId tenant, List<Delivery> deliveries) {
		String url = this.tenants.findById(tenant.value()).map(Tenant::logInputUrl).orElse(null);
		List<String> messages = deliveries.stream().map((d) -> (d.payload() != null) ? d.payload() : d.text()).toList();
		// the same lines retried together carry the same frame id, so logplex can drop a
		// repeat
		String frameId = DeliveryStore
			.idempotencyKey(String.join(",", deliveries.stream().map(Delivery::idempotencyKey).toList()), Channel.LOG,
					"log")
			.substring(0, 32);
		if (url == null) {
			DeliveryFailure failure = new DeliveryFailure("the resource has no log input URL", false);
			deliveries.forEach((d) -> record(d, null, failure));
			return;
		}
		try {
			this.logplex.post(URI.create(url), messages, frameId);
			deliveries.forEach((d) -> record(d, DeliveryStatus.SENT, null));
		}
		catch (DeliveryFailure ex) {
			deliveries.forEach((d) -> record(d, null, ex));
		}
		catch (IllegalArgumentException ex) {
			DeliveryFailure failure = new DeliveryFailure("the log input URL is not a valid URL", false);
			deliveries.forEach((d) -> record(d, null, failure));
		}
	}

	private void attempt(Delivery delivery, Attempt attempt) {
		try {
			record(delivery, attempt.send(), null);
		}
		catch (DeliveryFailure ex) {
			record(delivery, null, ex);
		}
		catch (RuntimeException ex) {
			record(delivery, null, new DeliveryFailure(ex.getClass().getSimpleName(), true));
			log.error("Delivery {} failed unexpectedly", delivery.id(), ex);
		}
	}

	private void record(Delivery delivery, @Nullable DeliveryStatus status, @Nullable DeliveryFailure failure) {
		Instant now = this.clock.instant();
		if (failure == null) {
			this.store.done(delivery.id(), Objects.requireNonNull(status), now);
			return;
		}
		boolean expired = !now.isBefore(delivery.createdAt().plus(this.settings.giveUpAfter()));
		Instant next = (failure.retryable() && !expired) ? now.plus(this.settings.backoff(delivery.attempts())) : null;
		this.store.failed(delivery.id(), failure.getMessage(), next, now);
		if (next == null) {
			log.warn("Gave up {} delivery {} to {} of {} after {} attempts: {}", delivery.channel(), delivery.id(),
					(delivery.channel() == Channel.EMAIL) ? delivery.recipient() : delivery.channel(),
					delivery.tenant(), delivery.attempts(), failure.getMessage());
		}
		else {
			log.info("{} delivery {} attempt {} failed, next at {}: {}", delivery.channel(), delivery.id(),
					delivery.attempts(), next, failure.getMessage());
		}
	}

	@FunctionalInterface
	private interface Attempt {

		DeliveryStatus send() throws DeliveryFailure;

	}

}
