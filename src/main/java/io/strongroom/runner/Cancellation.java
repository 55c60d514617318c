package io.strongroom.runner;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A request to stop, from the web service (a heartbeat answered {@code cancel}) or from a
 * signal. The pipeline polls it; the first reason wins.
 */
final class Cancellation {

	private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

	void cancel(String why) {
		this.reason.compareAndSet(null, why);
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
