package io.strongroom.schedule;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz adapter: deletes the completed event publications (every module's, not only the
 * slot dispatcher's) older than {@code strongroom.schedule.keep-completed-events}, so the
 * registry does not grow without limit: the completion mode keeps completed rows, and at
 * 10,000 hourly schedules every backup's events complete about three (some 700,000 a
 * day). Incomplete and failed publications are never deleted; they are what the registry
 * is for. Hourly, on the clustered store, so one web process at a time.
 */
@DisallowConcurrentExecution
class PurgeCompletedEventsJob extends QuartzJobBean {

	static final Duration EVERY = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(PurgeCompletedEventsJob.class);

	private final CompletedEventPublications completed;

	private final ScheduleProperties properties;

	PurgeCompletedEventsJob(CompletedEventPublications completed, ScheduleProperties properties) {
		this.completed = completed;
		this.properties = properties;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		// One bulk DELETE by completion date (event_publication_completion_idx).
		this.completed.deletePublicationsOlderThan(this.properties.keepCompletedEvents());
		log.debug("Deleted the event publications completed more than {} ago", this.properties.keepCompletedEvents());
	}

}
