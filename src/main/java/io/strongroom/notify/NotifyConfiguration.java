package io.strongroom.notify;

import java.net.http.HttpClient;
import java.time.Clock;

import io.strongroom.tenant.TenantRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The outbox worker and its channels. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	@Bean
	DeliveryWorker notifyDeliveryWorker(DeliveryStore store, ObjectProvider<JavaMailSender> mailSender,
			ObjectProvider<WebhookEndpoints> endpoints, TenantRepository tenants, Recipients recipients,
			NotifyProperties properties, ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.http().timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String userAgent = properties.http().userAgent() + " Java/" + Runtime.version().feature();
		return new DeliveryWorker(store, new MailChannel(mailSender.getIfAvailable(), properties.mail().from()),
				new WebhookClient(http, userAgent, properties.http().timeout(), time),
				new LogplexClient(http, userAgent, properties.http().timeout()), endpoints, tenants, recipients,
				properties.worker(), time);
	}

	/**
	 * Polls the outbox, the reminders, missed slots and run events whose notification
	 * failed; off with {@code strongroom.notify.worker.enabled=false}. Every web process
	 * runs them: claims, row locks and idempotency keys keep two processes from telling
	 * anything twice.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(prefix = "strongroom.notify.worker", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class Polling {

		private static final Logger log = LoggerFactory.getLogger(Polling.class);

		/** A notify listener's publication is named after its method. */
		private static final String LISTENERS = NotifyConfiguration.class.getPackageName() + ".";

		/** Deliveries of one event before it is left to the next start-up. */
		private static final int MAX_EVENT_ATTEMPTS = 100;

		private final DeliveryWorker worker;

		private final Notifications notifications;

		private final MissedSlotSweep missedSlots;

		private final ObjectProvider<FailedEventPublications> failedEvents;

		private final NotifyProperties properties;

		Polling(DeliveryWorker worker, Notifications notifications, MissedSlotSweep missedSlots,
				ObjectProvider<FailedEventPublications> failedEvents, NotifyProperties properties) {
			this.worker = worker;
			this.notifications = notifications;
			this.missedSlots = missedSlots;
			this.failedEvents = failedEvents;
			this.properties = properties;
		}

		@Scheduled(fixedDelayString = "${strongroom.notify.worker.poll-interval:10s}",
				initialDelayString = "${strongroom.notify.worker.poll-interval:10s}")
		void sendDue() {
			while (this.worker.runOnce() > 0) {
				// drain the backlog before sleeping again
			}
		}

		@Scheduled(fixedDelayString = "${strongroom.notify.worker.reminder-check:15m}",
				initialDelayString = "${strongroom.notify.worker.reminder-check:15m}")
		void remind() {
			this.notifications.remindStillFailing();
		}

		@Scheduled(fixedDelayString = "${strongroom.notify.worker.missed-check:5m}",
				initialDelayString = "${strongroom.notify.worker.missed-check:5m}")
		void missedSlots() {
			this.missedSlots.sweep();
		}

		@Scheduled(fixedDelayString = "${strongroom.notify.worker.retry-events:1m}",
				initialDelayString = "${strongroom.notify.worker.retry-events:1m}")
		void retryFailedEvents() {
			FailedEventPublications failed = this.failedEvents.getIfAvailable();
			if (failed == null) {
				return;
			}
			try {
				failed.resubmit(ResubmissionOptions.defaults()
					.withMinAge(this.properties.worker().retryEvents())
					.withFilter(Polling::ours));
			}
			catch (RuntimeException ex) {
				log.warn("Could not deliver failed run events to notifications again: {}", ex.toString());
			}
		}

		static boolean ours(EventPublication publication) {
			return publication instanceof TargetEventPublication target
					&& target.getTargetIdentifier().getValue().startsWith(LISTENERS)
					&& publication.getCompletionAttempts() < MAX_EVENT_ATTEMPTS;
		}

	}

}
