package io.strongroom.run;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The dispatcher's and the watchdog's timers, on threads of their own so that nothing
 * else scheduled in the application can delay a stall check. Stops the local runners when
 * the web process stops.
 */
class RunTimers implements SmartLifecycle {

	private final RunDispatcher dispatcher;

	private final RunWatchdog watchdog;

	private final RunLauncher launcher;

	private final RunProperties properties;

	private ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	RunTimers(RunDispatcher dispatcher, RunWatchdog watchdog, RunLauncher launcher, RunProperties properties) {
		this.dispatcher = dispatcher;
		this.watchdog = watchdog;
		this.launcher = launcher;
		this.properties = properties;
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("run-timer-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		scheduler.scheduleWithFixedDelay(this.dispatcher::wakeUp, this.properties.dispatchInterval());
		scheduler.scheduleWithFixedDelay(this.watchdog::check, this.properties.watchdogInterval());
		this.scheduler = scheduler;
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdown();
		}
		this.dispatcher.shutdown();
		if (this.launcher instanceof LocalRunLauncher local) {
			local.stopAll();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
