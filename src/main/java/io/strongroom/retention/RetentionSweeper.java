package io.strongroom.retention;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sweeps every {@code strongroom.retention.sweep-interval} on a thread of its own: prunes
 * every database and retries failed deletions, so a prune lost to a crash or a failed
 * delete is done later. The first sweep runs one interval (at most 5 minutes) after
 * start.
 */
@Component
class RetentionSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

	private static final Duration MAX_FIRST_DELAY = Duration.ofMinutes(5);

	private final Pruning pruning;

	private final RetentionProperties properties;

	private volatile ThreadPoolTaskScheduler scheduler;

	RetentionSweeper(Pruning pruning, RetentionProperties properties) {
		this.pruning = pruning;
		this.properties = properties;
	}

	@Override
	public void start() {
		Duration interval = this.properties.sweepInterval();
		if (interval.isZero()) {
			log.info("Retention sweep is off (strongroom.retention.sweep-interval=0)");
			return;
		}
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("retention-sweep-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		Duration first = (interval.compareTo(MAX_FIRST_DELAY) < 0) ? interval : MAX_FIRST_DELAY;
		scheduler.scheduleWithFixedDelay(this::sweep, scheduler.getClock().instant().plus(first), interval);
		this.scheduler = scheduler;
	}

	private void sweep() {
		try {
			this.pruning.sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Retention sweep failed, retried in {}: {}", this.properties.sweepInterval(), ex.toString());
		}
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler scheduler = this.scheduler;
		this.scheduler = null;
		if (scheduler != null) {
			scheduler.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
