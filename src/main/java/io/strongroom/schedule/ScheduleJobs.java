package io.strongroom.schedule;

import java.util.Objects;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the clustered store holds this module's Quartz jobs, as configured: one
 * {@link DispatchSlotsJob} per shard, one {@link RetryFailedSlotsJob} and one
 * {@link PurgeCompletedEventsJob}. Every web process does this at start; the first one
 * writes, the others find them in place.
 * <p>
 * Misfires, chosen on purpose: these are repeating "look for work" triggers, so a trigger
 * that missed its time (all processes were down) fires once at once and then keeps its
 * interval ({@code MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT}); it
 * never fires once per missed interval. Missed backup slots are handled by the dispatcher
 * itself ({@link SlotDecision}).
 */
@Component
class ScheduleJobs implements SmartInitializingSingleton {

	static final String GROUP = "schedule";

	static final String DISPATCH = "dispatch-slots-";

	static final JobKey RETRY = JobKey.jobKey("retry-failed-slots", GROUP);

	static final JobKey PURGE = JobKey.jobKey("purge-completed-events", GROUP);

	private static final Logger log = LoggerFactory.getLogger(ScheduleJobs.class);

	private final Scheduler scheduler;

	private final ScheduleProperties properties;

	private final TransactionTemplate transactions;

	ScheduleJobs(Scheduler scheduler, ScheduleProperties properties, PlatformTransactionManager transactionManager) {
		this.scheduler = scheduler;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Spring's LocalDataSourceJobStore takes Quartz's row locks in the caller's
		// transaction: without one, the lock would end with each statement.
		this.transactions.executeWithoutResult((status) -> {
			try {
				register();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Could not register the schedule jobs with Quartz: " + ex.getMessage(),
						ex);
			}
		});
	}

	private void register() throws SchedulerException {
		int shards = this.properties.shards();
		long interval = this.properties.dispatchInterval().toMillis();
		for (int shard = 0; shard < shards; shard++) {
			JobKey key = JobKey.jobKey(DISPATCH + shard, GROUP);
			JobDetail job = JobBuilder.newJob(DispatchSlotsJob.class)
				.withIdentity(key)
				.withDescription("Publishes due backup slots of shard " + shard + " of " + shards)
				.usingJobData(DispatchSlotsJob.SHARD, Integer.toString(shard))
				.usingJobData(DispatchSlotsJob.SHARDS, Integer.toString(shards))
				.storeDurably()
				.build();
			ensure(job, repeating(key, interval));
		}
		for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
			if (key.getName().startsWith(DISPATCH)
					&& Integer.parseInt(key.getName().substring(DISPATCH.length())) >= shards) {
				this.scheduler.deleteJob(key);
				log.info("Removed dispatcher job {}: the shard count is now {}", key.getName(), shards);
			}
		}
		JobDetail retry = JobBuilder.newJob(RetryFailedSlotsJob.class)
			.withIdentity(RETRY)
			.withDescription("Delivers failed BackupSlotDue events again")
			.storeDurably()
			.build();
		ensure(retry, repeating(RETRY, this.properties.retryFailedEvery().toMillis()));
		JobDetail purge = JobBuilder.newJob(PurgeCompletedEventsJob.class)
			.withIdentity(PURGE)
			.withDescription("Deletes event publications completed longer ago than keep-completed-events")
			.storeDurably()
			.build();
		ensure(purge, repeating(PURGE, PurgeCompletedEventsJob.EVERY.toMillis()));
	}

	private static Trigger repeating(JobKey job, long intervalMillis) {
		return TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(job.getName(), GROUP))
			.forJob(job)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(intervalMillis)
				.repeatForever()
				.withMisfireHandlingInstructionNowWithExistingCount())
			.startNow()
			.build();
	}

	/**
	 * Adds the job and trigger, or replaces them when they differ from the configuration;
	 * leaves a matching pair alone (replacing it on every start would disturb a firing in
	 * another process).
	 */
	private void ensure(JobDetail job, Trigger trigger) throws SchedulerException {
		JobDetail existingJob = this.scheduler.getJobDetail(job.getKey());
		Trigger existingTrigger = this.scheduler.getTrigger(trigger.getKey());
		if (existingJob == null || existingTrigger == null) {
			try {
				this.scheduler.scheduleJob(job, Set.of(trigger), true);
			}
			catch (ObjectAlreadyExistsException ex) {
				log.debug("Another process registered {} first", job.getKey());
			}
			return;
		}
		boolean sameJob = existingJob.getJobClass().equals(job.getJobClass())
				&& Objects.equals(existingJob.getJobDataMap().getWrappedMap(), job.getJobDataMap().getWrappedMap());
		boolean sameTrigger = existingTrigger instanceof SimpleTrigger simple
				&& simple.getRepeatInterval() == ((SimpleTrigger) trigger).getRepeatInterval()
				&& simple.getMisfireInstruction() == trigger.getMisfireInstruction();
		if (!sameJob || !sameTrigger) {
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
			log.info("Updated Quartz job {} to the current configuration", job.getKey());
		}
	}

}
