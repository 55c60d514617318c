package io.strongroom.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds launched jobs of either kind that need the web side to act: a runner silent for
 * the stall timeout, one whose process or dyno ended without a result, one past the
 * plan's maximum duration (told to stop), one told to stop that did not. What that means
 * for the job is its lifecycle's to decide (a backup FAILED, a verification queued again,
 * ...), and so is cleaning up after a runner given up on, and trying a failed clean-up
 * again.
 */
class RunWatchdog {

	private static final Logger logger = LoggerFactory.getLogger(RunWatchdog.class);

	private final List<RunnerJobLifecycle<?>> lifecycles;

	private final RunLauncher launcher;

	private final RunProperties properties;

	RunWatchdog(List<RunnerJobLifecycle<?>> lifecycles, RunLauncher launcher, RunProperties properties) {
		this.lifecycles = List.copyOf(lifecycles);
		this.launcher = launcher;
		this.properties = properties;
	}

	void check() {
		for (RunnerJobLifecycle<?> lifecycle : this.lifecycles) {
			try {
				check(lifecycle);
				lifecycle.retryCleanUps();
			}
			catch (RuntimeException ex) {
				// The next round tries again.
				logger.error("Watching {} jobs failed", lifecycle.kind(), ex);
			}
		}
	}

	/**
	 * A launcher saw a job's runner end: settle it now rather than at the stall timeout.
	 */
	void exited(RunnerExited event) {
		for (RunnerJobLifecycle<?> lifecycle : this.lifecycles) {
			if (lifecycle.kind() == event.job().kind()) {
				try {
					exited(lifecycle, event);
				}
				catch (RuntimeException ex) {
					logger.error("Settling {} after its runner ended failed", event.job(), ex);
				}
			}
		}
	}

	private <T extends RunnerJobEntity> void exited(RunnerJobLifecycle<T> lifecycle, RunnerExited event) {
		UUID id = event.job().id();
		if (lifecycle.exited(id, event.detail())) {
			lifecycle.jobs().find(id).ifPresent((job) -> lifecycle.cleanUp(job, true));
		}
	}

	private <T extends RunnerJobEntity> void check(RunnerJobLifecycle<T> lifecycle) {
		for (T job : lifecycle.launched()) {
			check(lifecycle, job);
		}
	}

	private <T extends RunnerJobEntity> void check(RunnerJobLifecycle<T> lifecycle, T job) {
		Instant now = lifecycle.jobs().now();
		UUID id = job.job().id();
		if (job.isStalled(this.properties.stallTimeout(), now)) {
			if (lifecycle.stalled(id)) {
				logger.warn("{} stalled: no call from its runner for {}", job.job(),
						BackupRun.describe(this.properties.stallTimeout()));
				lifecycle.cleanUp(job, false);
			}
			return;
		}
		if (job.isCancelOverdue(this.properties.cancelGrace(), now)) {
			if (lifecycle.cancelOverdue(id)) {
				logger.info("{} did not stop within {} of being told to; given up", job.job(),
						BackupRun.describe(this.properties.cancelGrace()));
				lifecycle.cleanUp(job, false);
			}
			return;
		}
		if (job.isPastDeadline(now) && job.runner().cancelRequestedAt() == null
				&& lifecycle.jobs().overdue(id, lifecycle.overdueReason())) {
			logger.info("{} is past its plan's maximum duration; told to stop", job.job());
		}
		job.runner().handle(this.launcher).map(this.launcher::status).ifPresent((status) -> {
			if (status.state() == RunnerStatus.State.ENDED && lifecycle.exited(id, String.valueOf(status.detail()))) {
				logger.warn("{}: its runner ended ({}) without a result", job.job(), status.detail());
				lifecycle.cleanUp(job, true);
			}
		});
	}

}
