package io.strongroom.notify;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings ({@code strongroom.notify.*}). Mail goes through Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} mails are logged and kept for
 * the dashboard instead of sent.
 *
 * @param remindEvery how often a "still failing" reminder may go out while a database
 * keeps failing
 * @param missedGrace how long after a schedule slot a run may start before the slot
 * counts as missed
 * @param mail the sender and subject
 * @param worker the outbox worker
 * @param http timeouts and the User-Agent of webhook and log-input calls
 */
@Validated
@ConfigurationProperties("strongroom.notify")
record NotifyProperties(@DefaultValue("1d") Duration remindEvery, @DefaultValue("1h") Duration missedGrace,
		@DefaultValue @Valid Mail mail, @DefaultValue @Valid Worker worker, @DefaultValue @Valid Http http) {

	/**
	 * Mail settings.
	 *
	 * @param from the sender address ({@code STRONGROOM_NOTIFY_MAIL_FROM})
	 * @param subjectPrefix put before every subject
	 */
	record Mail(@DefaultValue("Strongroom <notifications@strongroom.invalid>") @NotBlank String from,
			@DefaultValue("[Strongroom]") String subjectPrefix) {

	}

	/**
	 * The outbox worker.
	 *
	 * @param enabled whether this process sends (tests turn it off and drive it by hand)
	 * @param pollInterval how often it looks for due deliveries
	 * @param batchSize deliveries claimed per poll
	 * @param lease how long a claimed delivery is reserved before another process may
	 * take it over (a crash between sending and recording could then send it twice)
	 * @param firstRetry the delay after the first failed attempt; doubled each time
	 * @param maxRetry the longest delay between attempts
	 * @param giveUpAfter a delivery still failing this long after it was created is given
	 * up (and kept, with its last error, for the dashboard)
	 * @param reminderCheck how often it looks for databases due a reminder
	 * @param missedCheck how often it looks for schedule slots that were missed
	 * @param missedLookback where the missed-slot ledger starts for a schedule that had
	 * dispatched slots before the ledger knew it (the upgrade that added the ledger):
	 * this long before the latest slot whose grace period ended
	 * @param missedBatch at most this many slots of one database are looked at per check;
	 * the rest wait for the next check (a long outage is told in bounded work)
	 * @param retryEvents how often run events whose notification failed are delivered
	 * again (also the least age of such a failure)
	 */
	record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval,
			@DefaultValue("50") @Min(1) int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
			@DefaultValue("3d") Duration giveUpAfter, @DefaultValue("15m") Duration reminderCheck,
			@DefaultValue("5m") Duration missedCheck, @DefaultValue("30m") Duration missedLookback,
			@DefaultValue("100") @Min(1) int missedBatch, @DefaultValue("1m") Duration retryEvents) {

		/** The delay after the {@code attempts}-th failed attempt. */
		Duration backoff(int attempts) {
			Duration delay = this.firstRetry;
			for (int i = 1; i < attempts && delay.compareTo(this.maxRetry) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return (delay.compareTo(this.maxRetry) > 0) ? this.maxRetry : delay;
		}

	}

	/**
	 * Outgoing HTTP.
	 *
	 * @param timeout connect and response timeout
	 * @param userAgent names the add-on, as Heroku asks of log input writers
	 */
	record Http(@DefaultValue("10s") Duration timeout,
			@DefaultValue("Strongroom (https://elements.heroku.com/addons/strongroom)") @NotBlank String userAgent) {

	}

}
