package io.strongroom.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The bodies verification runners send (docs/runner-spec.md, "verify"). */
final class VerificationReports {

	private VerificationReports() {
	}

	record Result(@Nullable String status, @Nullable String verificationId, @Nullable String runId,
			@Nullable String detail, @Nullable JsonNode integrity, @Nullable JsonNode restore,
			@Nullable JsonNode durationsMillis) {

	}

}
