package io.strongroom.support;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;

/**
 * Waiting for something a background process does (a runner, a listener, a mail): the
 * condition is asked every 50 ms until it holds or the time is up, and an exception it
 * throws fails the test at once.
 */
public final class Eventually {

	private Eventually() {
	}

	public static void await(Callable<Boolean> condition, Duration timeout) {
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition);
	}

}
