package io.strongroom.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The bodies runners send to the callback API (TEAM.md, "Runner callback API"). */
final class RunnerReports {

	private RunnerReports() {
	}

	record Heartbeat(@Nullable String stage, @Nullable Long bytesIn, @Nullable Long bytesOut) {

	}

	record HeartbeatAnswer(boolean cancel) {

	}

	record Failure(@Nullable String kind, @Nullable String message) {

	}

	record Result(@Nullable String status, @Nullable String runId, @Nullable String objectKey,
			@Nullable String manifestKey, @Nullable String engine, @Nullable String compression, @Nullable Long bytesIn,
			@Nullable Long bytesOut, @Nullable String sha256, @Nullable String hmacSha256,
			@Nullable JsonNode durationsMillis, @Nullable String serverVersion, @Nullable String clientVersion,
			@Nullable JsonNode statistics) {

	}

}
