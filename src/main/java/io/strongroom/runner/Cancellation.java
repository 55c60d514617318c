package io.strongroom.runner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A request to stop, from the web service (a heartbeat answered {@code cancel}) or from a
 * signal. The pipeline polls it; the first reason wins.
 */
final class Cancellation {

	private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	void cancel(String why) {
		if (this.reason.compareAndSet(null, why)) {
			this.listeners.forEach(Runnable::run);
		}
	}

	/**
	 * Runs {@code action} on the cancelling thread when a cancellation comes (at once if
	 * it already came), until the returned handle is closed: for work that does not poll,
	 * such as a restore tool building indexes.
	 */
	AutoCloseable onCancel(Runnable action) {
		this.listeners.add(action);
		if (this.reason.get() != null) {
			action.run();
		}
		return () -> this.listeners.remove(action);
	}

	@Nullable String reason() {
		return this.reason.get();
	}

	void check() throws RunnerFailure {
		String why = this.reason.get();
		if (why != null) {
			throw new RunnerFailure(FailureKind.CANCELLED, "Cancelled: " + why);
		}
	}

}
