package io.strongroom.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers QUEUED runs, oldest first, to the launcher while it has room, then due
 * verifications: both count against the same capacity, and backups go first. Runs right
 * after a job is queued and on a timer (jobs wait here when the launcher is full, and one
 * queued by another web process is picked up by whichever has room). One dispatch at a
 * time per process; across processes, optimistic locking hands each job to one of them.
 */
class RunDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(RunDispatcher.class);

	/** Backups first. */
	private final List<RunnerJobLifecycle<?>> lifecycles;

	private final RunLauncher launcher;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "run-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	RunDispatcher(List<RunnerJobLifecycle<?>> lifecycles, RunLauncher launcher) {
		this.lifecycles = List.copyOf(lifecycles);
		this.launcher = launcher;
	}

	/** Dispatches soon, on the dispatcher's thread; calls while one is pending merge. */
	void wakeUp() {
		if (this.pending.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> {
					this.pending.set(false);
					dispatch();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Shutting down: queued runs wait for the next start (or another
				// process).
				this.pending.set(false);
			}
		}
	}

	void dispatch() {
		try {
			boolean launchedAny = true;
			while (launchedAny && this.launcher.capacity() > 0) {
				launchedAny = false;
				for (RunnerJobLifecycle<?> lifecycle : this.lifecycles) {
					for (UUID id : lifecycle.queued()) {
						if (this.launcher.capacity() <= 0) {
							return;
						}
						Optional<LaunchRequest> request = lifecycle.claim(id, this.launcher.name());
						if (request.isPresent()) {
							launch(lifecycle, request.get());
							launchedAny = true;
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// The timer tries again; a run is never lost, it stays QUEUED.
			logger.error("Dispatching queued runs failed", ex);
		}
	}

	private void launch(RunnerJobLifecycle<?> lifecycle, LaunchRequest request) {
		RunnerJob job = request.job();
		try {
			LaunchHandle handle = this.launcher.launch(request);
			logger.info("{} launched ({} {})", job, handle.launcher(), handle.ref());
			if (!lifecycle.jobs().launched(job.id(), handle)) {
				// Cancelled while it was being launched.
				this.launcher.stop(handle);
			}
		}
		catch (LaunchException ex) {
			logger.warn("{} could not be launched: {}", job, ex.getMessage());
			lifecycle.launchFailed(job.id(), "The runner could not be started: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("{} could not be launched", job, ex);
			lifecycle.launchFailed(job.id(),
					"The runner could not be started because of an internal error in Strongroom");
		}
	}

	void shutdown() {
		this.executor.shutdownNow();
	}

}
