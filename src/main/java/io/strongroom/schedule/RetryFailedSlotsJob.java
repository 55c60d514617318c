package io.strongroom.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz adapter: delivers {@link BackupSlotsDue} events (and single
 * {@link BackupSlotDue} ones an earlier version published) whose listener failed again.
 * On the clustered store one web process does it at a time, so a failure is resubmitted
 * once per round, not once per process.
 */
@DisallowConcurrentExecution
class RetryFailedSlotsJob extends QuartzJobBean {

	private final FailedEventPublications failed;

	private final ScheduleProperties properties;

	RetryFailedSlotsJob(FailedEventPublications failed, ScheduleProperties properties) {
		this.failed = failed;
		this.properties = properties;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.failed.resubmit(ResubmissionOptions.defaults()
			.withMinAge(this.properties.retryFailedEvery())
			.withFilter(this::retryable));
	}

	private boolean retryable(EventPublication publication) {
		return (publication.getEvent() instanceof BackupSlotsDue || publication.getEvent() instanceof BackupSlotDue)
				&& publication.getCompletionAttempts() < this.properties.maxDeliveryAttempts();
	}

}
