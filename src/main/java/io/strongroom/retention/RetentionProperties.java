package io.strongroom.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention's own settings ({@code strongroom.retention.*}).
 *
 * @param sweepInterval how often every database is pruned and failed deletions are
 * retried (besides right after each successful backup); {@code 0} turns the sweep off
 */
@ConfigurationProperties("strongroom.retention")
record RetentionProperties(@DefaultValue("1h") Duration sweepInterval) {

	RetentionProperties {
		if (sweepInterval.isNegative()) {
			throw new IllegalArgumentException("strongroom.retention.sweep-interval must not be negative");
		}
	}

}
