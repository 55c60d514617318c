package io.strongroom.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz adapter (STYLE.md C12): one dispatcher shard. The clustered store runs each
 * shard's trigger on one web process at a time, and never two firings of one shard at
 * once.
 */
@DisallowConcurrentExecution
class DispatchSlotsJob extends QuartzJobBean {

	static final String SHARD = "shard";

	static final String SHARDS = "shards";

	private final SlotDispatcher dispatcher;

	DispatchSlotsJob(SlotDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		this.dispatcher.dispatchDue(Integer.parseInt(data.getString(SHARD)), Integer.parseInt(data.getString(SHARDS)));
	}

}
