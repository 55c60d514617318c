package io.strongroom.retention;

import java.time.Duration;

/**
 * Short duration text for reasons and descriptions: {@code 7d}, {@code 36h}, {@code 90m}.
 */
final class Durations {

	private Durations() {
	}

	static String format(Duration duration) {
		if (duration.toSeconds() % 86400 == 0) {
			return duration.toDays() + "d";
		}
		if (duration.toSeconds() % 3600 == 0) {
			return duration.toHours() + "h";
		}
		if (duration.toSeconds() % 60 == 0) {
			return duration.toMinutes() + "m";
		}
		return duration.toSeconds() + "s";
	}

}
