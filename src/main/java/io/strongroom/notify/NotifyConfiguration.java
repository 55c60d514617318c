package io.strongroom.notify;

import java.net.http.HttpClient;
import java.time.Clock;

import io.strongroom.tenant.TenantRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
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
	 * Polls the outbox and the reminders; off with
	 * {@code strongroom.notify.worker.enabled=false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(prefix = "strongroom.notify.worker", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class Polling {

		private final DeliveryWorker worker;

		private final Notifications notifications;

		Polling(DeliveryWorker worker, Notifications notifications) {
			this.worker = worker;
			this.notifications = notifications;
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

	}

}
