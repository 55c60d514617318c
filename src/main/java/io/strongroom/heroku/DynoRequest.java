package io.strongroom.heroku;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A detached one-off dyno to start. {@code env} usually carries secrets (a run ticket, a
 * database URL); {@link #toString()} shows only the names.
 *
 * @param command the command line the dyno runs
 * @param env extra environment for this dyno only
 * @param size the dyno size, or {@code null} for Heroku's default
 * @param timeToLive Heroku stops the dyno after this (at most 24 h), or {@code null}
 */
public record DynoRequest(String command, Map<String, String> env, @Nullable String size,
		@Nullable Duration timeToLive) {

	public DynoRequest {
		Objects.requireNonNull(command, "command");
		env = Map.copyOf(env);
		if (timeToLive != null && (timeToLive.isNegative() || timeToLive.compareTo(Duration.ofDays(1)) > 0)) {
			throw new IllegalArgumentException("A dyno's time to live must be between 0 and 24 hours");
		}
	}

	@Override
	public String toString() {
		return "DynoRequest[command=" + this.command + ", env=" + this.env.keySet() + " (values redacted), size="
				+ this.size + ", timeToLive=" + this.timeToLive + "]";
	}

}
