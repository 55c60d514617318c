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
 * Offers QUEUED runs, oldest first, to the launcher while it has room. Runs right after a
 * run is queued and on a timer (runs wait here when the launcher is full, and a run
 * queued by another web process is picked up by whichever has room). One dispatch at a
 * time per process; across processes, optimistic locking hands each run to one of them.
 */
class RunDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(RunDispatcher.class);

	private final RunLifecycle lifecycle;

	private final RunLauncher launcher;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "run-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	RunDispatcher(RunLifecycle lifecycle, RunLauncher launcher) {
		this.lifecycle = lifecycle;
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
				List<UUID> queued = this.lifecycle.queued();
				for (UUID id : queued) {
					if (this.launcher.capacity() <= 0) {
						return;
					}
					Optional<LaunchRequest> request = this.lifecycle.claim(id, this.launcher.name());
					if (request.isPresent()) {
						launch(request.get());
						launchedAny = true;
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// The timer tries again; a run is never lost, it stays QUEUED.
			logger.error("Dispatching queued runs failed", ex);
		}
	}

	private void launch(LaunchRequest request) {
		try {
			LaunchHandle handle = this.launcher.launch(request);
			logger.info("Run {} launched ({} {})", request.run(), handle.launcher(), handle.ref());
			if (!this.lifecycle.launched(request.run(), handle)) {
				// Cancelled while it was being launched.
				this.launcher.stop(handle);
			}
		}
		catch (LaunchException ex) {
			logger.warn("Run {} could not be launched: {}", request.run(), ex.getMessage());
			this.lifecycle.fail(request.run().value(), FailureKinds.LAUNCH_FAILED,
					"The runner could not be started: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Run {} could not be launched", request.run(), ex);
			this.lifecycle.fail(request.run().value(), FailureKinds.LAUNCH_FAILED,
					"The runner could not be started because of an internal error in Strongroom");
		}
	}

	void shutdown() {
		this.executor.shutdownNow();
	}

}
