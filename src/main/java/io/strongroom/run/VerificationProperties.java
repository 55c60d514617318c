package io.strongroom.run;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How backups are verified ({@code strongroom.verify.*}, docs/runs.md "Verification").
 *
 * @param automatic verify every successful backup; {@code false} leaves verification to
 * {@code POST /api/v1/backups/{id}/verify}
 * @param maxAttempts launches of one verification before a runner that cannot do its job
 * decides the outcome (FAILED for an unreadable object, SKIPPED otherwise)
 * @param retryDelay the wait before the next attempt, times the attempts made so far
 * @param scratchUrl local runners only: a database server URL (with a maintenance
 * database and a role that may {@code CREATE DATABASE}) where Strongroom creates a
 * scratch database for a restore test and drops it afterwards, for databases without a
 * verification database of their own; empty: off. Never given to a dyno.
 */
@ConfigurationProperties("strongroom.verify")
record VerificationProperties(@DefaultValue("true") boolean automatic, @DefaultValue("3") int maxAttempts,
		@DefaultValue("10m") Duration retryDelay, @Nullable String scratchUrl) {

	/**
	 * Where a runner finds the scratch server's URL ({@code restoreTest.mode = create}).
	 */
	static final String SCRATCH_URL_ENV = "STRONGROOM_VERIFY_SCRATCH_URL";

	VerificationProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("strongroom.verify.max-attempts must be 1 or more");
		}
		scratchUrl = (scratchUrl == null || scratchUrl.isBlank()) ? null : scratchUrl.trim();
	}

	@Override
	public String toString() {
		return "VerificationProperties[automatic=" + this.automatic + ", maxAttempts=" + this.maxAttempts
				+ ", retryDelay=" + this.retryDelay + ", scratchUrl=" + ((this.scratchUrl != null) ? "****" : "none")
				+ "]";
	}

}
