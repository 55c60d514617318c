package io.strongroom.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs are started and watched ({@code strongroom.run.*}).
 *
 * @param launcher {@code local} (a child process; the embedded default) or {@code heroku}
 * (a one-off dyno on the customer's app)
 * @param stallTimeout a run with no call from its runner for this long is FAILED
 * (stalled); runners send a heartbeat at least every 30 s
 * @param cancelGrace how long a runner that was told to stop may take before it is killed
 * and the run marked CANCELLED anyway
 * @param watchdogInterval how often stalled, overdue and exited runs are looked for
 * @param dispatchInterval how often queued runs are offered to the launcher (besides
 * right after one is queued)
 * @param compression {@code zstd} or {@code gzip}
 * @param compressionLevel the compressor's level
 * @param clientDirectories where runners look for {@code pg_dump} and friends; empty for
 * the runner's default (PATH and {@code /usr/lib/postgresql/*}{@code /bin})
 * @param local the child-process launcher
 * @param heroku the one-off dyno launcher
 */
@ConfigurationProperties("strongroom.run")
record RunProperties(@DefaultValue("local") String launcher, @DefaultValue("10m") Duration stallTimeout,
		@DefaultValue("2m") Duration cancelGrace, @DefaultValue("30s") Duration watchdogInterval,
		@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("zstd") String compression,
		@DefaultValue("1") int compressionLevel, @DefaultValue List<String> clientDirectories,
		@Nullable URI callbackUrl, @DefaultValue Local local, @DefaultValue Heroku heroku) {

	/**
	 * @param maxConcurrent runners this web process runs at once (its own children); more
	 * wait QUEUED
	 * @param jar the jar to run ({@code java -jar <jar> backup ...}); by default the jar
	 * this process runs from, else {@code target/strongroom.jar}, else this process's
	 * class path
	 * @param java the {@code java} binary; by default the one running this process
	 * @param maxLogLines lines of runner output kept per run
	 * @param command a command to run instead of {@code java -jar <jar>} (a wrapper
	 * script); {@code backup --run <url>} is appended
	 */
	record Local(@DefaultValue("2") int maxConcurrent, @Nullable Path jar, @Nullable Path java,
			@DefaultValue("5000") int maxLogLines, @DefaultValue List<String> command) {

	}

	/**
	 * @param dynoSize the one-off dyno's size
	 * @param timeToLive Heroku stops the dyno after this long (at most 24 h); the
	 * backstop for a dyno the watchdog gave up on and could not stop through the Platform
	 * API
	 * @param maxConcurrent dynos launched at once by all web processes together (backup
	 * and verification runners alike); more wait QUEUED
	 * @param bundle the runner bundle (a jlink'd runtime and the jar, tar.gz) that dynos
	 * download from {@code <STRONGROOM_BASE_URL>/runner/bundle/strongroom-runner.tar.gz};
	 * {@code ./mvnw package} builds it
	 */
	record Heroku(@DefaultValue("standard-1X") String dynoSize, @DefaultValue("6h") Duration timeToLive,
			@DefaultValue("50") int maxConcurrent, @DefaultValue("target/strongroom-runner.tar.gz") Path bundle) {

	}

}
