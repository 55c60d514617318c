package io.strongroom.run;

import org.jspecify.annotations.Nullable;

/**
 * What a launcher knows of a runner it started.
 *
 * @param state whether it runs, ended, or the launcher cannot tell
 * @param detail for an ended runner, how it ended (exit code, dyno state)
 */
record RunnerStatus(State state, @Nullable String detail) {

	enum State {

		ALIVE, ENDED, UNKNOWN

	}

	static RunnerStatus alive() {
		return new RunnerStatus(State.ALIVE, null);
	}

	static RunnerStatus ended(String detail) {
		return new RunnerStatus(State.ENDED, detail);
	}

	static RunnerStatus unknown() {
		return new RunnerStatus(State.UNKNOWN, null);
	}

}
