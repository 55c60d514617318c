package io.strongroom.heroku.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The partner API's settings ({@code strongroom.heroku.*}; environment variables
 * {@code STRONGROOM_HEROKU_ASYNC_PROVISIONING},
 * {@code STRONGROOM_HEROKU_JOBS_POLL_INTERVAL}, …).
 *
 * @param asyncProvisioning answer provisioning with 202 and complete it through the
 * Platform API (config vars, then {@code actions/provision}); needs
 * {@code HEROKU_CLIENT_SECRET} and a grant in the request, otherwise Strongroom answers
 * synchronously
 * @param maxRequestSize larger partner request bodies get 413
 * @param replayWindow how long the provision answer's token is kept sealed so that a
 * replayed POST gets the identical answer; Heroku gives up on a provisioning after 12 h
 * @param jobs the provisioning job worker
 */
@ConfigurationProperties("strongroom.heroku")
record PartnerProperties(@DefaultValue("false") boolean asyncProvisioning,
		@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("12h") Duration replayWindow,
		@DefaultValue Jobs jobs) {

	/**
	 * @param enabled whether this process works on provisioning jobs (every web process
	 * may; they claim jobs with a lease)
	 * @param pollInterval how often the table is polled for due jobs (new jobs also wake
	 * the worker right after commit)
	 * @param lease how long a claimed job stays with one process without progress before
	 * another may take it over; longer than one Heroku call with all its retries
	 * @param initialBackoff the first wait after a retryable failure; doubles each time
	 * @param maxBackoff the longest wait between attempts
	 * @param deadline a job still unfinished this long after provisioning fails (Heroku's
	 * own limit is 12 h)
	 */
	record Jobs(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
			@DefaultValue("5m") Duration lease, @DefaultValue("5s") Duration initialBackoff,
			@DefaultValue("10m") Duration maxBackoff, @DefaultValue("12h") Duration deadline) {

	}

}
